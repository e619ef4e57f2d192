from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Network
from providers.models import Organisation

from .models import DEFAULT_RUNTIME, Post

NO_CLIENT_DATA = _(
    "Please do not write any personal data about children, young people, parents or other "
    "clients (no names, no dates of birth, no case details). Describe only what your "
    "organisation needs or offers."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PostForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    networks = forms.ModelMultipleChoiceField(
        label=_("Networks"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the members of these networks see the post."),
    )

    class Meta:
        model = Post
        fields = [
            "organisation",
            "networks",
            "direction",
            "kind",
            "title",
            "text",
            "help_kind",
            "starts_on",
            "ends_on",
            "expires_on",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "expires_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "text": NO_CLIENT_DATA,
            "starts_on": _("For a stand-in: the period in which help is needed or offered."),
            "expires_on": _("After this day the post disappears from the boards."),
        }

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        organisation_ids = {m.organisation_id for m in self.memberships}
        network_ids = {m.network_id for m in self.memberships}
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisation_ids
        ).order_by("name")
        self.fields["networks"].queryset = Network.objects.filter(pk__in=network_ids).order_by(
            "name"
        )
        if len(organisation_ids) == 1:
            self.fields["organisation"].initial = next(iter(organisation_ids))
        self.fields["expires_on"].initial = timezone.localdate() + DEFAULT_RUNTIME
        self.fields["expires_on"].required = True

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        networks = cleaned.get("networks")
        if organisation and networks:
            allowed = {
                m.network_id for m in self.memberships if m.organisation_id == organisation.pk
            }
            wrong = [n.name for n in networks if n.pk not in allowed]
            if wrong:
                self.add_error(
                    "networks",
                    _("%(organisation)s is not an active member of: %(networks)s")
                    % {"organisation": organisation.name, "networks": ", ".join(wrong)},
                )
        return cleaned


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "The posting organisation gets your answer by mail and can reply to you directly. "
            "Please do not write any personal data about clients."
        ),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("The coordinators of the post's networks get your report by mail."),
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the post hidden?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Recorded in the audit log of the network."),
    )
