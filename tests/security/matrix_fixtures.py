"""The world the permission matrix runs in, and the matrix itself.

Roles (DESIGN.md "Users and roles"), each a logged-in user except ``anonymous``:

- ``no_org``: signed up, works for no organisation yet
- ``staff``: ``is_staff`` (may open Django admin) but no superuser and no organisation
- ``org_admin``: admin of "Träger A", an active member of network A
- ``other_member``: staff of "Träger B", an active member of network B only
- ``coordinator``: named coordinator of network A
- ``site_admin``: superuser

Network A is visible to members only; network B is public.

Adding a URL: add an entry to ``MATRIX`` in test_permission_matrix.py under its name
(``namespace:name``). The URL arguments come from ``KWARGS`` below (or are derived from the
route: ``<slug:slug>`` → Träger A / network A, meetings' ``<int:pk>`` → meeting A); add
objects to ``build_world`` if needed.
``expect`` maps every role to the status of a GET. 302 for ``anonymous`` means "sent to the
login page"; use ``redirect("/prefix/")`` where a logged-in role is sent elsewhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from circulars.models import Circular, CircularAttachment
from meetings.models import AgendaItem, PollInvitation
from network.models import CooperationAgreement, Measure, WorkingGroup, WorkingGroupResult
from proposals.services import proposal_submit
from providers.models import JoinRequest, Offer, OrganisationInvitation

from .factories import (
    DatePollFactory,
    DatePollSlotFactory,
    InvitationFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    RegistrationFactory,
    RepresentativeFactory,
    TopicProposalFactory,
    UserFactory,
)

ROLES = ("anonymous", "no_org", "staff", "org_admin", "other_member", "coordinator", "site_admin")
LOGGED_IN = ROLES[1:]

# URL prefixes that are not in the matrix, and why.
SKIPPED_PREFIXES = {
    # Django admin has its own permission system (is_staff + model permissions); its login is
    # wrapped by allauth (config/urls.py) and covered by test_rate_limits.
    "admin/": "Django admin",
    # django-allauth's own views (login, sign-up, e-mail, password, 2FA, sessions) are tested
    # upstream; the ones we rely on are covered by test_mfa, test_sessions, test_rate_limits.
    "accounts/": "django-allauth",
}


def build_world() -> SimpleNamespace:
    network_a = NetworkFactory(name="Frühe Hilfen A", slug="fruehe-hilfen-a", visibility="members")
    network_b = NetworkFactory(name="Netzwerk B", slug="netzwerk-b", visibility="public")
    org_a = OrganisationFactory(name="Träger A", slug="traeger-a")
    org_b = OrganisationFactory(name="Träger B", slug="traeger-b")
    membership_a = MembershipFactory(network=network_a, organisation=org_a)
    MembershipFactory(network=network_b, organisation=org_b)

    users = {
        "no_org": UserFactory(email="nora@example.org", name="Nora Neu"),
        "staff": UserFactory(email="stefan@example.org", name="Stefan Staff", is_staff=True),
        "org_admin": UserFactory(email="alice@example.org", name="Alice Admin"),
        "other_member": UserFactory(email="bob@example.org", name="Bob Anders"),
        "coordinator": UserFactory(email="kim@example.org", name="Kim Koordination"),
        "site_admin": UserFactory(
            email="root@example.org", name="Rita Root", is_staff=True, is_superuser=True
        ),
    }
    alice = OrganisationMemberFactory(organisation=org_a, user=users["org_admin"], role="admin")
    representative_a = RepresentativeFactory(membership=membership_a, person=alice)
    OrganisationMemberFactory(organisation=org_b, user=users["other_member"])
    network_a.coordinators.add(users["coordinator"])
    meeting_a = MeetingFactory(network=network_a, title="Netzwerktreffen A")
    invitation = InvitationFactory(meeting=meeting_a, user=users["org_admin"], organisation=org_a)
    registration = RegistrationFactory(
        meeting=meeting_a, user=users["org_admin"], organisation=org_a
    )
    topic = TopicProposalFactory(
        network=network_a, meeting=meeting_a, proposed_by=users["org_admin"], organisation=org_a
    )
    agenda_item = AgendaItem.objects.create(meeting=meeting_a, title="Begrüßung")
    measure = Measure.objects.create(network=network_a, meeting=meeting_a, title="Flyer drucken")
    working_group = WorkingGroup.objects.create(network=network_a, name="AG Fortbildung")
    result = WorkingGroupResult.objects.create(
        working_group=working_group,
        title="Ergebnis",
        document=SimpleUploadedFile("ergebnis.pdf", b"%PDF-1.4 test"),
    )
    agreement = CooperationAgreement.objects.create(
        network=network_a,
        title="Kooperationsvereinbarung",
        document=SimpleUploadedFile("vereinbarung.pdf", b"%PDF-1.4 test"),
    )
    agreement.parties.add(org_a)
    # Held and certifiable: attendance lists, certificates and minutes (reports app).
    training = MeetingFactory(
        network=network_a,
        kind="training",
        title="Fortbildung A",
        start=timezone.now() - timedelta(days=30),
        end=timezone.now() - timedelta(days=30, hours=-3),
        status="held",
        certifiable=True,
        minutes_published_at=timezone.now() - timedelta(days=29),
    )
    RegistrationFactory(
        meeting=training, user=users["org_admin"], organisation=org_a, attended=True
    )
    poll = DatePollFactory(network=network_a, created_by=users["coordinator"])
    DatePollSlotFactory(poll=poll)
    poll_invitation = PollInvitation.objects.create(
        poll=poll, user=users["org_admin"], organisation=org_a
    )
    org_invitation = OrganisationInvitation.objects.create(
        organisation=org_a, email="neu@example.org", invited_by=users["org_admin"]
    )
    colleague = OrganisationMemberFactory(
        organisation=org_a, user=UserFactory(name="Carla Kollegin")
    )
    join_request = JoinRequest.objects.create(organisation=org_a, user=users["no_org"])
    offer = Offer.objects.create(organisation=org_a, title="Elterncafé")
    circular = Circular.objects.create(
        network=network_a, subject="Rundschreiben", text="Text", status="sent"
    )
    circular_attachment = CircularAttachment.objects.create(
        circular=circular,
        document=SimpleUploadedFile("anlage.pdf", b"%PDF-1.4 test"),
        name="anlage.pdf",
    )
    circular_draft = Circular.objects.create(network=network_a, subject="Entwurf", text="Text")
    proposal = proposal_submit(
        network=network_a,
        by=users["org_admin"],
        title="Sozialraumteams",
        text="Vorschlag",
        attachment=SimpleUploadedFile("antrag.pdf", b"%PDF-1.4 test"),
    )
    return SimpleNamespace(
        circular=circular,
        circular_attachment=circular_attachment,
        circular_draft=circular_draft,
        users=users,
        network_a=network_a,
        network_b=network_b,
        org_a=org_a,
        org_b=org_b,
        membership_a=membership_a,
        representative_a=representative_a,
        alice=alice,
        colleague=colleague,
        meeting_a=meeting_a,
        invitation=invitation,
        registration=registration,
        topic=topic,
        agenda_item=agenda_item,
        measure=measure,
        working_group=working_group,
        result=result,
        agreement=agreement,
        poll=poll,
        training=training,
        poll_invitation=poll_invitation,
        org_invitation=org_invitation,
        join_request=join_request,
        offer=offer,
        proposal=proposal,
    )


# --- The matrix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """A 302 to a path starting with ``prefix``; ``{meeting}`` stands for meeting A's id."""

    prefix: str

    def path(self, world) -> str:
        return self.prefix.format(meeting=world.meeting_a.pk)

    def __str__(self):
        return f"302→{self.prefix}"


