"""Acceptance 5 for proposals: a case conference is never offered for a proposal's agenda,
and a meeting linked to a proposal shows on its page only to those who may see the meeting
(``Meeting.objects.visible_to``); the move mails never name the meeting."""

import pytest
from django.core import mail

from meetings.models import MeetingKind
from proposals import services
from proposals.models import Stage
from tests.factories import MeetingFactory


@pytest.fixture
def proposal(world):
    return services.proposal_submit(
        network=world.ag78, by=world.alice, title="Sozialraumteams", text="Vorschlag"
    )


def test_a_case_conference_is_not_offered_nor_accepted(client, world, proposal):
    conference = MeetingFactory(
        network=world.ag78, kind=MeetingKind.CASE_CONFERENCE, title="Fallkonferenz Zeta-17"
    )
    MeetingFactory(network=world.ag78, title="Sitzung der AG 78")
    client.force_login(world.kim)
    agenda = f"{proposal.get_absolute_url()}agenda/"
    page = client.get(agenda).content.decode()
    assert "Sitzung der AG 78" in page and "Zeta-17" not in page
    response = client.post(agenda, {"meeting": conference.pk})
    assert response.status_code == 200  # the form says: choose a valid meeting
    assert not conference.agenda_items.exists()


def test_the_linked_meeting_shows_only_to_who_may_see_it(
    client, world, proposal, django_capture_on_commit_callbacks
):
    draft = MeetingFactory(network=world.ag78, title="Entwurf Zeta-17", status="draft")
    services.proposal_put_on_agenda(proposal=proposal, by=world.kim, meeting=draft)
    client.force_login(world.kim)
    assert "Zeta-17" in client.get(proposal.get_absolute_url()).content.decode()
    client.force_login(world.alice)  # a member does not see a draft meeting
    assert "Zeta-17" not in client.get(proposal.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_move(
            proposal=proposal,
            by=world.kim,
            to_stage=Stage.objects.get(network=world.ag78, name="in der Steuerungsgruppe"),
        )
    assert [m.to[0] for m in mail.outbox] == ["alice@example.org"]
    assert all("Zeta-17" not in m.body and "Zeta-17" not in m.subject for m in mail.outbox)
