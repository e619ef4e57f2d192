"""Writing the pinboard: posting, answering, marking done, reporting and hiding."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError
from network.models import Membership
from providers.access import organisation_ids

from . import events
from .models import Answer, Post, Report

# A post is shown for at most this long; it can be posted again afterwards.
MAX_RUNTIME = timedelta(days=182)


class PinboardError(DomainError):
    pass


def _check_dates(*, kind, starts_on, ends_on, expires_on) -> None:
    today = timezone.localdate()
    if expires_on < today:
        raise PinboardError(_("The date until which the post is shown must not be in the past."))
    if expires_on > today + MAX_RUNTIME:
        raise PinboardError(_("A post can be shown for at most six months."))
    if kind == Post.Kind.STAND_IN and not (starts_on and ends_on):
        raise PinboardError(_("Please give the period for which a stand-in is needed or offered."))
    if starts_on and ends_on and ends_on < starts_on:
        raise PinboardError(_("The end of the period must not lie before its start."))


def post_create(
    *,
    organisation,
    networks,
    by,
    kind: str,
    title: str,
    text: str,
    direction: str = Post.Direction.REQUEST,
    help_kind: str = "",
    starts_on=None,
    ends_on=None,
    expires_on=None,
) -> Post:
    """Post for ``organisation`` to ``networks`` (each one it is an active member of)."""
    if organisation.pk not in organisation_ids(by):
        raise PinboardError(_("You can only post for an organisation you work for."))
    networks = list(networks)
    if not networks:
        raise PinboardError(_("Please choose at least one network."))
    expires_on = expires_on or (timezone.localdate() + timedelta(weeks=4))
    _check_dates(kind=kind, starts_on=starts_on, ends_on=ends_on, expires_on=expires_on)
    with transaction.atomic():
        active = set(
            Membership.objects.filter(
                organisation=organisation,
                network__in=networks,
                status=Membership.Status.ACTIVE,
            ).values_list("network_id", flat=True)
        )
        if any(network.pk not in active for network in networks):
            raise PinboardError(
                _("Your organisation can only post to networks it is an active member of.")
            )
        post = Post.objects.create(
            organisation=organisation,
            kind=kind,
            direction=direction,
            title=title,
            text=text,
            help_kind=help_kind,
            starts_on=starts_on,
            ends_on=ends_on,
            expires_on=expires_on,
            created_by=by,
        )
        post.networks.set(networks)
    return post


def _answering_organisation(post: Post, user):
    """The person's organisation that is an active member of one of the post's networks."""
    return (
        Membership.objects.filter(
            network__in=post.networks.all(),
            status=Membership.Status.ACTIVE,
            organisation_id__in=organisation_ids(user),
        )
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )


def post_answer(*, post: Post, by, text: str) -> Answer:
    """A member of one of the post's networks answers; the poster's organisation is mailed."""
    if not post.is_open:
        raise PinboardError(_("This post is no longer open for answers."))
    membership = _answering_organisation(post, by)
    if membership is None:
        raise PinboardError(_("Only members of the post's networks can answer."))
    with transaction.atomic():
        answer = Answer.objects.create(
            post=post, author=by, organisation=membership.organisation, text=text
        )
        events.answer_posted.send_event(answer=answer)
    return answer


def post_mark_done(*, post: Post, by) -> Post:
    """The posting organisation closes the post: it leaves the boards, stays in its history."""
    if post.organisation_id not in organisation_ids(by):
        raise PinboardError(_("Only the posting organisation can mark the post as done."))
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.done_at is None:
            post.done_at = timezone.now()
            post.save(update_fields=["done_at"])
    return post


def post_report(*, post: Post, by, reason: str) -> Report:
    """A member tells the coordinators of the post's networks about a problem with it."""
    with transaction.atomic():
        report = Report.objects.create(post=post, reported_by=by, reason=reason)
        events.post_reported.send_event(report=report)
    return report


def post_hide(*, post: Post, by, reason: str, network_ids, request=None) -> Post:
    """A coordinator takes the post off the boards; recorded in the audit log of each of the
    post's networks they coordinate (``network_ids``)."""
    if not network_ids:
        raise PinboardError(_("Only the coordinators of the post's networks can hide it."))
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.hidden_at is not None:
            raise PinboardError(_("The post is already hidden."))
        post.hidden_at = timezone.now()
        post.hidden_by = by
        post.hidden_reason = reason
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        for network_id in sorted(network_ids):
            audit_log(
                actor=by,
                action="pinboard.post_hidden",
                target=post,
                network_id=network_id,
                request=request,
                reason=reason,
                organisation=post.organisation.name,
            )
    return post
