from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from circulars import selectors as circular_selectors
from circulars import services as circular_services
from core.pagination import page_of
from meetings.models import Invitation, Meeting, Registration
from meetings.permissions import can_manage_meeting
from network.models import Network

from . import unsubscribe as unsubscribe_links
from .digest import digest_on_by_default
from .forms import NotificationSettingsForm
from .models import NotificationSettings, OutgoingMail
from .outbox import outbox_retry_failed
from .services import notifications_switch_off


def get_meeting_for_delivery(request, meeting_id: int) -> Meeting:
    """The meeting if the user may see its delivery status; 404 for everyone else."""
    meeting = (
        Meeting.objects.select_related("network", "contact_person").filter(pk=meeting_id).first()
    )
    if meeting is None or not can_manage_meeting(request.user, meeting):
        raise Http404
    return meeting


# --- Coordinator's view of delivery -------------------------------------------------------


def _answer(declined_at, registration_status) -> str:
    if registration_status == Registration.Status.REGISTERED:
        return "registered"
    if registration_status == Registration.Status.WAITING:
        return "waiting"
    if declined_at or registration_status == Registration.Status.CANCELLED:
        return "declined"
    return "none"


@login_required
def meeting_delivery(request, meeting_id: int):
    meeting = get_meeting_for_delivery(request, meeting_id)
    reference = f"meeting:{meeting.pk}"
    answer_status = Subquery(
        Registration.objects.filter(meeting=meeting, user_id=OuterRef("user_id")).values("status")[
            :1
        ]
    )
    invitations = (
        Invitation.objects.filter(meeting=meeting)
        .annotate(answer_status=answer_status)
        .select_related("user", "organisation")
        .order_by("user__name", "user__email", "pk")
    )
    answers = {"registered": 0, "waiting": 0, "declined": 0, "none": 0}
    for declined_at, registration_status in invitations.values_list("declined_at", "answer_status"):
        answers[_answer(declined_at, registration_status)] += 1
    people = page_of(request, invitations)
    invitation_mails = {
        mail.recipient_id: mail
        for mail in OutgoingMail.objects.filter(
            reference=reference,
            kind="invitation",
            recipient_id__in=[i.user_id for i in people if i.user_id],
        ).only("recipient_id", "status", "last_error", "sent_at")
    }
    rows = [
        {
            "invitation": i,
            "answer": _answer(i.declined_at, i.answer_status),
            "mail": invitation_mails.get(i.user_id),
        }
        for i in people
    ]
    mail_counts = dict(
        OutgoingMail.objects.filter(reference=reference)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pending = page_of(
        request,
        OutgoingMail.objects.filter(reference=reference)
        .exclude(status=OutgoingMail.Status.SENT)
        .order_by("status", "to_email", "pk")
        .only("kind", "to_email", "status", "attempts", "last_error", "next_attempt_at"),
        param="mail_page",
    )
    return render(
        request,
        "notifications/delivery.html",
        {
            "meeting": meeting,
            "answers": answers,
            "invited_count": sum(answers.values()),
            "people": people,
            "rows": rows,
            "mail_counts": {status: mail_counts.get(status, 0) for status in OutgoingMail.Status},
            "failed_count": mail_counts.get(OutgoingMail.Status.FAILED, 0),
            "pending": pending,
        },
    )


@login_required
@require_POST
def meeting_delivery_retry(request, meeting_id: int):
    meeting = get_meeting_for_delivery(request, meeting_id)
    count = outbox_retry_failed(
        reference=f"meeting:{meeting.pk}", by=request.user, network_id=meeting.network_id
    )
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d failed mail is being sent again.",
                "%(count)d failed mails are being sent again.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("There are no failed mails to send again."))
    return redirect("notifications:meeting_delivery", meeting_id=meeting.pk)


# --- Personal settings --------------------------------------------------------------------


@login_required
def notification_settings(request):
    instance = NotificationSettings.objects.filter(user=request.user).first()
    if instance is None:
        instance = NotificationSettings(user=request.user)
    form = NotificationSettingsForm(
        request.POST or None,
        instance=instance,
        digest_default=digest_on_by_default(request.user),
    )
    circulars = circular_selectors.circulars_for_settings(request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            # Circulars per network; mandatory ones have no switch.
            for row in circulars:
                if not row["mandatory"]:
                    circular_services.circulars_switch(
                        user=request.user,
                        network=row["network"],
                        receive=f"circulars-{row['network'].pk}" in request.POST,
                    )
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form, "circulars": circulars})


# --- One-click unsubscribe (List-Unsubscribe in optional mails) ---------------------------


# A mail client POSTs without a session, so without a CSRF token (RFC 8058). Nothing is at
# stake for a forged request: it can only switch off a kind of mail for the token's person,
# and only with the token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a page with a button; POST ``List-Unsubscribe=One-Click``: switch the kind off.

    The same page for everyone and every state (idempotent, tells nothing about the person);
    no redirect, as RFC 8058 asks of the POST.
    """
    try:
        user, kind = unsubscribe_links.person_and_kind_from_token(token)
    except unsubscribe_links.InvalidToken as error:
        raise Http404 from error
    network_id = unsubscribe_links.circular_network_id(kind)
    if network_id is not None:
        return _unsubscribe_circulars(request, user, network_id)
    done = request.method == "POST"
    if done:
        name, value = unsubscribe_links.ONE_CLICK
        if request.POST.get(name) != value:
            return HttpResponseBadRequest()
        notifications_switch_off(user=user, kind=kind)
    flag = NotificationSettings.OPTIONAL_KINDS[kind]
    return render(
        request,
        "notifications/unsubscribe.html",
        {
            "done": done,
            "one_click": unsubscribe_links.ONE_CLICK,
            "label": NotificationSettings._meta.get_field(flag).verbose_name,
        },
    )


def _unsubscribe_circulars(request, user, network_id: int):
    """The circulars of one network: switched off unless the network made them mandatory."""
    network = Network.objects.filter(pk=network_id).first()
    if network is None:
        raise Http404
    mandatory = circular_selectors.is_mandatory(network)
    done = False
    if request.method == "POST" and not mandatory:
        name, value = unsubscribe_links.ONE_CLICK
        if request.POST.get(name) != value:
            return HttpResponseBadRequest()
        circular_services.circulars_switch(user=user, network=network, receive=False)
        done = True
    label = _("circulars of the network “%(network)s”") % {"network": network.name}
    return render(
        request,
        "notifications/unsubscribe.html",
        {
            "done": done,
            "mandatory": mandatory,
            "one_click": unsubscribe_links.ONE_CLICK,
            "label": label,
        },
    )
