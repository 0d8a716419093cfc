from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from newsroom.articles.models import Article
from newsroom.text import strip_control_characters

from . import protection
from .models import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH, Feedback

# Form-level error codes after which the reader needs a fresh form token.
NEEDS_NEW_TOKEN = ("token_invalid", "token_expired")
MAX_ID = 2**63 - 1  # the largest primary key a database holds


class MessageField(forms.CharField):
    """Counts a line break as one character, as the browser's maxlength does."""

    def to_python(self, value):
        value = strip_control_characters(super().to_python(value))
        return value.replace("\r\n", "\n").replace("\r", "\n")


class FeedbackForm(forms.Form):
    message = MessageField(
        label=_("Your message"),
        help_text=_("In English or Dutch, up to 2,000 characters."),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write a message before sending."),
            "min_length": ngettext_lazy(
                "Your message is too short: write at least %(limit_value)d character.",
                "Your message is too short: write at least %(limit_value)d characters.",
                "limit_value",
            ),
            "max_length": ngettext_lazy(
                "Your message is too long: keep it to %(limit_value)d character "
                "(it has %(show_value)d).",
                "Your message is too long: keep it to %(limit_value)d characters "
                "(it has %(show_value)d).",
                "limit_value",
            ),
        },
    )
    kind = forms.ChoiceField(
        label=_("What kind of message is it?"),
        choices=Feedback.Kind.choices,
        initial=Feedback.Kind.SUGGESTION,
        error_messages={"invalid_choice": _("Please choose one of the kinds in the list.")},
    )
    useful = forms.TypedChoiceField(
        label=_("Was this update useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        required=False,
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    update = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # A honeypot: hidden from people by CSS, filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_update(self):
        # Only a live update takes feedback. The message is kept (about no update) if the
        # update has since been unpublished or removed, or was never public: a draft's id
        # sent by hand attaches nothing.
        pk = self.cleaned_data["update"]
        if not pk or pk > MAX_ID:
            return None
        return Article.objects.published().filter(pk=pk).first()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _(
                    "Please leave the field “Leave this field empty” blank: "
                    "it is there to catch automated spam."
                ),
                code="honeypot",
            )
        try:
            self.form_token = protection.read_token(cleaned.get("token"))
        except protection.TokenTooFast:
            raise forms.ValidationError(
                _(
                    "That was quicker than anyone can type. Please check your message "
                    "and send it again."
                ),
                code="too_fast",
            ) from None
        except protection.TokenExpired:
            raise forms.ValidationError(
                _("This form was opened more than a day ago. Please send your message again."),
                code="token_expired",
            ) from None
        except protection.TokenInvalid:
            raise forms.ValidationError(
                _("We could not verify this form. Please send your message again."),
                code="token_invalid",
            ) from None
        return cleaned

    def needs_new_token(self):
        return any(self.has_error(NON_FIELD_ERRORS, code) for code in NEEDS_NEW_TOKEN)

    def with_new_token(self):
        """Hand the reader a fresh token while keeping everything they typed."""
        self.data = self.data.copy()
        self.data["token"] = protection.make_token()
        return self
