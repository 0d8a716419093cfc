"""Admin forms for updates: the checks that keep an editor's work from being lost."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from newsroom.languages import info, other_language

from .models import MAX_KEY_POINTS, MAX_SIGNALS, MIN_KEY_POINTS, Article


class ArticleAdminForm(forms.ModelForm):
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    minor_edit = forms.BooleanField(
        label=_("This is a minor edit"),
        required=False,
        help_text=_(
            "A typo or formatting fix in the source language. The translation stays "
            "reviewed instead of becoming out of date."
        ),
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007  (the admin narrows it to its fieldsets)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            current = Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            self.fields["edit_version"].initial = current.first() or self.instance.version
        if "translation_progress" in self.fields:
            self.fields["translation_progress"].help_text = _(
                "Choose “Reviewed” when the translation has been checked against the source text."
            )

    def _source_language(self):
        return self.cleaned_data.get("source_language") or self.instance.source_language

    def clean(self):
        cleaned = super().clean()
        self._check_not_stale()
        lang = self._source_language()
        title_field = f"title_{lang}"
        if title_field in self.fields and not cleaned.get(title_field):
            self.add_error(
                title_field,
                _("A title in %(language)s is required: it is this update's source language.")
                % {"language": info(lang).name},
            )
        for code in (lang, other_language(lang)):
            slug_field, title = f"slug_{code}", cleaned.get(f"title_{code}")
            if slug_field in self.fields and title and not cleaned.get(slug_field):
                cleaned[slug_field] = slugify(title)[:200] or None
        return cleaned

    def _check_not_stale(self):
        """Refuse a save based on an older version than the one now stored.

        The row is locked until the admin's transaction ends, so two saves in the
        same instant are ordered and the second one is refused, not lost.
        """
        if not self.instance.pk:
            return
        row = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values("version", "updated_at")
            .first()
        )
        if row is None:
            return
        submitted = self.cleaned_data.get("edit_version")
        if submitted != row["version"]:
            raise ValidationError(
                _(
                    "Someone else saved this update at %(time)s while you were editing it. "
                    "Your changes have not been saved and are still in this form: open the "
                    "update in a new tab to see the other changes, then combine them and save "
                    "again."
                ),
                code="stale",
                params={"time": formats.date_format(row["updated_at"], "DATETIME_FORMAT")},
            )
        self.instance.version = row["version"]


class SignalFormSet(forms.BaseInlineFormSet):
    """At most five signals; each one needs its text in the source language."""

    def clean(self):
        super().clean()
        live = [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
        ]
        if len(live) > MAX_SIGNALS:
            raise ValidationError(
                _("An update has at most %(count)d editorial signals.") % {"count": MAX_SIGNALS}
            )


class KeyPointFormSet(forms.BaseInlineFormSet):
    """None, or two to six key points, in order."""

    def clean(self):
        super().clean()
        live = [
            form
            for form in self.forms
            if (form.has_changed() or form.instance.pk)
            and not (self.can_delete and self._should_delete_form(form))
            and any(value for name, value in form.cleaned_data.items() if name.startswith("text"))
        ]
        if live and not MIN_KEY_POINTS <= len(live) <= MAX_KEY_POINTS:
            raise ValidationError(
                _("An update has no key points, or between %(low)d and %(high)d of them.")
                % {"low": MIN_KEY_POINTS, "high": MAX_KEY_POINTS}
            )
