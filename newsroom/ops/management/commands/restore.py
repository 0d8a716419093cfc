import tarfile

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsroom.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: REPLACES the database and the media "
        "folder with the backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A newsroom-<timestamp>.tar file.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask; replace the data at once."
        )

    def handle(self, *args, file, yes=False, **options):
        question = _("Replace the database and the media folder with %(file)s? [y/N] ")
        if not yes and input(question % {"file": file}).strip().lower() not in ("y", "j"):
            raise CommandError(_("Not restored."))
        try:
            manifest = restore_backup(file)
        except (BackupError, OSError, tarfile.TarError, KeyError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Restored the backup of %(created)s.") % manifest)
