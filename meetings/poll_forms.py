"""Forms of date polls: open a poll (up to 30 proposed dates, one per line) and answer it."""

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Network, WorkingGroup

from .forms import DateTimeLocalInput
from .models import POLL_TIME_ZONE, DatePoll, DatePollAnswer, MeetingKind

# "14.12.2026", "Mo, 14.12.2026 14:00", "2026-12-14 14:00–16:00", "14.12.2026 9.30 bis 12 Uhr"
LINE = re.compile(
    r"^(?:[^\W\d_]{2,10}\.?,?\s+)?"
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})"
    r"(?:,?\s+(?P<start>\d{1,2}(?:[:.]\d{2})?)"
    r"(?:\s*(?:-|–|bis|to)\s*(?P<end>\d{1,2}(?:[:.]\d{2})?))?)?"
    r"\s*(?:Uhr|h)?$",
    re.IGNORECASE,
)

REMINDER_CHOICES = [
    (0, _("no reminder")),
    (24, _("1 day before the poll closes")),
    (48, _("2 days before the poll closes")),
    (72, _("3 days before the poll closes")),
    (168, _("1 week before the poll closes")),
]


def _day(text: str) -> date:
    if "-" in text:
        year, month, day = text.split("-")
    else:
        day, month, year = text.split(".")
    return date(int(year), int(month), int(day))


def _time(text: str) -> time:
    hours, _sep, minutes = text.replace(".", ":").partition(":")
    return time(int(hours), int(minutes or 0))


def parse_dates(text: str) -> tuple[list, list[str]]:
    """Proposed dates from one line each: a whole ``date``, ``(start, None)`` or
    ``(start, end)`` in Europe/Berlin; and the errors, naming the line."""
    slots, errors, seen = [], [], set()
    lines = [line.strip() for line in text.splitlines()]
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        match = LINE.match(line)
        try:
            if match is None:
                raise ValueError
            day = _day(match["date"])
            start = _time(match["start"]) if match["start"] else None
            end = _time(match["end"]) if match["end"] else None
        except ValueError:
            errors.append(
                _(
                    "Line %(number)s: “%(line)s” is not a date. Please write, for example, "
                    "14.12.2026 14:00–16:00 or 14.12.2026 for the whole day."
                )
                % {"number": number, "line": line[:40]}
            )
            continue
        if day < timezone.localdate(timezone=POLL_TIME_ZONE):
            errors.append(_("Line %(number)s: the date is in the past.") % {"number": number})
            continue
        if start is None:
            slot = day
        else:
            begin = datetime.combine(day, start, tzinfo=POLL_TIME_ZONE)
            finish = datetime.combine(day, end, tzinfo=POLL_TIME_ZONE) if end else None
            if finish is not None and finish <= begin:
                errors.append(
                    _("Line %(number)s: the end must be after the start.") % {"number": number}
                )
                continue
            slot = (begin, finish)
        if slot not in seen:
            seen.add(slot)
            slots.append(slot)
    return slots, errors


class PollForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(
        label=_("Kind of meeting"), choices=MeetingKind.choices, initial=MeetingKind.NETWORK
    )
    audience = forms.ChoiceField(
        label=_("Who is asked"),
        choices=DatePoll.Audience.choices,
        initial=DatePoll.Audience.NETWORK,
        widget=forms.RadioSelect,
        help_text=_(
            "Network: the representatives of the member organisations. Everyone asked gets "
            "a mail with a personal link that works without logging in."
        ),
    )
    working_group = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        help_text=_("Only if a working group is asked."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Chosen people"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Only if chosen people are asked. Hold Ctrl to choose several."),
    )
    dates = forms.CharField(
        label=_("Proposed dates"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One date per line, at most 30, times in German time (Europe/Berlin): "
            "“14.12.2026 14:00–16:00”, “15.12.2026 9:30” or “16.12.2026” for the whole day."
        ),
    )
    closes_at = forms.DateTimeField(
        label=_("Answers until"),
        widget=DateTimeLocalInput(),
        help_text=_("German time (Europe/Berlin)."),
    )
    reminder_hours = forms.TypedChoiceField(
        label=_("Reminder to those who have not answered"),
        choices=REMINDER_CHOICES,
        coerce=int,
        initial=DatePoll.DEFAULT_REMINDER_HOURS,
    )

    def __init__(self, *args, networks, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(
            network__in=networks
        ).select_related("network")
        self.fields["working_group"].label_from_instance = lambda group: (
            f"{group.name} ({group.network.name})"
        )
        if people is not None:
            self.fields["people"].queryset = people
        self.fields["people"].label_from_instance = lambda person: (
            f"{person.get_full_name()} ({person.email})"
        )
        # A week to answer, until noon, unless the coordinator says otherwise.
        in_a_week = timezone.localtime(timezone=POLL_TIME_ZONE) + timedelta(days=7)
        self.fields["closes_at"].initial = in_a_week.replace(
            hour=12, minute=0, second=0, microsecond=0
        ).replace(tzinfo=None)

    def clean_closes_at(self):
        value = self.cleaned_data["closes_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("The poll must close in the future."))
        return value

    def clean(self):
        data = super().clean()
        slots, errors = parse_dates(data.get("dates") or "")
        for error in errors:
            self.add_error("dates", error)
        if not errors and len(slots) > DatePoll.MAX_SLOTS:
            self.add_error(
                "dates",
                _("Please propose at most %(max)s dates (you proposed %(count)s).")
                % {"max": DatePoll.MAX_SLOTS, "count": len(slots)},
            )
        elif not errors and len(slots) < 2:
            self.add_error("dates", _("Please propose at least two dates."))
        data["slots"] = slots
        audience, network = data.get("audience"), data.get("network")
        group = data.get("working_group")
        if audience == DatePoll.Audience.WORKING_GROUP and (
            group is None or (network is not None and group.network_id != network.pk)
        ):
            self.add_error("working_group", _("Please choose a working group of the network."))
        if audience == DatePoll.Audience.PEOPLE and not data.get("people"):
            self.add_error("people", _("Please choose the people to ask."))
        return data


class PollAnswerForm(forms.Form):
    def __init__(self, *args, poll: DatePoll, slots, current: dict[int, str], comment="", **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = list(slots)
        for slot in self.slots:
            self.fields[f"slot_{slot.pk}"] = forms.ChoiceField(
                label=slot.label,
                choices=DatePollAnswer.Answer.choices,
                widget=forms.RadioSelect,
                initial=current.get(slot.pk),
                error_messages={"required": _("Please answer this date.")},
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comment (optional)"),
            required=False,
            max_length=1000,
            initial=comment,
            widget=forms.Textarea(attrs={"rows": 2}),
        )

    def answers(self) -> dict[int, str]:
        return {slot.pk: self.cleaned_data[f"slot_{slot.pk}"] for slot in self.slots}
