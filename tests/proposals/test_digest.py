"""The weekly digest names the proposals submitted and moved on in the week, to members and
coordinators of their network only."""

from datetime import timedelta

from django.utils import timezone

from notifications.digest import digest_sections
from proposals import services
from proposals.models import Proposal, ProposalMove, Stage


def _items(user, since, until):
    return {
        (section.heading, item.title, item.detail)
        for section in digest_sections(user, since, until)
        for item in section.items
    }


def test_the_digest_holds_the_weeks_proposals_and_moves(world):
    now = timezone.now()
    old = services.proposal_submit(network=world.ag78, by=world.alice, title="Alt", text="t")
    Proposal.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=10))
    new = services.proposal_submit(network=world.ag78, by=world.bob, title="Neu", text="t")
    services.proposal_move(
        proposal=old,
        by=world.kim,
        to_stage=Stage.objects.get(network=world.ag78, name="in der Steuerungsgruppe"),
    )
    assert ProposalMove.objects.count() == 1
    since, until = now - timedelta(days=7), now + timedelta(minutes=1)
    items = _items(world.alice, since, until)
    assert {(str(h), t) for h, t, _d in items} == {
        ("Anträge in Ihren Netzwerken", "Neu"),
        ("Anträge in Ihren Netzwerken", "Alt"),
    }
    assert any("in der Steuerungsgruppe" in str(detail) for _h, title, detail in items)
    assert _items(world.kim, since, until) == items  # the coordinator, too
    assert _items(world.charlie, since, until) == set()  # not in the AG 78
    assert new.title == "Neu"
