import time
from functools import cache

from allauth.usersessions import app_settings as usersessions_settings
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from .audit import client_ip
from .security import has_totp, mfa_required_for


class UserLanguageMiddleware:
    """A logged-in user's preferred language wins over cookie and browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


@cache
def _always_reachable_prefixes() -> tuple[str, ...]:
    return (
        "/accounts/",
        settings.STATIC_URL,
        reverse("healthz"),
        reverse("core:set_language"),
        reverse("core:privacy"),
        reverse("core:privacy_consent"),
        reverse("core:imprint"),
        reverse("core:accessibility"),
    )


def _always_reachable(path: str) -> bool:
    """Pages a person must reach while the portal still asks them for something.

    The account pages (log in and out, re-authentication, two-factor set-up, sessions),
    the legal texts, the language switch, static files and the health check.
    """
    return path.startswith(_always_reachable_prefixes())


# Facts about the signed-in person that cost queries are re-checked at most this often
# (seconds) and remembered in the session in between.
RECHECK_SECONDS = 300


def _recently(request, key: str) -> bool:
    checked_at = request.session.get(key)
    return checked_at is not None and time.time() - checked_at < RECHECK_SECONDS


def _remember_now(request, key: str) -> None:
    request.session[key] = time.time()


class MFARequiredMiddleware:
    """Coordinators and site admins set up an authenticator app before they can act.

    allauth asks for the second factor at every login once a TOTP authenticator exists, so
    having one is what we require here. Everyone else may use two-factor authentication.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    SESSION_KEY = "portal_mfa_checked_at"

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_COORDINATORS
            and request.user.is_authenticated
            and not _always_reachable(request.path_info)
            and not _recently(request, self.SESSION_KEY)
        ):
            if mfa_required_for(request.user) and not has_totp(request.user):
                return redirect("mfa_activate_totp")
            # Satisfied: ask again in a few minutes (someone made coordinator meanwhile is
            # asked then), not on every request.
            _remember_now(request, self.SESSION_KEY)
        return self.get_response(request)


class PrivacyConsentMiddleware:
    """A new version of the privacy notice asks logged-in users again before they go on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PRIVACY_CONSENT_REQUIRED
            and request.user.is_authenticated
            and request.user.privacy_consent_version != settings.PRIVACY_NOTICE_VERSION
            and not _always_reachable(request.path_info)
        ):
            consent_url = reverse("core:privacy_consent")
            return redirect(f"{consent_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class UserSessionActivityMiddleware:
    """allauth's record of the person's sessions (``/accounts/sessions/``: where and when they
    are logged in), written at most every few minutes instead of on every request.

    Replaces ``allauth.usersessions.middleware.UserSessionsMiddleware``, which updates the
    session row (and loads the user again) on every request. A change of address or browser
    is recorded at once.
    """

    SESSION_KEY = "portal_session_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            usersessions_settings.TRACK_ACTIVITY
            and request.session.session_key
            and request.user.is_authenticated
        ):
            client = [client_ip(request) or "", request.META.get("HTTP_USER_AGENT", "")]
            seen = request.session.get(self.SESSION_KEY)
            if not seen or seen["client"] != client or time.time() - seen["at"] > RECHECK_SECONDS:
                UserSession.objects.create_from_request(request)
                request.session[self.SESSION_KEY] = {"client": client, "at": time.time()}
        return self.get_response(request)
