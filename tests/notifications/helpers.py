"""Reading mails the way a recipient's mail client does."""

import re
from email import message_from_bytes, policy
from urllib.parse import urlsplit

from icalendar import Calendar


def parse(message_bytes: bytes):
    return message_from_bytes(message_bytes, policy=policy.default)


def calendar_parts(parsed):
    return [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]


def calendar_of(parsed) -> Calendar:
    (part,) = calendar_parts(parsed)
    return Calendar.from_ical(part.get_payload(decode=True))


def text_body(parsed) -> str:
    return parsed.get_body(preferencelist=("plain",)).get_content()


def rsvp_path(parsed) -> str:
    match = re.search(r"https?://[^/\s]+(/notifications/rsvp/[^/\s]+/)", text_body(parsed))
    assert match, "no personal link in the mail"
    return match.group(1)


def unsubscribe_path(parsed) -> str:
    """The path of the one-click link in the List-Unsubscribe header."""
    value = parsed["List-Unsubscribe"].strip()
    assert value.startswith("<http") and value.endswith(">"), value
    return urlsplit(value[1:-1]).path


def the_event(calendar):
    (event,) = [c for c in calendar.walk() if c.name == "VEVENT"]
    return event


def attendees(event) -> list[str]:
    value = event.get("attendee")
    values = value if isinstance(value, list) else [value] if value else []
    return [str(v).lower().removeprefix("mailto:") for v in values]