def redirect(prefix: str) -> Redirect:
    return Redirect(prefix)


def statuses(default, **per_role) -> dict:
    unknown = set(per_role) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: per_role.get(role, default) for role in ROLES}


def public(status=200) -> dict:
    return statuses(status)


def login_required(status=200) -> dict:
    return statuses(status, anonymous=302)


@dataclass
class Entry:
    """``kwargs``: a function world → URL arguments; by default ``kwargs_for(name)``."""

    expect: dict
    kwargs: Callable[[SimpleNamespace], dict] | None = None
    query: str = ""


# --- URL enumeration ----------------------------------------------------------------------


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route, ns)
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                key = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                key = route
            yield key, route


def project_urls() -> dict[str, str]:
    """Every URL of the project outside ``SKIPPED_PREFIXES``: {name: route}."""
    urls = {}
    for key, route in _walk(get_resolver().url_patterns):
        if any(route.startswith(prefix) for prefix in SKIPPED_PREFIXES):
            continue
        urls[key] = route
    return urls


def _org(w):
    return {"slug": w.org_a.slug}


def _net(w, **extra):
    return {"slug": w.network_a.slug, **extra}


def _meeting(w, **extra):
    return {"pk": w.meeting_a.pk, **extra}


def _rsvp_token(w):
    from meetings.rsvp import rsvp_token

    return {"token": rsvp_token(w.invitation)}


def _poll_token(w):
    from meetings.poll_links import poll_token

    return {"token": poll_token(w.poll_invitation)}


def _unsubscribe_token(w):
    from notifications.unsubscribe import unsubscribe_token

    return {"token": unsubscribe_token(w.users["org_admin"], "reminder")}


def _org_invitation_token(w):
    from providers.services import invitation_token

    return {"token": invitation_token(w.org_invitation)}


