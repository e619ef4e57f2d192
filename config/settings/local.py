"""Development on a bare machine: ``make run``."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# The printed demo logins of `make run` work without an authenticator app first; production
# (and any deployment that sets the variable) requires MFA for coordinators and admins.
MFA_REQUIRED_FOR_COORDINATORS = env.bool("MFA_REQUIRED_FOR_COORDINATORS", default=False)
