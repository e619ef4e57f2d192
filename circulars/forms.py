from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document

from .models import Circular
from .selectors import meetings_to_address, working_groups_to_address


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleDocumentField(forms.FileField):
    """Several uploads at once, each checked like every other document upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,application/pdf"}
            ),
        )
        kwargs.setdefault("validators", [validate_document])
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class CircularForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("To"), choices=Circular.Audience.choices, widget=forms.RadioSelect
    )
    working_group = forms.ModelChoiceField(
        label=_("Working group"), queryset=None, required=False, empty_label=_("– choose –")
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting (its registered people)"),
        queryset=None,
        required=False,
        empty_label=_("– choose –"),
        help_text=_("Case conferences are not offered: their participants talk only there."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."),
    )
    attachments = MultipleDocumentField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF or office documents (Word, Excel, OpenDocument); at most 5."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = working_groups_to_address(network)
        self.fields["meeting"].queryset = meetings_to_address(network).select_related("network")
        self.fields["meeting"].label_from_instance = lambda meeting: (
            f"{meeting.title} ({meeting.start:%d.%m.%Y})"
        )

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Circular.Audience.WORKING_GROUP and not data.get("working_group"):
            self.add_error("working_group", _("Please choose the working group."))
        if audience == Circular.Audience.MEETING and not data.get("meeting"):
            self.add_error("meeting", _("Please choose the meeting."))
        return data


class CircularSettingsForm(forms.Form):
    mandatory = forms.BooleanField(
        label=_("Circulars are mandatory for representatives"),
        required=False,
        help_text=_(
            "If ticked, the representatives of the member organisations cannot switch this "
            "network's circulars off."
        ),
    )
