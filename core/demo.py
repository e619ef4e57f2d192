"""Demo data for `make run`: fictional people with example.org addresses."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

DEMO_PASSWORD = "demo-portal-2026"

DEMO_USERS = [
    {"email": "admin@example.org", "name": "Alex Admin", "is_staff": True, "is_superuser": True},
    {"email": "koordination@example.org", "name": "Kim Koordination"},
]


def ensure_user(*, email: str, name: str, password: str = DEMO_PASSWORD, **flags):
    """Create a user with a verified email address; leave an existing one as it is."""
    User = get_user_model()
    user, created = User.objects.get_or_create(email=email, defaults={"name": name, **flags})
    if created:
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load_demo_data(stdout) -> dict:
    users = {spec["email"]: ensure_user(**spec) for spec in DEMO_USERS}
    return users
