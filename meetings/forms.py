from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from network.models import Network
from providers.models import Organisation

from .models import (
    CASE_CONFERENCE_FIELDS,
    EDITABLE_FIELDS,
    AgendaItem,
    Meeting,
    MeetingKind,
    MeetingSeries,
    TopicProposal,
)
from .selectors import (
    colleagues,
    invitable_people,
    network_organisations,
    network_people,
    organisation_of_colleague,
    walk_in_candidates,
)
from .widgets import PickerFormMixin

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def people_url(network: Network, meeting: Meeting | None = None) -> str:
    """The suggestions of a people picker (``meetings:people``), for a network or a meeting."""
    params = {"meeting": meeting.pk} if meeting is not None else {"network": network.pk}
    return f"{reverse('meetings:people')}?{urlencode(params)}"


def minutes_url(meeting: Meeting | None) -> str:
    """Where the minutes page's small forms search without JavaScript: the page itself."""
    return reverse("meetings:minutes", args=[meeting.pk]) if meeting is not None else ""


# Editable fields the meeting form does not show: the case reference belongs to case
# conferences (``CASE_CONFERENCE_FIELDS``); reminders and the data-protection notice come from
# the template of the kind.
NOT_ON_MEETING_FORM = ("case_reference", "reminder_offsets", "data_protection_notice")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MeetingStartForm(forms.Form):
    """Step one: which network and which kind of meeting (chooses the template)."""

    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks


class MeetingForm(PickerFormMixin, forms.ModelForm):
    online_url = forms.URLField(
        label=Meeting._meta.get_field("online_url").verbose_name,
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("Shown only to registered people."),
    )

    class Meta:
        model = Meeting
        fields = [name for name in EDITABLE_FIELDS if name not in NOT_ON_MEETING_FORM]
        widgets = {
            "start": DateTimeLocalInput(),
            "end": DateTimeLocalInput(),
            "registration_deadline": DateTimeLocalInput(),
            "topic_deadline": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "description": _("Markdown: **bold**, lists with -, links."),
            "capacity": _("Leave empty for no limit. When full, people go on the waiting list."),
        }

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_person"].queryset = network_people(network)
        meeting = self.instance if self.instance.pk else None
        self.use_picker("contact_person", url=people_url(network, meeting))
        if "working_group" in self.fields:
            self.fields["working_group"].queryset = network.working_groups.all()
        self.fields["end"].required = False
        self.fields["end"].help_text = _("Empty: the usual duration of this kind of meeting.")
        self.network = network
        if "topic_visibility" in self.fields:
            self.fields["topic_visibility"].required = False

    def clean(self):
        data = super().clean()
        if "topic_visibility" in self.fields and not data.get("topic_visibility"):
            # Not sent: the meeting keeps its setting, a new one takes the network's.
            data["topic_visibility"] = (
                self.instance.topic_visibility
                if self.instance.pk
                else self.network.topic_visibility
            )
        start, end = data.get("start"), data.get("end")
        if start and end is None and self.instance.pk:
            # Editing: an empty end keeps the meeting's length (a new meeting gets the usual
            # length of its kind from the service).
            data["end"] = start + (self.instance.end - self.instance.start)
        elif start and end and end <= start:
            self.add_error("end", _("The meeting must end after it starts."))
        return data


class CaseConferenceForm(MeetingForm):
    """Only a case reference describes the case; every field repeats the warning."""

    class Meta(MeetingForm.Meta):
        fields = list(CASE_CONFERENCE_FIELDS)

    def __init__(self, *args, notice: str, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.help_text = notice


class NextDateForm(forms.Form):
    recurrence = forms.ChoiceField(
        label=_("Repeats"), choices=MeetingSeries.Recurrence.choices, required=False
    )


class InvitationForm(PickerFormMixin, forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("People to invite"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = invitable_people(meeting)
        self.use_picker("people", url=people_url(meeting.network, meeting), multiple=True)


class RegistrationForm(forms.Form):
    notes = forms.CharField(
        label=_("Accessibility or dietary notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only the contact person and the coordination see these notes."),
    )


class ColleagueRegistrationForm(RegistrationForm):
    person = forms.ModelChoiceField(label=_("Colleague"), queryset=get_user_model().objects.none())
    field_order = ["person", "notes"]

    def __init__(self, *args, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_ids = organisation_ids
        self.fields["person"].queryset = colleagues(organisation_ids)

    def organisation_for(self, user) -> Organisation | None:
        return organisation_of_colleague(user, self.organisation_ids)


class TopicForm(forms.ModelForm):
    class Meta:
        model = TopicProposal
        fields = ["title", "description", "duration_minutes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class TopicCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Plain text. Everyone who sees the topic sees your name and organisation."),
    )


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "duration_minutes", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class MinutesForm(forms.Form):
    """General minutes, minutes and decisions per agenda item, attendance per registration."""

    minutes = forms.CharField(
        label=_("Minutes (general part)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, meeting: Meeting, items, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.registrations = list(registrations)
        if meeting.is_case_conference:
            del self.fields["minutes"]
        else:
            self.fields["minutes"].initial = meeting.minutes
            for item in self.items:
                self.fields[f"item_{item.pk}_minutes"] = forms.CharField(
                    label=_("Minutes: %(title)s") % {"title": item.title},
                    required=False,
                    initial=item.minutes,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                self.fields[f"item_{item.pk}_decisions"] = forms.CharField(
                    label=_("Decisions: %(title)s") % {"title": item.title},
                    required=False,
                    initial=item.decisions,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        for registration in self.registrations:
            self.fields[f"attended_{registration.pk}"] = forms.BooleanField(
                label=registration.user.get_full_name() if registration.user else _("(deleted)"),
                required=False,
                initial=registration.attended is not False,
            )

    def item_data(self) -> dict[int, dict]:
        return {
            item.pk: {
                "minutes": self.cleaned_data.get(f"item_{item.pk}_minutes", ""),
                "decisions": self.cleaned_data.get(f"item_{item.pk}_decisions", ""),
            }
            for item in self.items
            if f"item_{item.pk}_minutes" in self.fields
        }

    def attendance_data(self) -> dict[int, bool]:
        return {r.pk: self.cleaned_data[f"attended_{r.pk}"] for r in self.registrations}


class MeasureForm(PickerFormMixin, forms.Form):
    title = forms.CharField(label=_("What"), max_length=300)
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsible_person = forms.ModelChoiceField(
        label=_("Responsible person"), queryset=get_user_model().objects.none(), required=False
    )
    responsible_organisation = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none(), required=False
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, network: Network, meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_person"].queryset = network_people(network)
        self.fields["responsible_organisation"].queryset = network_organisations(network)
        self.use_picker(
            "responsible_person",
            url=people_url(network, meeting),
            search_action=minutes_url(meeting),
        )


class WalkInForm(PickerFormMixin, forms.Form):
    """A person of the network who came without registering."""

    person = forms.ModelChoiceField(
        label=_("Person who came without registering"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = walk_in_candidates(meeting)
        self.use_picker(
            "person", url=people_url(meeting.network, meeting), search_action=minutes_url(meeting)
        )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the meeting for you? (1 = not at all, 5 = very)"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other members never see who gave which feedback."),
    )
