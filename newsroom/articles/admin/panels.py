"""Read-only panels and changelist columns of the update admin (mixed into ArticleAdmin)."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from newsroom.languages import LANGUAGE_CODES, info

from ..revision_diff import word_diff
from ..workflow import translation_changes
from ..workflow.permissions import part_label
from ..workflow.revisions import when


def _text(value):
    return "\n".join(value) if isinstance(value, list) else (value or "")


class UpdatePanels:
    @admin.display(description=_("status"), ordering="status")
    def status_display(self, obj):
        now = timezone.now()
        if obj.is_scheduled(now):
            return _("Scheduled for %(when)s") % {"when": when(obj.publish_at)}
        if obj.embargo_until and obj.embargo_until > now and not obj.is_published(now):
            return _("%(status)s, under embargo until %(when)s") % {
                "status": obj.get_status_display(),
                "when": when(obj.embargo_until),
            }
        return obj.get_status_display()

    @admin.display(description=_("translation"), ordering="translation_state")
    def translation_display(self, obj):
        return format_html(
            '<span class="translation-state translation-{}">{}: {}</span>',
            obj.translation_state,
            info(obj.target_language).name,
            obj.get_translation_state_display(),
        )

    @admin.display(description=_("topics"))
    def topic_list(self, obj):
        return ", ".join(str(topic) for topic in obj.topics.all())

    @admin.display(description=_("translation status"))
    def translation_overview(self, obj):
        if obj is None or not obj.pk:
            return _("Save the update first.")
        target = info(obj.target_language).name
        parts = [
            format_html(
                "<p><strong>{}</strong>: "
                '<span class="translation-state translation-{}">{}</span></p>',
                target,
                obj.translation_state,
                obj.get_translation_state_display(),
            )
        ]
        if obj.translation_reviewed_at:
            parts.append(
                format_html(
                    "<p>{}</p>",
                    _("Last reviewed %(when)s by %(who)s.")
                    % {
                        "when": when(obj.translation_reviewed_at),
                        "who": obj.translation_reviewed_by or "—",
                    },
                )
            )
        changes = translation_changes(obj)
        if changes:
            parts.append(
                format_html(
                    "<p>{}</p>",
                    _("Changed in the source text since the review (full text, changes marked):"),
                )
            )
            parts.append(
                format_html(
                    '<table class="source-changes"><thead><tr><th>{}</th><th>{}</th>'
                    "</tr></thead><tbody>{}</tbody></table>",
                    _("field"),
                    _("source text: reviewed → now"),
                    format_html_join(
                        "",
                        '<tr><td>{}</td><td class="word-diff">{}</td></tr>',
                        (
                            (part_label(c.field), word_diff(_text(c.reviewed), _text(c.current)))
                            for c in changes
                        ),
                    ),
                )
            )
        missing = [
            part_label(name)
            for name in ("title", "relevance", "summary", "body")
            if getattr(obj, f"{name}_{obj.source_language}")
            and not getattr(obj, f"{name}_{obj.target_language}")
        ]
        if missing:
            parts.append(
                format_html(
                    "<p>{} {}</p>",
                    _("Not yet translated:"),
                    ", ".join(str(label) for label in missing),
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        if obj is None or not obj.pk:
            return _("Save the update to preview it.")
        links = []
        for lang in LANGUAGE_CODES:
            name = info(lang).name
            links.append(
                (
                    reverse("admin:articles_article_preview", args=[obj.pk, lang]),
                    _("Preview in %(language)s") % {"language": name},
                    "",
                )
            )
            for fmt, label in (("docx", _("Word")), ("pdf", _("PDF"))):
                links.append(
                    (
                        reverse("admin:articles_article_export", args=[obj.pk, lang, fmt]),
                        _("%(format)s in %(language)s") % {"format": label, "language": name},
                        "download",
                    )
                )
        return format_html_join(
            " · ",
            '<a href="{}" target="_blank" rel="noopener" {}>{}</a>',
            ((url, attr, text) for url, text, attr in links),
        )
