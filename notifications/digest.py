"""The weekly digest: one mail a week with what is new in the person's networks.

Who gets it: people who switched it on in their notification settings, and representatives
of member organisations who left the setting alone (on by default for them, off for others).

When: beat ticks every hour (``CELERY_BEAT_SCHEDULE``); from Monday 07:00 local time on, each
person's digest of the current ISO week is due. One digest per person and week, however many
ticks (or beat processes) run: the person's settings row is locked while their digest is
made, and the mail's idempotency key names the week. A week with nothing new sends nothing,
but still moves the person's ``digest_covered_until``, so the next digest starts there.

What: each section below returns the items new in ``(since, until]`` that the person may
see; a new kind of item is one more section function in ``SECTIONS``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from circulars.selectors import new_circulars_for
from meetings.models import Meeting
from network.access import member_network_ids
from network.models import Membership, Representative
from news.selectors import news_visible_to
from pinboard.selectors import board_posts, my_board_network_ids
from proposals.selectors import proposal_news_for

from .mails import compose
from .models import NotificationSettings, OutgoingMail
from .outbox import mail_enqueue_many

DIGEST_KIND = "weekly-digest"
# The digest of a week goes out from this local time on Monday.
DIGEST_WEEKDAY = 0
DIGEST_TIME = time(7, 0)
# A first digest looks back this far.
FIRST_DIGEST_LOOKBACK = timedelta(days=7)
# People per task: one task makes the digests of this many people.
BATCH = 200


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str  # absolute: mail clients open it
    detail: str = ""


@dataclass(frozen=True)
class DigestSection:
    heading: str  # lazy: rendered in the recipient's language
    items: list[DigestItem]


def new_meetings(user, since: datetime, until: datetime) -> list[DigestItem]:
    """Meetings of the person's networks published in the period that still lie ahead."""
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(
            network_id__in=member_network_ids(user),
            status=Meeting.Status.PUBLISHED,
            published_at__gt=since,
            published_at__lte=until,
            start__gt=until,
        )
        .select_related("network")
        .order_by("start")
    )
    return [
        DigestItem(
            title=meeting.title,
            url=f"{settings.SITE_URL}{meeting.get_absolute_url()}",
            detail=f"{timezone.localtime(meeting.start):%d.%m.%Y %H:%M} · {meeting.network.name}",
        )
        for meeting in meetings
    ]


def new_news(user, since: datetime, until: datetime) -> list[DigestItem]:
    """News of the person's networks (public and members-only) published in the period."""
    items = (
        news_visible_to(user)
        .filter(
            network_id__in=member_network_ids(user),
            published_at__gt=since,
            published_at__lte=until,
        )
        .select_related("network")
        .order_by("-published_at")
    )
    return [
        DigestItem(
            title=item.title,
            url=f"{settings.SITE_URL}{item.get_absolute_url()}",
            detail=item.network.name,
        )
        for item in items
    ]


def new_pinboard_posts(user, since: datetime, until: datetime) -> list[DigestItem]:
    """Requests and offers posted in the period to the boards the person reads, still open."""
    posts = (
        board_posts(my_board_network_ids(user))
        .filter(created_at__gt=since, created_at__lte=until)
        .order_by("-created_at")
    )
    return [
        DigestItem(
            title=post.title,
            url=f"{settings.SITE_URL}{post.get_absolute_url()}",
            detail=f"{post.get_kind_display()} · {post.organisation.name}",
        )
        for post in posts
    ]


def new_circulars(user, since: datetime, until: datetime) -> list[DigestItem]:
    """Circulars the person received in the period (the archive keeps them)."""
    circulars = new_circulars_for(user, since=since).filter(sent_at__gt=since, sent_at__lte=until)
    return [
        DigestItem(
            title=circular.subject,
            url=f"{settings.SITE_URL}{circular.get_absolute_url()}",
            detail=circular.network.name,
        )
        for circular in circulars
    ]


def proposal_news(user, since: datetime, until: datetime) -> list[DigestItem]:
    """Proposals submitted and moved on in the person's networks (members and coordinators)."""
    proposals, moves = proposal_news_for(user, since, until)
    items = [
        DigestItem(
            title=proposal.title,
            url=f"{settings.SITE_URL}{proposal.get_absolute_url()}",
            detail=_("new proposal · %(network)s") % {"network": proposal.network.name},
        )
        for proposal in proposals
    ]
    items += [
        DigestItem(
            title=move.proposal.title,
            url=f"{settings.SITE_URL}{move.proposal.get_absolute_url()}",
            detail=_("now: %(stage)s · %(network)s")
            % {"stage": move.to_stage.name, "network": move.proposal.network.name},
        )
        for move in moves
    ]
    return items


