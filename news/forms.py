from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NewsItem


class NewsItemForm(forms.ModelForm):
    class Meta:
        model = NewsItem
        fields = ["title", "text", "visibility", "meeting", "membership_call"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "visibility": _(
                "Public news appear on the network page, on the home page and in the network's "
                "news feed. Never write anything about individual cases."
            ),
        }

    def __init__(self, *args, meetings, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        if not network.is_open_for_members:
            self.fields["membership_call"].help_text = _(
                "The network is not open for new members at the moment; the link is shown "
                "once it is."
            )
