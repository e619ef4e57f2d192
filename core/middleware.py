from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode


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


def _always_reachable(path: str) -> bool:
    """Pages a person must reach while the portal still asks them for something.

    The account pages (log in and out, re-authentication, two-factor set-up, sessions),
    the legal texts, the language switch, static files and the health check.
    """
    prefixes = [
        "/accounts/",
        settings.STATIC_URL,
        reverse("healthz"),
        reverse("core:set_language"),
        reverse("core:privacy"),
        reverse("core:privacy_consent"),
        reverse("core:imprint"),
        reverse("core:accessibility"),
    ]
    return any(path.startswith(prefix) for prefix in prefixes)


class MFARequiredMiddleware:
    """Coordinators and site admins set up an authenticator app before they can act.

    allauth asks for the second factor at every login once a TOTP authenticator exists, so
    having one is what we require here. Everyone else may use two-factor authentication.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_COORDINATORS
            and request.user.is_authenticated
            and not _always_reachable(request.path_info)
        ):
            from .security import has_totp, mfa_required_for

            if mfa_required_for(request.user) and not has_totp(request.user):
                return redirect("mfa_activate_totp")
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