KWARGS = {
    "providers:invitation": _org_invitation_token,
    "providers:invitation_withdraw": lambda w: {**_org(w), "invitation_id": w.org_invitation.pk},
    "providers:member_edit": lambda w: {**_org(w), "member_id": w.colleague.pk},
    "providers:member_remove": lambda w: {**_org(w), "member_id": w.colleague.pk},
    "providers:hand_over": lambda w: {**_org(w), "member_id": w.colleague.pk},
    "providers:join_decide": lambda w: {
        **_org(w),
        "request_id": w.join_request.pk,
        "decision": "accept",
    },
    "providers:offer_edit": lambda w: {**_org(w), "offer_id": w.offer.pk},
    "providers:offer_delete": lambda w: {**_org(w), "offer_id": w.offer.pk},
    "network:application_decide": lambda w: _net(w, pk=w.membership_a.pk),
    "network:membership_end": lambda w: _net(w, pk=w.membership_a.pk),
    "network:representative_remove": lambda w: _net(w, pk=w.representative_a.pk),
    "network:working_group": lambda w: _net(w, pk=w.working_group.pk),
    "network:working_group_join": lambda w: _net(w, pk=w.working_group.pk),
    "network:working_group_leave": lambda w: _net(w, pk=w.working_group.pk),
    "network:working_group_result_add": lambda w: _net(w, pk=w.working_group.pk),
    "network:working_group_result_document": lambda w: _net(
        w, pk=w.working_group.pk, result_pk=w.result.pk
    ),
    "network:agreement": lambda w: _net(w, pk=w.agreement.pk),
    "network:agreement_edit": lambda w: _net(w, pk=w.agreement.pk),
    "network:agreement_document": lambda w: _net(w, pk=w.agreement.pk),
    "network:measure_status": lambda w: _net(w, pk=w.measure.pk),
    "meetings:registration_cancel": lambda w: {"pk": w.registration.pk},
    "meetings:topic_decide": lambda w: _meeting(w, topic_pk=w.topic.pk),
    "meetings:topic": lambda w: _meeting(w, topic_pk=w.topic.pk),
    "meetings:topic_support": lambda w: _meeting(w, topic_pk=w.topic.pk),
    "meetings:agenda_move": lambda w: _meeting(w, item_pk=w.agenda_item.pk),
    "meetings:agenda_edit": lambda w: _meeting(w, item_pk=w.agenda_item.pk),
    "meetings:agenda_delete": lambda w: _meeting(w, item_pk=w.agenda_item.pk),
    "meetings:measure_status": lambda w: _meeting(w, measure_pk=w.measure.pk),
    "meetings:feed_ics": lambda w: {"token": w.users["org_admin"].calendar_token},
    "meetings:poll": lambda w: {"pk": w.poll.pk},
    "meetings:poll_schedule": lambda w: {"pk": w.poll.pk},
    "meetings:poll_close": lambda w: {"pk": w.poll.pk},
    "meetings:poll_link_revoke": lambda w: {
        "pk": w.poll.pk,
        "invitation_pk": w.poll_invitation.pk,
    },
    "meetings:poll_answer_link": _poll_token,
    "circulars:detail": lambda w: _net(w, pk=w.circular.pk),
    "circulars:attachment": lambda w: _net(
        w, pk=w.circular.pk, attachment_pk=w.circular_attachment.pk
    ),
    "circulars:attachment_remove": lambda w: _net(
        w, pk=w.circular.pk, attachment_pk=w.circular_attachment.pk
    ),
    "circulars:edit": lambda w: _net(w, pk=w.circular_draft.pk),
    "circulars:preview": lambda w: _net(w, pk=w.circular_draft.pk),
    "circulars:delete": lambda w: _net(w, pk=w.circular_draft.pk),
    "rsvp": _rsvp_token,
    "notifications:unsubscribe": _unsubscribe_token,
    **{
        f"proposals:{name}": lambda w: _net(w, pk=w.proposal.pk)
        for name in ("detail", "attachment", "comment", "support", "follow", "move", "agenda")
    },
    "notifications:meeting_delivery": lambda w: {"meeting_id": w.meeting_a.pk},
    "notifications:meeting_delivery_retry": lambda w: {"meeting_id": w.meeting_a.pk},
    "reports:network_report": _net,
    "reports:network_report_pdf": _net,
    "reports:network_report_csv": _net,
    "reports:network_report_xlsx": _net,
    "meeting_papers:attendance_pdf": lambda w: {"pk": w.training.pk},
    "meeting_papers:attendance_csv": lambda w: {"pk": w.training.pk},
    "meeting_papers:certificate": lambda w: {"pk": w.training.pk},
    "meeting_papers:certificates": lambda w: {"pk": w.training.pk},
    "meeting_papers:invitation_pdf": _meeting,
    "meeting_papers:minutes_pdf": lambda w: {"pk": w.training.pk},
}


def kwargs_for(name: str):
    """The URL arguments for ``name``: explicit above, else derived from the route."""
    if name in KWARGS:
        return KWARGS[name]
    route = project_urls()[name]
    if "<slug:slug>" in route:
        return _org if name.startswith("providers:") else _net
    if "<int:pk>" in route and name.startswith("meetings:"):
        return _meeting
    return lambda w: {}
