"""Read the mails a portal on the embedded defaults wrote to ``VAR_DIR/mail``, the way a mail
client and a calendar client read them."""

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from icalendar import Calendar

# Django's file backend writes every message of a connection into one file, each followed by
# this line.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def read_mails(directory: Path) -> list[EmailMessage]:
    """Every complete message in the directory (a file still being written may end in half a
    message; that one is left for the next read)."""
    mails = []
    for path in sorted(directory.glob("*.log")):
        *complete, _rest = path.read_bytes().split(SEPARATOR)
        mails += [message_from_bytes(raw, policy=policy.default) for raw in complete]
    return mails


def calendar_event(mail: EmailMessage) -> tuple[str, dict] | None:
    """The METHOD and the VEVENT of the mail's text/calendar part, or None without one."""
    parts = [part for part in mail.walk() if part.get_content_type() == "text/calendar"]
    if not parts:
        return None
    (part,) = parts
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    (event,) = [component for component in calendar.walk() if component.name == "VEVENT"]
    return str(calendar["method"]), event
