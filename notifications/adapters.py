"""django-allauth's account mails (verification, password reset …) through the outbox."""

import uuid

from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from core.adapters import AccountAdapter as CoreAccountAdapter

from .outbox import mail_enqueue_message


class AccountAdapter(CoreAccountAdapter):
    """The core adapter (rate limits answer 429) plus delivery through the outbox."""

    def send_mail(self, template_prefix, email, context):
        """Account mails go through the outbox like every other mail of the portal."""
        request = allauth_context.request
        # The same context allauth's own send_mail builds; its templates name the site.
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        kind = "account:" + template_prefix.rsplit("/", 1)[-1]
        mail_enqueue_message(
            message,
            key=f"{kind}:{email}:{uuid.uuid4().hex}",
            kind=kind,
            language=language,
            user=user if getattr(user, "pk", None) else None,
        )
