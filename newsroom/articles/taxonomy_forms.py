"""Admin forms for sources, topics and tags: what an editor types is stored without
control characters (they break RSS/Atom), and a source's addresses are web addresses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.ingest.fetch import is_web_address
from newsroom.text import strip_control_characters

from .models import Source, Tag, Topic


class ControlCharacterStrippingForm(forms.ModelForm):
    """Strips control characters (except tab and line breaks) from every text value."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = strip_control_characters(value)
        return cleaned


class SourceAdminForm(ControlCharacterStrippingForm):
    class Meta:
        model = Source
        fields = "__all__"  # noqa: DJ007  (the admin narrows it)

    def _web_address(self, name):
        value = self.cleaned_data.get(name, "")
        if value and not is_web_address(value):
            raise forms.ValidationError(_("Give an http:// or https:// address."), code="scheme")
        return value

    def clean_feed_url(self):
        return self._web_address("feed_url")

    def clean_homepage(self):
        return self._web_address("homepage")


class TopicAdminForm(ControlCharacterStrippingForm):
    class Meta:
        model = Topic
        fields = "__all__"  # noqa: DJ007  (the admin narrows it)


class TagAdminForm(ControlCharacterStrippingForm):
    class Meta:
        model = Tag
        fields = "__all__"  # noqa: DJ007  (the admin narrows it)
