"""Who may see and do what on the pinboard. Every check about posts lives here.

A post is for the members of the networks it names: anyone else must not know it exists
(404). While it is on the board (not expired, done or hidden) the members of its networks see
it; the people of the posting organisation (its history) and the coordinators of its networks
(who may hide it) see it always.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.permissions import is_site_admin
from network.access import coordinated_network_ids, member_network_ids
from providers.access import organisation_ids

from .models import Post

VIEW = "view"
ANSWER = "answer"  # members of the post's networks outside the posting organisation
MANAGE = "manage"  # the people of the posting organisation: mark it done
MODERATE = "moderate"  # coordinators of one of its networks: hide it
REPORT = "report"  # whoever sees it on the board
ACTIONS = (VIEW, ANSWER, MANAGE, MODERATE, REPORT)


def _network_ids(post: Post) -> set[int]:
    return {network.pk for network in post.networks.all()}


def is_poster(user, post: Post) -> bool:
    return post.organisation_id in organisation_ids(user)


def can_moderate(user, post: Post) -> bool:
    if not user.is_authenticated:
        return False
    return is_site_admin(user) or bool(_network_ids(post) & coordinated_network_ids(user))


def is_member_of_post_networks(user, post: Post) -> bool:
    return bool(_network_ids(post) & member_network_ids(user))


def can_view_post(user, post: Post) -> bool:
    if not user.is_authenticated:
        return False
    if is_poster(user, post) or can_moderate(user, post):
        return True
    return post.is_open and is_member_of_post_networks(user, post)


def can_answer(user, post: Post) -> bool:
    return post.is_open and is_member_of_post_networks(user, post) and not is_poster(user, post)


def can_report(user, post: Post) -> bool:
    return post.is_open and is_member_of_post_networks(user, post) and not is_poster(user, post)


def can_manage(user, post: Post) -> bool:
    return is_poster(user, post)


def can_post(user) -> bool:
    """People of an organisation that is an active member of a network."""
    return bool(member_network_ids(user))


def get_post_for(request, pk: int, *, action: str = VIEW) -> Post:
    """The post, or 404 if the user must not know it exists, or 403 if they may not act."""
    if action not in ACTIONS:
        raise ValueError(action)
    post = get_object_or_404(
        Post.objects.select_related("organisation", "created_by").prefetch_related("networks"),
        pk=pk,
    )
    user = request.user
    if not can_view_post(user, post):
        raise Http404
    allowed = {
        VIEW: True,
        ANSWER: can_answer,
        MANAGE: can_manage,
        MODERATE: can_moderate,
        REPORT: can_report,
    }[action]
    if allowed is not True and not allowed(user, post):
        raise PermissionDenied
    return post
