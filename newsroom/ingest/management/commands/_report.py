"""How the import commands print a finished run."""

from django.utils.translation import gettext as _

from newsroom.ingest.models import ImportRun
from newsroom.ingest.services import summary_line


def report(command, run, *, verbosity=1, headline=True):
    """One line per run on stdout; failures and item errors on stderr (cron mails those).

    ``headline=False`` leaves out a failed run's own line: the command ends with it
    (``failure``) as its error, so it is not printed twice.
    """
    label = run.source or run.location
    if run.status == ImportRun.Status.FAILED:
        if headline:
            command.stderr.write(failure(run))
    elif verbosity >= 1:
        command.stdout.write(f"{label}: {run.get_status_display()}. {summary_line(run)}")
        if run.message and run.status != ImportRun.Status.NOT_MODIFIED:
            command.stdout.write(f"  {run.message}")
    for item in run.items.all():
        label = item.title or item.link or _("(no title, no link)")
        line = f"  {item.get_outcome_display()}: {label}"
        line += f" ({item.message})" if item.message else ""
        if item.outcome == item.Outcome.ERROR:
            command.stderr.write(line)
        elif verbosity >= 2:
            command.stdout.write(line)


def failure(run):
    """One line saying which run failed and why: the run's message, else its first
    item error."""
    reason = run.message
    if not reason:
        error = run.items.filter(outcome=run.items.model.Outcome.ERROR).first()
        reason = error.message if error else _("nothing could be imported.")
    reason = " ".join(reason.split())
    return f"{run.source or run.location}: {run.get_status_display()}: {reason}"
