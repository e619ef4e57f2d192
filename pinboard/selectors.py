"""Reads for the pinboard's pages."""

from django.db.models import Prefetch

from network.access import coordinated_network_ids, member_network_ids
from network.models import Membership, Network
from providers.access import organisation_ids
from providers.models import Organisation

from . import permissions
from .models import Answer, Post


def _with_details(posts):
    return posts.select_related("organisation").prefetch_related(
        Prefetch("networks", queryset=Network.objects.order_by("name"))
    )


def board_posts(network_ids):
    """The open posts of these networks, newest first: one query for the page of posts and
    one for their networks."""
    posts = Post.objects.on_board().filter(
        pk__in=Post.networks.through.objects.filter(network_id__in=list(network_ids)).values(
            "post_id"
        )
    )
    return _with_details(posts)


def my_board_network_ids(user) -> set[int]:
    """The networks whose boards the person reads: those they are a member of."""
    return member_network_ids(user)


def network_board_section(*, user, network) -> dict | None:
    """The network page's link to its board (members and coordinators; one COUNT query)."""
    if not (network.pk in member_network_ids(user) or network.pk in coordinated_network_ids(user)):
        return None
    return {
        "network": network,
        "open_count": Post.objects.on_board().filter(networks=network).count(),
    }


def postable_networks(user):
    """Active memberships through which the person may post: (organisation, network) pairs."""
    return (
        Membership.objects.filter(
            status=Membership.Status.ACTIVE, organisation_id__in=organisation_ids(user)
        )
        .select_related("organisation", "network")
        .order_by("organisation__name", "network__name")
    )


def posting_organisations(user):
    return Organisation.objects.filter(
        pk__in=postable_networks(user).values("organisation_id")
    ).order_by("name")


def organisation_history(organisation):
    """Every post of the organisation, open, done, expired or hidden; newest first."""
    return _with_details(Post.objects.filter(organisation=organisation))


def post_detail_context(user, post: Post) -> dict:
    """What the post page shows: the answers only to the posting organisation and the
    coordinators (an answer is addressed to the poster, not to the network)."""
    context = {
        "post": post,
        "networks": list(post.networks.all()),
        "is_poster": permissions.is_poster(user, post),
        "can_answer": permissions.can_answer(user, post),
        "can_report": permissions.can_report(user, post),
        "can_moderate": permissions.can_moderate(user, post),
    }
    if context["is_poster"] or context["can_moderate"]:
        context["answers"] = Answer.objects.filter(post=post).select_related(
            "author", "organisation"
        )
    else:
        context["own_answers"] = Answer.objects.filter(post=post, author=user)
    return context


def organisation_posts_section(*, user, organisation) -> dict | None:
    """The organisation page's link to its pinboard posts: for its own people. "New post"
    only if the person may post (the same rule as the form; the person's networks are
    remembered for the request, so no query of its own)."""
    if organisation.pk not in organisation_ids(user):
        return None
    return {"organisation": organisation, "can_post": permissions.can_post(user)}
