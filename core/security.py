"""Security helpers other apps use.

- ``reauthentication_required``: decorate views that make sensitive changes (handing over an
  organisation, deleting an account). The person confirms their password (or second factor)
  if they have not done so in the last ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds; allauth
  brings them back to the view afterwards. POST-only actions: decorate the view that shows
  the confirmation page with ``allow_get=True`` left at its default (False), so the GET that
  shows the form already asks.
- ``mfa_required_for`` / ``has_totp``: who must use two-factor authentication.
"""

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator

from . import registry

__all__ = ["has_totp", "mfa_required_for", "reauthentication_required"]


def mfa_required_for(user) -> bool:
    """Site admins, and everyone an upper app names (``core.registry.mfa_requirements``: the
    network app names the coordinators of any network)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(requirement(user) for requirement in registry.mfa_requirements)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()
