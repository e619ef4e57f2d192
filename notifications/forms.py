from django import forms

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
