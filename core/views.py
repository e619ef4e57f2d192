import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from config.celery_app import app as celery_app

from . import privacy
from .forms import AccountDeleteForm, PrivacyConsentForm, ProfileForm
from .models import AuditEvent, LegalText
from .security import reauthentication_required


def home(request):
    return render(request, "core/home.html")


@login_required
def dashboard(request):
    """What needs the person's attention: next meetings, organisations, coordination, measures."""
    return render(request, "core/dashboard.html", dashboard_context(request.user))


def dashboard_context(user) -> dict:
    from django.db.models import Count, Q
    from django.utils import timezone

    from meetings.models import Meeting, Registration
    from network.models import Measure, Membership, Network
    from providers.models import OrganisationMember

    now = timezone.now()
    registrations = (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            meeting__end__gte=now,
            meeting__status=Meeting.Status.PUBLISHED,
        )
        .select_related("meeting")
        .order_by("meeting__start")[:5]
    )
    organisations = (
        OrganisationMember.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    coordinated = (
        Network.objects.filter(coordinators=user)
        .annotate(
            open_applications=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.APPLIED)
            )
        )
        .order_by("name")
    )
    measures = (
        Measure.objects.filter(
            responsible_person=user,
            status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS],
        )
        .select_related("network")
        .order_by("due_date")[:10]
    )
    return {
        "registrations": registrations,
        "organisation_memberships": organisations,
        "coordinated_networks": coordinated,
        "measures": measures,
    }


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


@login_required
def my_data(request):
    """What the portal stores about the person, with the download and the way to delete."""
    return render(request, "core/my_data.html")


@login_required
def my_data_download(request):
    body = privacy.personal_data_export_json(user=request.user, request=request)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"netzwerkportal-meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
def account_delete(request):
    """GET shows what happens and asks for confirmation; POST deletes."""
    blockers = privacy.account_deletion_blockers(request.user)
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            privacy.account_delete(user=request.user, request=request)
        except privacy.AccountDeletionRefused as error:
            messages.error(request, error.message)
            return redirect("core:account_delete")
        # Not logout(): its signal would write an audit event for the user just deleted.
        request.session.flush()
        request.user = AnonymousUser()
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("core:home")
    return render(request, "core/account_delete.html", {"form": form, "blockers": blockers})


def get_network_for_audit(request, slug):
    """The network whose audit log the user may read: 404 if they must not know it exists,
    403 if they know it but do not coordinate it."""
    from network.models import Network
    from network.permissions import can_view_network, is_coordinator

    network = get_object_or_404(Network, slug=slug)
    if not can_view_network(request.user, network):
        raise Http404
    if not is_coordinator(request.user, network):
        raise PermissionDenied
    return network


@login_required
def network_audit_log(request, slug):
    from network.selectors import network_with_descendant_ids

    network = get_network_for_audit(request, slug)
    events = AuditEvent.objects.filter(
        network_id__in=network_with_descendant_ids(network)
    ).select_related("actor")
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"network": network, "page": page})
