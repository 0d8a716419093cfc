"""The desk (one update, side by side) and the dashboard (every update's translation).

Both are admin pages: ``urls.py`` wraps them in ``admin.site.admin_view`` (staff only,
never cached) and they render in the admin's look with its context. The desk works
without JavaScript: "copy the source" and "machine suggestion" are submit buttons that
re-render the form with the text filled in, keeping everything typed. Saving and
marking reviewed go through ``writes.py``.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsroom.articles import workflow
from newsroom.articles.models import Article, Status, Topic, TranslationState
from newsroom.articles.presence import staff_name
from newsroom.articles.workflow.permissions import part_label
from newsroom.articles.workflow.translation import changed_since
from newsroom.languages import LANGUAGE_CODES, info

from . import writes
from .dashboard import filtered, state_counts
from .fields import desk_fields, removed_since_review
from .forms import DeskForm, PreviewLinkForm
from .models import PreviewLink
from .providers import ProviderError, get_provider
from .suggestions import suggest

CHANGE_PERMISSION = "articles.change_article"
VIEW_PERMISSION = "articles.view_article"
REVIEW_PERMISSION = "articles.review_translation"
DASHBOARD_PAGE_SIZE = 50


def _require(user, *perms):
    if not any(user.has_perm(perm) for perm in perms):
        raise PermissionDenied


# The desk.
def desk(request, pk):
    _require(request.user, CHANGE_PERMISSION)
    article = get_object_or_404(
        Article.objects.prefetch_related("signals", "key_points", "corrections"), pk=pk
    )
    fields = desk_fields(article)
    provider = get_provider()
    form_kwargs = {"desk_fields": fields, "target_language": article.target_language}

    if request.method != "POST":
        initial = {field.key: field.target for field in fields} | {"version": article.version}
        return _render_desk(request, article, fields, DeskForm(initial=initial, **form_kwargs))

    if "_preview_link" in request.POST:
        return _create_preview_link(request, article)

    data = request.POST.copy()
    by_key = {field.key: field for field in fields}
    machine = set(data.get("machine", "").split())
    if data.get("_copy") in by_key:
        data[data["_copy"]] = by_key[data["_copy"]].source
    elif (data.get("_suggest") in by_key or "_suggest_empty" in data) and not (
        writes.may_use_machine_suggestions(request.user, article)
    ):
        messages.error(request, writes.MACHINE_NEEDS_REVIEWER)
    elif data.get("_suggest") in by_key or "_suggest_empty" in data:
        wanted = (
            [by_key[data["_suggest"]]]
            if data.get("_suggest") in by_key
            else [f for f in fields if f.source.strip() and not data.get(f.key, "").strip()]
        )
        try:
            for field, text in zip(wanted, suggest(provider, article, wanted), strict=True):
                data[field.key] = text
                machine.add(field.key)
        except ProviderError as error:
            messages.error(request, error.message)
        else:
            if not wanted:
                messages.info(request, _("Every text with a source already has a translation."))
        data["machine"] = " ".join(sorted(machine))
    elif "_save" in data or "_review" in data:
        form = DeskForm(data, **form_kwargs)
        if form.is_valid():
            saved = _save(request, article, fields, form, review="_review" in data)
            if saved:
                return redirect(request.path)
        return _render_desk(request, article, fields, form)
    return _render_desk(request, article, fields, DeskForm(data, **form_kwargs))


def _save(request, article, fields, form, *, review):
    """Save what changed through the workflow; True when saved."""
    changes, rows, machine = {}, {}, False
    machine_keys = form.machine_keys()
    for field in fields:
        value = form.cleaned_data[field.key]
        if value == field.target:
            continue
        machine = machine or field.key in machine_keys
        if field.column:
            changes[field.column] = value
        else:
            target = f"text_{article.target_language}"
            rows.setdefault(field.related, []).append(
                writes.Row(pk=field.pk, values={target: value})
            )
    if not (changes or rows or review):
        messages.info(request, _("Nothing was changed."))
        return True
    try:
        writes.save_translation(
            article=article,
            user=request.user,
            version=form.cleaned_data["version"],
            changes=changes,
            rows=rows,
            machine=machine,
            review=review,
        )
    except writes.StaleEdit:
        messages.error(
            request,
            _(
                "Someone saved this update after you opened the desk, so nothing was saved. "
                "Your text is still below: copy what you need, then reload the desk."
            ),
        )
        return False
    except (PermissionDenied, ValidationError) as error:
        text = " ".join(getattr(error, "messages", [])) or _(
            "You do not have permission to do this."
        )
        messages.error(request, _("Nothing was saved: %(problem)s") % {"problem": text})
        return False
    if review:
        messages.success(
            request,
            _("Saved, and the translation is marked reviewed by %(name)s.")
            % {"name": staff_name(request.user)},
        )
    else:
        messages.success(request, _("The translation was saved."))
    return True


def _create_preview_link(request, article):
    form = PreviewLinkForm(request.POST)
    form.fields["language"].choices = _language_choices()
    if not form.is_valid():
        messages.error(request, _("The preview link was not made: check the language and days."))
        return redirect(request.path)
    link = PreviewLink.objects.create(
        article=article,
        language=form.cleaned_data["language"],
        note=form.cleaned_data["note"],
        created_by=request.user,
        expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
    )
    messages.success(
        request,
        _("Preview link for %(language)s, valid until %(when)s: %(url)s")
        % {
            "language": info(link.language).name,
            "when": timezone.localtime(link.expires_at).strftime("%Y-%m-%d %H:%M"),
            "url": request.build_absolute_uri(link.get_absolute_url()),
        },
    )
    return redirect(request.path)


def _language_choices():
    return [(code, info(code).name) for code in LANGUAGE_CODES]


def _render_desk(request, article, fields, form):
    user = request.user
    provider = get_provider()
    machine_keys = form.machine_keys()
    rows = [(field, form[field.key], field.key in machine_keys) for field in fields]
    preview_form = PreviewLinkForm(initial={"language": article.target_language})
    preview_form.fields["language"].choices = _language_choices()
    preview_form.fields["days"].initial = _preview_days()
    context = admin.site.each_context(request) | {
        "title": _("Translation desk: %(title)s") % {"title": article},
        "article": article,
        "rows": rows,
        "form": form,
        "removed": removed_since_review(article),
        "changed_count": sum(1 for field in fields if field.changed),
        "source_name": info(article.source_language).name,
        "target_name": info(article.target_language).name,
        "provider": provider,
        "machine_needs_reviewer": writes.MACHINE_NEEDS_REVIEWER,
        "may_suggest": provider.enabled and writes.may_use_machine_suggestions(user, article),
        "may_review": user.has_perm(REVIEW_PERMISSION),
        "reviewer_name": staff_name(user),
        "last_reviewer": staff_name(article.translation_reviewed_by)
        if article.translation_reviewed_by
        else "",
        "preview_form": preview_form,
        "preview_links": PreviewLink.objects.filter(article=article).active()[:5],
        "opts": Article._meta,
    }
    return TemplateResponse(request, "translation_desk/desk.html", context)


def _preview_days():
    return settings.PREVIEW_LINK_DAYS


# The dashboard.
def dashboard(request):
    _require(request.user, CHANGE_PERMISSION, VIEW_PERMISSION)
    params = request.GET
    updates, filters = filtered(params)
    page = Paginator(updates, DASHBOARD_PAGE_SIZE).get_page(params.get("page"))
    rows = []
    for article in page.object_list:
        changes = workflow.translation_changes(article) if article.reviewed_source else []
        rows.append(
            {
                "article": article,
                "source_name": info(article.source_language).name,
                "target_name": info(article.target_language).name,
                "changed": changes,
                "changed_labels": ", ".join(part_label(c.field) for c in changes),
                # The oldest change the translation has not caught up with.
                "changed_since": min(changed_since(article).values(), default=None),
                "desk_url": reverse("translation_desk:desk", args=[article.pk]),
            }
        )
    counts = state_counts()
    query = params.copy()
    query.pop("page", None)
    context = admin.site.each_context(request) | {
        "title": _("Translations"),
        "rows": rows,
        "page_obj": page,
        "counts": [(state, label, counts[state]) for state, label in TranslationState.choices],
        "published_outdated": counts["published_outdated"],
        "filters": filters,
        "states": TranslationState.choices,
        "languages": _language_choices(),
        "topics": Topic.objects.order_by("slug"),
        "statuses": Status.choices,
        "query": query.urlencode(),
        "total": page.paginator.count,
        "summary": ngettext("%(count)d update", "%(count)d updates", page.paginator.count)
        % {"count": page.paginator.count},
    }
    return TemplateResponse(request, "translation_desk/dashboard.html", context)
