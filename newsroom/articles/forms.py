"""Admin forms for updates: the checks that keep an editor's work from being lost."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsroom.languages import info

from .models import MAX_KEY_POINTS, MAX_SIGNALS, MIN_KEY_POINTS, Article, TranslationState

# Shown in the progress select when a reviewed translation is out of date: choosing
# “Reviewed” then reviews it again (against the source as it is now).
OUTDATED_CHOICE = "outdated"


class ArticleAdminForm(forms.ModelForm):
    """The update change form. It only validates input; the workflow saves (see
    ``admin.adapter``) and may refuse, and its refusal comes back as ``refusal``."""

    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    minor_edit = forms.BooleanField(
        label=_("This is a minor edit"),
        required=False,
        help_text=_(
            "A typo or formatting fix in the source language. The translation stays "
            "reviewed instead of becoming out of date."
        ),
    )
    refusal = None  # {field or None: [messages]} from the workflow, shown on a second pass

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007  (the admin narrows it to its fieldsets)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.version
        progress = self.fields.get("translation_progress")
        if progress is not None:
            progress.help_text = _(
                "Choose “Reviewed” when the translation has been checked against the source text."
            )
            if self.instance.translation_state == TranslationState.OUTDATED:
                progress.choices = [
                    (OUTDATED_CHOICE, _("Reviewed earlier, now out of date")),
                    *progress.choices,
                ]
                self.initial["translation_progress"] = OUTDATED_CHOICE

    def _source_language(self):
        return self.cleaned_data.get("source_language") or self.instance.source_language

    def clean(self):
        cleaned = super().clean()
        lang = self._source_language()
        title_field = f"title_{lang}"
        if title_field in self.fields and not cleaned.get(title_field):
            self.add_error(
                title_field,
                _("A title in %(language)s is required: it is this update's source language.")
                % {"language": info(lang).name},
            )
        for field, messages in (self.refusal or {}).items():
            # Shown at the top of the form (the reason may be far down the page) and,
            # when a field is to blame, on that field too.
            self.add_error(None, messages)
            if field in self.fields:
                self.add_error(field, messages)
        return cleaned

    def _post_clean(self):
        # The pseudo-choice is not a model value: keep it out of the instance.
        progress = self.cleaned_data.get("translation_progress")
        if progress == OUTDATED_CHOICE:
            self.cleaned_data["translation_progress"] = self.instance.translation_progress
            super()._post_clean()
            self.cleaned_data["translation_progress"] = OUTDATED_CHOICE
            return
        super()._post_clean()


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
