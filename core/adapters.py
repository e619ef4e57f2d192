import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Account mails go through the outbox like every other mail of the portal."""
        from notifications.services import mail_enqueue_message

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
