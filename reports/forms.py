from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import ReportPeriod, last_calendar_year


class PeriodForm(forms.Form):
    """The report's period (a GET form): the last calendar year unless chosen otherwise."""

    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    include_subnetworks = forms.BooleanField(label=_("Include sub-networks"), required=False)

    def __init__(self, data=None, **kwargs):
        start, end = last_calendar_year()
        if data is not None and not any(k in data for k in ("start", "end")):
            data = None
        super().__init__(data, initial={"start": start, "end": end}, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end of the period lies before its start."))
            if (end - start).days > 366 * 10:
                raise forms.ValidationError(_("Choose a period of at most ten years."))
        return cleaned

    def period(self) -> ReportPeriod:
        """The chosen period, or the last calendar year when nothing (valid) was chosen."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            return ReportPeriod(data["start"], data["end"], data["include_subnetworks"])
        start, end = last_calendar_year()
        include = bool(self.is_bound and self.data.get("include_subnetworks"))
        return ReportPeriod(start, end, include)
