"""Mails about the pinboard: answers to a post and reports to the coordinators (composed
from the pinboard's events in ``notifications.receivers``)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from network.tree import ancestor_ids
from pinboard.models import Answer, Post, Report
from providers.models import OrganisationMember

from .mails import compose, reply_to_person
from .outbox import PreparedMail


def _poster_contacts(post: Post):
    """Who hears of an answer: the person who posted (while they still work for the
    organisation) and the organisation's admins; each once."""
    members = OrganisationMember.objects.filter(organisation_id=post.organisation_id)
    admins = members.filter(role=OrganisationMember.Role.ADMIN).values("user_id")
    poster = members.filter(user_id=post.created_by_id).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=admins) | Q(pk__in=poster))
        .order_by("pk")
    )


def answer_mails(answer: Answer) -> list[PreparedMail]:
    post = answer.post
    author = answer.author
    context = {
        "post": post,
        "answer": answer,
        "author": author,
        "answer_organisation": answer.organisation,
        "post_url": f"{settings.SITE_URL}{post.get_absolute_url()}",
    }
    mails = []
    for person in _poster_contacts(post):
        mail = compose(
            kind="pinboard-answer",
            key=f"pinboard-answer:{answer.pk}:{person.pk}",
            user=person,
            context=context,
            reference=f"pinboard.post:{post.pk}",
        )
        if mail is None:
            continue
        # The poster replies straight to the person who answered.
        mail.headers.update(reply_to_person(author))
        mails.append(mail)
    return mails


def _coordinators_of(post: Post):
    ids = set()
    for network in post.networks.all():
        ids |= {network.pk, *ancestor_ids(network)}
    return (
        get_user_model()
        .objects.filter(coordinated_networks__in=ids, is_active=True)
        .distinct()
        .order_by("pk")
    )


def report_mails(report: Report) -> list[PreparedMail]:
    post = report.post
    context = {
        "post": post,
        "report": report,
        "post_url": f"{settings.SITE_URL}{post.get_absolute_url()}",
        "hide_url": f"{settings.SITE_URL}{post.get_absolute_url()}hide/",
    }
    mails = [
        compose(
            kind="pinboard-report",
            key=f"pinboard-report:{report.pk}:{person.pk}",
            user=person,
            context=context,
            reference=f"pinboard.post:{post.pk}",
        )
        for person in _coordinators_of(post)
    ]
    return [mail for mail in mails if mail is not None]
