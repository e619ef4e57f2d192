from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_pdf
from meetings.models import Meeting
from providers.forms import PlanningRegionChoiceField
from providers.models import PlanningRegion

from .models import Stage


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What do you propose, and why? Markdown works: *italic*, **bold**, lists. "
            "No personal data about children, young people or families."
        ),
    )
    attachment = forms.FileField(
        label=_("Attachment (PDF, optional)"),
        required=False,
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    planning_region = PlanningRegionChoiceField(
        label=_("Planning region or social space (optional)"),
        queryset=PlanningRegion.objects.none(),
        required=False,
        empty_label=_("The whole region of the network"),
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planning_region"].queryset = regions


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}))


class MoveForm(forms.Form):
    to_stage = forms.ModelChoiceField(label=_("New stage"), queryset=Stage.objects.none())
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When it happened, e.g. the date of the committee's meeting."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    decision_reference = forms.CharField(
        label=_("Reference of the decision"),
        max_length=100,
        required=False,
        help_text=_(
            "For a decision of the committee: the printed matter or resolution number, "
            "e.g. Drucksache 2026/123."
        ),
    )

    def __init__(self, *args, stages, current, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("date", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].queryset = Stage.objects.filter(
            pk__in=[stage.pk for stage in stages if stage.pk != current.pk]
        ).order_by("position", "pk")
        following = [s for s in stages if s.position > current.position]
        if following:
            self.initial.setdefault("to_stage", following[0].pk)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        start = timezone.localtime(obj.start)
        return f"{start:%d.%m.%Y %H:%M} – {obj.title}"


class AgendaForm(forms.Form):
    meeting = MeetingChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        first = meetings.first()
        if first is not None:
            self.initial.setdefault("meeting", first.pk)


class ProposalFilterForm(forms.Form):
    """The list's filter (GET). Invalid values are ignored."""

    stage = forms.ModelChoiceField(
        label=_("Stage"), queryset=Stage.objects.none(), required=False, empty_label=_("All")
    )
    region = PlanningRegionChoiceField(
        label=_("Planning region or social space"),
        queryset=PlanningRegion.objects.none(),
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, *args, stages, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = stages
        self.fields["region"].queryset = regions


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["name", "position", "kind"]
        widgets = {"position": forms.NumberInput(attrs={"min": 0, "max": 99})}

    def validate_unique(self):
        # The network is set by the service; the name's uniqueness is checked across the
        # whole formset in ``StageFormSet.clean``.
        pass


class BaseStageFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        names = [
            form.cleaned_data["name"].strip().casefold()
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if form.cleaned_data.get("name") and not form.cleaned_data.get("DELETE")
        ]
        if len(names) != len(set(names)):
            raise forms.ValidationError(_("Each stage needs a name of its own."))


StageFormSet = forms.modelformset_factory(
    Stage, form=StageForm, formset=BaseStageFormSet, extra=1, can_delete=True
)
