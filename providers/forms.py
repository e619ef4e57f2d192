from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    County,
    FieldOfWork,
    Municipality,
    Offer,
    Organisation,
    OrganisationMember,
    TargetGroup,
)
from .selectors import DirectoryFilters, planning_region_choices


class MunicipalityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.county.name})"


def municipality_field(label, help_text=""):
    return MunicipalityChoiceField(
        label=label,
        queryset=Municipality.objects.select_related("county").order_by("name", "county__name"),
        required=False,
        help_text=help_text,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class PlanningRegionChoiceField(forms.ModelChoiceField):
    """Planning regions with their social spaces below them, named with the county."""

    def label_from_instance(self, obj):
        if obj.parent_id:
            return f"{obj.parent.name} › {obj.name}"
        return f"{obj.name} ({obj.county.name})"


class PlanningRegionMultipleChoiceField(forms.ModelMultipleChoiceField):
    label_from_instance = PlanningRegionChoiceField.label_from_instance


class OrganisationForm(forms.ModelForm):
    municipalities = municipality_field(
        _("Municipalities served"),
        _("Hold the Ctrl key (Cmd on a Mac) to select several."),
    )
    jurisdiction = municipality_field(
        _("Jurisdiction (youth offices only)"),
        _("The municipalities this youth office is responsible for."),
    )
    fields_of_work = forms.ModelMultipleChoiceField(
        label=_("Fields of work"),
        queryset=FieldOfWork.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=Organisation._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "legal_form",
            "fields_of_work",
            "sector_tags",
            "description",
            "street",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "municipalities",
            "jurisdiction",
            "is_public",
            "contact_is_public",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jurisdiction") and cleaned.get("kind") != Organisation.Kind.YOUTH_OFFICE:
            self.add_error(
                "jurisdiction", _("Only youth offices have a jurisdiction. Leave it empty.")
            )
        return cleaned


class OrganisationRegisterForm(OrganisationForm):
    function_title = forms.CharField(
        label=_("Your function in the organisation"),
        max_length=120,
        required=False,
        help_text=_("e.g. Head of department, social worker"),
    )


class OfferForm(forms.ModelForm):
    municipalities = municipality_field(
        _("Municipalities"),
        _("Where the offer is available. Empty: wherever your organisation works."),
    )
    planning_regions = PlanningRegionMultipleChoiceField(
        label=_("Planning regions and social spaces"),
        queryset=planning_region_choices(),
        required=False,
        help_text=_("The planning regions or social spaces of the youth office it serves, if any."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fields_of_work = forms.ModelMultipleChoiceField(
        label=_("Fields of work"),
        queryset=FieldOfWork.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "description",
            "target_groups",
            "fields_of_work",
            "age_from",
            "age_to",
            "municipalities",
            "planning_regions",
            "is_free",
            "languages",
            "accessibility_notes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "age_from": forms.NumberInput(attrs={"min": 0, "max": 99}),
            "age_to": forms.NumberInput(attrs={"min": 0, "max": 99}),
        }

    def clean(self):
        cleaned = super().clean()
        age_from, age_to = cleaned.get("age_from"), cleaned.get("age_to")
        if age_from is not None and age_to is not None and age_from > age_to:
            self.add_error("age_to", _("The upper age must not be below the lower age."))
        return cleaned

    def validate_constraints(self, exclude=None):
        # clean() already reports an inverted age range next to the field.
        pass


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=OrganisationMember.Role.choices,
        initial=OrganisationMember.Role.STAFF,
    )


class MemberForm(forms.ModelForm):
    class Meta:
        model = OrganisationMember
        fields = ["role", "function_title", "phone", "is_public_contact"]


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation's admins"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. your function and team, so that they recognise you."),
    )


class DirectoryFilterForm(forms.Form):
    """The directory's search form (GET). Invalid values are ignored, not shown as errors."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    place = forms.ChoiceField(label=_("Municipality or county"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds"))] + list(Organisation.Kind.choices),
    )
    field_of_work = forms.ModelChoiceField(
        label=_("Field of work"),
        queryset=FieldOfWork.objects.all(),
        required=False,
        empty_label=_("All fields of work"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        required=False,
        empty_label=_("All target groups"),
    )
    age = forms.IntegerField(
        label=_("Age of the child or young person (years)"),
        required=False,
        min_value=0,
        max_value=99,
    )
    region = PlanningRegionChoiceField(
        label=_("Planning region or social space"),
        queryset=planning_region_choices(),
        required=False,
        empty_label=_("All planning regions"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {}
        self.counties = {}
        choices = [("", _("Everywhere"))]
        current, group = None, []
        for municipality in Municipality.objects.select_related("county").order_by(
            "county__name", "name"
        ):
            county = municipality.county
            if county != current:
                if current is not None:
                    choices.append((current.name, group))
                current = county
                self.counties[f"c{county.pk}"] = county
                group = [(f"c{county.pk}", _("%(county)s (all)") % {"county": county.name})]
            if county.kind == County.Kind.CITY and municipality.name == county.name:
                continue  # a district-free city is its own only municipality
            self.municipalities[f"m{municipality.pk}"] = municipality
            group.append((f"m{municipality.pk}", municipality.name))
        if current is not None:
            choices.append((current.name, group))
        self.fields["place"].choices = choices

    def filters(self) -> DirectoryFilters:
        self.is_valid()
        data = self.cleaned_data  # only the valid fields of a half-broken query string
        place = data.get("place") or ""
        return DirectoryFilters(
            text=(data.get("q") or "").strip(),
            municipality=self.municipalities.get(place),
            county=self.counties.get(place),
            kind=data.get("kind") or "",
            field_of_work_id=data["field_of_work"].pk if data.get("field_of_work") else None,
            target_group_id=data["target_group"].pk if data.get("target_group") else None,
            age=data.get("age"),
            planning_region=data.get("region"),
        )
