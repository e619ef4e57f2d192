from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_logo, validate_pdf
from providers.models import Organisation, OrganisationMember

from .models import CooperationAgreement, Measure, Network, Representative


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    message = forms.CharField(
        label=_("Message to the coordinators"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Tell the network who you are and what you would like to contribute."),
        max_length=4000,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
        help_text=_("The applicant reads this in the email. Required when declining."),
    )


class DeclineReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class EndMembershipForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )


class RepresentativeForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=OrganisationMember.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Representative.Role.choices)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = OrganisationMember.objects.filter(
            organisation=organisation
        ).select_related("user")
        self.fields["person"].label_from_instance = lambda m: m.user.get_full_name()


class NetworkProfileForm(forms.ModelForm):
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        validators=[validate_logo],
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
        help_text=_(
            "PNG or JPEG, at most 1 MB: the letterhead of printed invitations, minutes and "
            "certificates."
        ),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def profile_fields(self) -> dict:
        """The fields for ``network_update_profile``: the logo only when it changes."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.cleaned_data.get("logo"):
            fields["logo"] = self.cleaned_data["logo"]
        elif self.cleaned_data.get("remove_logo"):
            fields["logo"] = ""
        return fields

    class Meta:
        model = Network
        fields = [
            "name",
            "description",
            "keywords",
            "visibility",
            "is_open_for_members",
            "open_for_members_text",
            "topic_visibility",
            "contact_name",
            "contact_email",
            "contact_phone",
            "municipalities",
            "reason",
            "goal",
            "implementation",
            "funding",
            "legal_form",
            "cooperating_since",
            "population",
            "population_date",
            "area_km2",
            "links",
        ]
        # German users type "563,3" and "299.302".
        localized_fields = ["population", "area_km2"]
        widgets = {
            "population_date": DateInput(),
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 4}),
            "implementation": forms.Textarea(attrs={"rows": 8}),
            "funding": forms.Textarea(attrs={"rows": 3}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_visibility"].required = False

    def clean_topic_visibility(self):
        # Not sent (an older form): the network keeps its setting.
        return self.cleaned_data.get("topic_visibility") or self.instance.topic_visibility


class WorkingGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    lead = forms.ModelChoiceField(label=_("Lead"), queryset=None, required=False)
    is_open = forms.BooleanField(
        label=_("Open: members of the network can join by themselves"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = people
        self.fields["lead"].label_from_instance = lambda u: u.get_full_name()


class WorkingGroupResultForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    document = forms.FileField(
        label=_("Document (PDF)"),
        required=False,
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    for_plenary = forms.BooleanField(
        label=_("Present in the plenary (offer as an agenda item)"), required=False, initial=True
    )

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("document"):
            raise ValidationError(_("Please enter a text or attach a PDF document."))
        return data


class AgreementForm(forms.ModelForm):
    class Meta:
        model = CooperationAgreement
        fields = [
            "title",
            "parties",
            "signed_on",
            "valid_from",
            "valid_until",
            "review_date",
            "document",
            "summary",
            "has_coordination_meetings",
            "has_case_conferences",
            "has_job_shadowing",
            "has_child_protection_duties",
            "press_contact",
        ]
        widgets = {
            "signed_on": DateInput(),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "review_date": DateInput(),
            "parties": forms.SelectMultiple(attrs={"size": 8}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "document": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].validators.append(validate_pdf)
        self.fields["parties"].queryset = Organisation.objects.order_by("name")

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end of validity must not be before its start."))
        return data


class MeasureStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Measure.Status.choices)