SECTIONS: list[tuple[str, Callable]] = [
    (_("New meetings"), new_meetings),
    (_("Circulars"), new_circulars),
    (_("News"), new_news),
    (_("New on the pinboard"), new_pinboard_posts),
    (_("Proposals in your networks"), proposal_news),
]


def digest_sections(user, since: datetime, until: datetime) -> list[DigestSection]:
    """What the person's digest for ``(since, until]`` holds; empty sections are left out."""
    sections = []
    for heading, items_of in SECTIONS:
        items = items_of(user, since, until)
        if items:
            sections.append(DigestSection(heading=heading, items=items))
    return sections


def week_key(moment: datetime) -> str:
    year, week, _weekday = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def digest_due(now: datetime) -> bool:
    """Is this week's digest due? From Monday 07:00 local time to the end of Sunday."""
    local = timezone.localtime(now)
    week_start = datetime.combine(
        local.date() - timedelta(days=local.weekday() - DIGEST_WEEKDAY), DIGEST_TIME
    )
    return local >= timezone.make_aware(week_start, local.tzinfo)


def _represents(user_ref):
    return Representative.objects.filter(
        person__user=user_ref, membership__status=Membership.Status.ACTIVE
    )


def digest_on_by_default(user) -> bool:
    """Representatives get the digest unless they switch it off; others if they switch it on."""
    return _represents(user).exists()


def digest_recipient_ids() -> list[int]:
    """People who get the digest: switched on, or left at the default and representing an
    organisation in an active membership."""
    represents = _represents(OuterRef("pk"))
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(represents=Exists(represents))
        .filter(
            Q(notification_settings__weekly_digest=True)
            | (
                Q(represents=True)
                & (
                    Q(notification_settings__isnull=True)
                    | Q(notification_settings__weekly_digest__isnull=True)
                )
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@shared_task(ignore_result=True)
def send_weekly_digests() -> int:
    """Beat's hourly digest tick: hands the people whose digest is due to batch tasks."""
    now = timezone.now()
    if not digest_due(now):
        return 0
    week = week_key(now)
    already = set(
        OutgoingMail.objects.filter(key__startswith=f"{DIGEST_KIND}:{week}:").values_list(
            "recipient_id", flat=True
        )
    )
    due = [pk for pk in digest_recipient_ids() if pk not in already]
    for start in range(0, len(due), BATCH):
        send_digest_batch.delay(due[start : start + BATCH], week)
    return len(due)


@shared_task(ignore_result=True)
def send_digest_batch(user_ids: list[int], week: str) -> int:
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    return sum(digest_send(user=user, week=week) for user in users)


def digest_send(*, user, week: str, until: datetime | None = None) -> int:
    """Make and queue one person's digest of ``week``; returns 1 if a mail was queued."""
    until = until or timezone.now()
    key = f"{DIGEST_KIND}:{week}:{user.pk}"
    NotificationSettings.objects.get_or_create(user=user)
    with transaction.atomic():
        preferences = NotificationSettings.objects.select_for_update().get(user=user)
        if preferences.weekly_digest is False or OutgoingMail.objects.filter(key=key).exists():
            return 0
        if preferences.digest_covered_until and preferences.digest_covered_until >= until:
            return 0
        since = preferences.digest_covered_until or until - FIRST_DIGEST_LOOKBACK
        sections = digest_sections(user, since, until)
        preferences.digest_covered_until = until
        preferences.save(update_fields=["digest_covered_until", "updated_at"])
        if not sections:
            return 0
        mail = digest_mail(user, week=week, sections=sections, since=since)
        return len(mail_enqueue_many([mail])) if mail else 0


def digest_mail(user, *, week: str, sections: list[DigestSection], since: datetime):
    return compose(
        kind=DIGEST_KIND,
        key=f"{DIGEST_KIND}:{week}:{user.pk}",
        user=user,
        context={"sections": sections, "since": since},
        reference=f"digest:{week}",
    )
