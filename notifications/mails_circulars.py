"""Circular mails: one per recipient, rendered once per language (name and unsubscribe link
are filled in per person), Reply-To the coordinator or the network's contact address.

The mail carries the text and names the attachments; the files themselves stay in the portal
behind the permission check (the circular's page links to them).
"""

from django.conf import settings
from django.utils.html import escape

from circulars.models import Circular, CircularRecipient
from circulars.selectors import is_mandatory
from core.markdown import markdown_to_text, render_markdown

from .mails import NAME_SLOT, _Recipient, language_of
from .outbox import AUTOMATIC_HEADERS, PreparedMail, mail_render
from .unsubscribe import circular_kind, unsubscribe_headers, unsubscribe_url

UNSUBSCRIBE_SLOT = "ZZUNSUBSCRIBELINKZZ"


class CircularComposer:
    def __init__(self, circular: Circular):
        self.circular = circular
        self.optional = not is_mandatory(circular.network)
        self.context = {
            "circular": circular,
            "network": circular.network,
            "text_html": render_markdown(circular.text),
            "text_plain": markdown_to_text(circular.text),
            "attachments": list(circular.attachments.all()),
            "circular_url": f"{settings.SITE_URL}{circular.get_absolute_url()}",
            "unsubscribe_url": UNSUBSCRIBE_SLOT if self.optional else "",
        }
        self.rendered: dict[str, tuple[str, str, str]] = {}

    def _render(self, language: str) -> tuple[str, str, str]:
        if language not in self.rendered:
            self.rendered[language] = mail_render(
                template="circular",
                context=self.context,
                language=language,
                user=_Recipient(NAME_SLOT),
            )
        return self.rendered[language]

    def mail_for(self, recipient: CircularRecipient) -> PreparedMail | None:
        user = recipient.user
        if user is None or not user.email or not user.is_active:
            return None
        language = language_of(user)
        subject, body_text, body_html = self._render(language)
        name = user.get_full_name()
        kind = circular_kind(self.circular.network_id)
        link = unsubscribe_url(user, kind) if self.optional else ""
        headers = {**AUTOMATIC_HEADERS}
        if self.circular.reply_to:
            headers["Reply-To"] = self.circular.reply_to
        if self.optional:
            headers.update(unsubscribe_headers(user, kind))
        return PreparedMail(
            key=f"circular:{self.circular.pk}:{user.pk}",
            kind="circular",
            to_email=user.email,
            language=language,
            subject=subject,
            body_text=body_text.replace(NAME_SLOT, name).replace(UNSUBSCRIBE_SLOT, link),
            body_html=body_html.replace(NAME_SLOT, escape(name)).replace(
                UNSUBSCRIBE_SLOT, escape(link)
            ),
            recipient=user,
            reference=f"circular:{self.circular.pk}",
            headers=headers,
        )


def circular_mails(circular: Circular):
    composer = CircularComposer(circular)
    recipients = circular.recipients.select_related("user").order_by("user_id")
    return [composer.mail_for(recipient) for recipient in recipients]
