"""The demo's story, in the order it happened: organisations register and found their
networks a good year ago, meetings take place, members come and go, and today some meetings
lie ahead. Every step goes through the services (see the modules named below), so the demo
has what real use leaves behind: invitations with their organisations, audit entries and the
mails in the outbox (``make run``'s worker delivers them into var/mail/).

Loaded once: if the demo admin exists, nothing is done (``load_demo`` runs on every
``make run``).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from notifications.models import OutgoingMail

from . import bulletin, circulars, history, proposals, upcoming
from .clock import Timeline
from .data import DEMO_USERS
from .networks import (
    agreement_sign,
    coordinators_name,
    founding_applications_decide,
    founding_members_apply,
    late_applications_arrive,
    members_leave,
    networks_close,
    networks_found,
    viersen_deputy_add,
    working_group_report,
    working_group_start,
)
from .organisations import colleagues_join, organisations_register
from .people import People
from .world import Demo

DEMO_ADMIN = DEMO_USERS[0]["email"]


def demo_is_loaded() -> bool:
    return get_user_model().objects.filter(email=DEMO_ADMIN).exists()


@transaction.atomic
def demo_load() -> Demo:
    """Build the demo (the caller checks ``demo_is_loaded`` first)."""
    demo = Demo(timeline=Timeline(timezone.localdate()), people=People())
    mails_before = OutgoingMail.objects.count()
    _story(demo)
    demo.mails_queued = OutgoingMail.objects.count() - mails_before
    return demo


def _story(demo: Demo) -> None:
    timeline = demo.timeline
    with timeline.back_to(-400):
        for spec in DEMO_USERS:
            demo.people.add(**spec)
        site_admin = demo.people[DEMO_ADMIN]
        demo.organisations = organisations_register(demo, site_admin=site_admin)
        colleagues_join(demo)
        demo.networks = networks_found(demo)
        founding_members_apply(demo)
    with timeline.back_to(-390):
        founding_applications_decide(demo, by=site_admin)
        coordinators_name(demo)
        viersen_deputy_add(demo)
        networks_close(demo)
        agreement_sign(demo)
    history.wesel_training_held(demo)
    history.viersen_network_meeting_held(demo)
    history.olsberg_network_meeting_held(demo)
    with timeline.back_to(-100):
        working_group = working_group_start(demo)
    with timeline.back_to(-95):
        regions = proposals.planning_regions_enter(demo)
        proposals.offers_in_social_spaces(demo, regions)
        ag78_group = proposals.ag78_working_group_start(demo)
    with timeline.back_to(-60):
        ag78_result = proposals.ag78_working_group_report(demo, ag78_group)
    history.wesel_cooperation_meeting_held(demo)
    with timeline.back_to(-40):
        working_group_report(demo, working_group)
    with timeline.back_to(-30):
        members_leave(demo)
    with timeline.back_to(-10):
        circulars.hsk_circular_sent(demo)
    with timeline.back_to(-3):
        late_applications_arrive(demo)
    upcoming.wesel_meetings_ahead(demo)
    upcoming.viersen_meeting_ahead(demo)
    upcoming.ag78_retreat_ahead(demo)
    proposals.ag78_proposals(demo, regions, ag78_result)
    upcoming.olsberg_poll_open(demo)
    upcoming.herten_meetings_ahead(demo)
    bulletin.news_published(demo)
    bulletin.pinboard_posts(demo)


def demo_summary(demo: Demo) -> str:
    return (
        f"{len(demo.networks)} networks, {len(demo.organisations)} organisations, "
        f"{len(demo.people)} people with example.org addresses; {demo.mails_queued} mails "
        "queued in the outbox (the worker delivers them into var/mail/)."
    )
