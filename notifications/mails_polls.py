"""The mails of date polls: the invitation with the personal link, the reminder to those
who have not answered, and the chosen date when the poll closes.

Each is rendered once per language with slots for the name and the personal link, filled
in per person (``mails.InvitationComposer`` does the same for meetings).
"""

from django.conf import settings
from django.utils.html import escape

from meetings import poll_links
from meetings.models import POLL_TIME_ZONE_NAME, DatePoll

from .mails import LINK_SLOT, NAME_SLOT, _Recipient, language_of
from .outbox import AUTOMATIC_HEADERS, PreparedMail, mail_render
from .unsubscribe import unsubscribe_headers

# kind → the key's prefix; one mail per person and poll of each kind.
KINDS = {"poll-invitation": "poll", "poll-reminder": "poll-reminder", "poll-closed": "poll-closed"}


class PollMailComposer:
    def __init__(self, poll: DatePoll, *, kind: str):
        self.poll = poll
        self.kind = kind
        self.context = {
            "poll": poll,
            "network": poll.network,
            "slots": list(poll.slots.all()),
            "chosen": poll.chosen_slot,
            "time_zone": POLL_TIME_ZONE_NAME,
            "poll_url": f"{settings.SITE_URL}{poll.get_absolute_url()}",
            "answer_url": LINK_SLOT,
        }
        self.rendered: dict[str, tuple[str, str, str]] = {}

    def _render(self, language: str) -> tuple[str, str, str]:
        if language not in self.rendered:
            self.rendered[language] = mail_render(
                template=self.kind,
                context=self.context,
                language=language,
                user=_Recipient(NAME_SLOT),
            )
        return self.rendered[language]

    def mail_for(self, invitation) -> PreparedMail | None:
        user = invitation.user
        if user is None or not user.email or not user.is_active:
            return None
        language = language_of(user)
        subject, body_text, body_html = self._render(language)
        name = user.get_full_name()
        link = poll_links.poll_answer_url(invitation) if self.kind != "poll-closed" else ""
        return PreparedMail(
            key=f"{KINDS[self.kind]}:{self.poll.pk}:{user.pk}",
            kind=self.kind,
            to_email=user.email,
            language=language,
            subject=subject,
            body_text=body_text.replace(NAME_SLOT, name).replace(LINK_SLOT, link),
            body_html=body_html.replace(NAME_SLOT, escape(name)).replace(LINK_SLOT, escape(link)),
            recipient=user,
            reference=f"poll:{self.poll.pk}",
            headers={**AUTOMATIC_HEADERS, **unsubscribe_headers(user, self.kind)},
        )
