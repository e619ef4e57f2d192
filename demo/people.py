"""The demo's people: fictional, every one at an example.org address, all with the demo
password and a verified address, so each of them can log in straight away.

Accounts are rows here: in the portal people sign up themselves (django-allauth); there is no
service that creates an account for someone else.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from .data import DEMO_PASSWORD

DEMO_DOMAIN = "@example.org"


class People:
    """The demo's people by email address, each created on first mention."""

    def __init__(self):
        self.by_email = {}
        # Everyone shares the one published demo password: hash it once, not thirty times
        # (each hash takes a good part of a second, by design).
        self.password_hash = make_password(DEMO_PASSWORD)

    def __getitem__(self, email: str):
        return self.by_email[email]

    def __len__(self) -> int:
        return len(self.by_email)

    def add(self, *, email: str, name: str, **flags):
        """The person with this address, created if new.

        Only example.org addresses: the demo queues real mails, which ``make run`` delivers,
        and none of them may reach a real mailbox.
        """
        if not email.endswith(DEMO_DOMAIN):
            raise ValueError(f"Demo people need an {DEMO_DOMAIN} address, not {email}")
        if email not in self.by_email:
            self.by_email[email] = self._create(email=email, name=name, **flags)
        return self.by_email[email]

    def _create(self, *, email: str, name: str, **flags):
        user = get_user_model().objects.create(
            email=email,
            name=name,
            password=self.password_hash,
            privacy_consent_version=settings.PRIVACY_NOTICE_VERSION,
            privacy_consent_at=timezone.now(),
            **flags,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user
