"""The desk's form: one text box per translatable text, the edit version, and which
texts were filled from a machine suggestion (kept across re-renders without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeskForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    machine = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, desk_fields, target_language, **kwargs):
        super().__init__(*args, **kwargs)
        self.desk_fields = desk_fields
        for field in desk_fields:
            attrs = {"lang": target_language, "class": "vLargeTextField"}
            if field.multiline:
                widget = forms.Textarea(attrs=attrs | {"rows": 12 if field.markdown else 4})
            else:
                widget = forms.TextInput(attrs=attrs | {"class": "vTextField"})
            self.fields[field.key] = forms.CharField(
                label=field.label,
                required=False,
                strip=False,
                max_length=field.max_length if not field.multiline else None,
                widget=widget,
            )

    def machine_keys(self):
        raw = self.data.get("machine", "") if self.is_bound else self.initial.get("machine", "")
        return {key for key in raw.split() if key in self.fields}


class PreviewLinkForm(forms.Form):
    language = forms.ChoiceField(label=_("language"))
    days = forms.IntegerField(label=_("valid for (days)"), min_value=1, max_value=90)
    note = forms.CharField(label=_("for whom"), required=False, max_length=200)
