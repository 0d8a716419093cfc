from django.core.management.base import BaseCommand, CommandError

from newsroom.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or a SQLite copy) and the media "
        "folder into one timestamped tar file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="backups", help="Folder to write into (backups/).")

    def handle(self, *args, dir, **options):
        try:
            path = create_backup(dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
