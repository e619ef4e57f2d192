import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from config.celery_app import app as celery_app

from .forms import PrivacyConsentForm, ProfileForm
from .models import LegalText


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={"name": user.name, "preferred_language": user.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        user.name = form.cleaned_data["name"]
        user.preferred_language = form.cleaned_data["preferred_language"]
        user.save(update_fields=["name", "preferred_language"])
        translation.activate(user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("core:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
    return render(request, "core/profile.html", {"form": form})


@require_POST
def set_language(request):
    """Switch the language; remembered in a cookie and, when logged in, in the profile."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            request.user.preferred_language = language
            request.user.save(update_fields=["preferred_language"])
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


LEGAL_TEMPLATES = {
    LegalText.Kind.IMPRINT: "core/legal/imprint.html",
    LegalText.Kind.PRIVACY: "core/legal/privacy.html",
    LegalText.Kind.ACCESSIBILITY: "core/legal/accessibility.html",
}


def legal_page(request, kind):
    """Texts from Django admin if the operator wrote them, otherwise the shipped template."""
    if kind not in LEGAL_TEMPLATES:
        raise Http404
    text = LegalText.objects.filter(kind=kind).first()
    body = text.body_for(translation.get_language()) if text else None
    return render(
        request,
        "core/legal/page.html",
        {
            "title": LegalText.Kind(kind).label,
            "body": body,
            "default_template": LEGAL_TEMPLATES[kind],
            "updated_at": text.updated_at if text else None,
        },
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return False


def _broker_ok() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001
        return False


@never_cache
def healthz(request):
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"}
    body.update({name: "ok" if ok else "error" for name, ok in checks.items()})
    return HttpResponse(
        json.dumps(body), status=200 if healthy else 503, content_type="application/json"
    )


def too_many_requests(request, exception=None):
    """429 page for allauth's rate limits (login attempts, sign-ups, password resets)."""
    return render(request, "core/429.html", status=429)


def _safe_next(request, default="/"):
    next_url = request.POST.get("next") or request.GET.get("next") or default
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return default
    return next_url


@login_required
def privacy_consent(request):
    """Asks for consent to the current privacy notice (at sign-up and after every change)."""
    user = request.user
    form = PrivacyConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user.privacy_consent_version = settings.PRIVACY_NOTICE_VERSION
        user.privacy_consent_at = timezone.now()
        user.save(update_fields=["privacy_consent_version", "privacy_consent_at"])
        messages.success(request, _("Thank you. Your consent has been saved."))
        return redirect(_safe_next(request, default="/dashboard/"))
    return render(
        request,
        "core/privacy_consent.html",
        {
            "form": form,
            "next": _safe_next(request, default=""),
            "is_update": bool(user.privacy_consent_version),
        },
    )
