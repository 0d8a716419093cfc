"""From the admin's validated form and formsets to one workflow call.

The admin never saves an update: ``save`` collects what the form says, calls
``workflow.save_edit`` (or ``create_update``) with the button's next step, and turns a
refusal into ``Refused``, which the change form shows with everything typed kept.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from .. import workflow
from ..forms import OUTDATED_CHOICE
from ..models import Article
from ..workflow.changes import KEPT_BY_WORKFLOW

FORM_ONLY = {"edit_version", "minor_edit"}
BUTTON_STEPS = {"_submit_review": "submit", "_publish": "publish"}


class Refused(Exception):
    """The workflow refused the save; ``errors``: {field or None: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _article_columns():
    names = {f.name for f in Article._meta.get_fields() if getattr(f, "concrete", False)}
    return names - KEPT_BY_WORKFLOW


def changes_from_form(form):
    columns = _article_columns()
    changes = {
        name: value
        for name, value in form.cleaned_data.items()
        if name in columns and name not in FORM_ONLY
    }
    if changes.get("translation_progress") == OUTDATED_CHOICE:
        del changes["translation_progress"]  # left as it was: reviewed, now out of date
    return changes


def rows_from_formsets(formsets):
    rows = {}
    for formset in formsets:
        kind = formset.fk.remote_field.get_accessor_name()
        if kind not in workflow.permissions.RELATED_ROWS:
            continue  # the read-only incoming links
        model_fields = {
            f.name for f in formset.model._meta.concrete_fields if f.name != formset.fk.name
        } - {"id", "created_at"}
        kind_rows = []
        for form in formset.forms:
            pk = form.instance.pk
            if formset.can_delete and formset._should_delete_form(form):
                if pk:
                    kind_rows.append(workflow.Row(pk=pk, delete=True))
                continue
            if pk is None and not form.has_changed():
                continue
            values = {k: v for k, v in form.cleaned_data.items() if k in model_fields}
            kind_rows.append(workflow.Row(pk=pk, values=values))
        rows[kind] = kind_rows
    return rows


def step_from_request(request):
    return next((step for button, step in BUTTON_STEPS.items() if button in request.POST), None)


def save(request, form, formsets, add):
    """Save through the workflow; returns its ``Result`` or raises ``Refused``."""
    changes = changes_from_form(form)
    rows = rows_from_formsets(formsets)
    step = step_from_request(request)
    try:
        if add:
            return workflow.create_update(user=request.user, changes=changes, rows=rows, step=step)
        return workflow.save_edit(
            article=form.instance,
            user=request.user,
            version=form.cleaned_data.get("edit_version"),
            changes=changes,
            rows=rows,
            minor=form.cleaned_data.get("minor_edit", False),
            step=step,
        )
    except ValidationError as error:
        raise Refused(_errors(error)) from error
    except PermissionDenied as error:
        raise Refused({NON_FIELD_ERRORS: [str(error) or "Permission denied."]}) from error


def _errors(error):
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for e in errors for m in e.messages]
            for field, errors in error.error_dict.items()
        }
    return {NON_FIELD_ERRORS: list(error.messages)}
