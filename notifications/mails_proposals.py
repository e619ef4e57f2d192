"""Mails about proposals (``proposals``): one to each follower when a proposal moves on."""

from django.conf import settings

from .mails import compose


def proposal_moved_mail(move, user):
    proposal = move.proposal
    return compose(
        kind="proposal-moved",
        key=f"proposal-moved:{move.pk}:{user.pk}",
        user=user,
        context={
            "move": move,
            "proposal": proposal,
            "network": proposal.network,
            "proposal_url": f"{settings.SITE_URL}{proposal.get_absolute_url()}",
        },
        reference=f"proposal:{proposal.pk}",
    )
