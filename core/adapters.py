import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        """Too many failed logins (per address and per account) answer 429, not a form
        error, so that clients and monitoring see the limit. The admin login leads here too
        (``secure_admin_login`` in config/urls.py)."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise

    def send_mail(self, template_prefix, email, context):
        """Account mails go through the outbox like every other mail of the portal."""
        from notifications.services import mail_enqueue_message

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
