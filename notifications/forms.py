from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationSettings


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = [
            "meeting_reminders",
            "topic_calls",
            "measure_reminders",
            "agreement_reminders",
            "minutes_notices",
        ]

    weekly_digest = forms.BooleanField(
        label=_("weekly digest of my networks"),
        help_text=_(
            "One mail a week with new meetings and what else is new in your networks; "
            "none in a week without news."
        ),
        required=False,
    )

    def __init__(self, *args, digest_default: bool, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = self.instance.weekly_digest
        self.fields["weekly_digest"].initial = digest_default if chosen is None else chosen

    def save(self, commit=True):
        self.instance.weekly_digest = self.cleaned_data["weekly_digest"]
        return super().save(commit=commit)
