"""Proposals through a network's decision path: stages, moves, decisions, agenda, followers'
mails (one per follower per move, through the outbox)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import AuditEvent
from network.models import WorkingGroup, WorkingGroupResult
from notifications.models import OutgoingMail
from proposals import services
from proposals.models import Follower, Stage
from tests.factories import MeetingFactory

PDF = b"%PDF-1.4 test"


def submit(world, by=None, **kwargs):
    return services.proposal_submit(
        network=world.ag78,
        by=by or world.alice,
        title=kwargs.pop("title", "Sozialraumteams in jeder Planungsregion"),
        text=kwargs.pop("text", "Wir schlagen vor, **Sozialraumteams** einzurichten."),
        **kwargs,
    )


def stage(world, name):
    return Stage.objects.get(network=world.ag78, name=name)


def test_an_ag78_gets_the_decision_path_of_seed_001(world):
    proposal = submit(world, planning_region=world.alsfeld)
    names = list(
        Stage.objects.filter(network=world.ag78).order_by("position").values_list("name", "kind")
    )
    assert names == [
        ("gesammelt", "open"),
        ("in der Steuerungsgruppe", "open"),
        ("in der AG 78 beraten", "open"),
        ("dem Jugendhilfeausschuss vorgelegt", "open"),
        ("beschlossen", "accepted"),
        ("abgelehnt", "rejected"),
        ("zurückgestellt", "deferred"),
    ]
    assert proposal.stage.name == "gesammelt"
    assert proposal.organisation == world.provider
    assert list(proposal.followers.values_list("user", flat=True)) == [world.alice.pk]


def test_other_networks_get_a_short_path(world):
    proposal = services.proposal_submit(
        network=world.other, by=world.charlie, title="Springerpool", text="Gemeinsam."
    )
    assert proposal.stage.name == "eingereicht"
    assert Stage.objects.filter(network=world.other).count() == 5


def test_support_is_one_per_person_and_toggles(world):
    proposal = submit(world)
    assert services.proposal_support_toggle(proposal=proposal, by=world.bob) is True
    assert proposal.supports.count() == 1
    assert Follower.objects.filter(proposal=proposal, user=world.bob).exists()
    assert services.proposal_support_toggle(proposal=proposal, by=world.bob) is False
    assert proposal.supports.count() == 0


def test_each_move_mails_each_follower_once(world, django_capture_on_commit_callbacks):
    proposal = submit(world)
    services.proposal_support_toggle(proposal=proposal, by=world.bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_move(
            proposal=proposal,
            by=world.kim,
            to_stage=stage(world, "in der Steuerungsgruppe"),
            on=dt.date(2026, 11, 20),
            note="In der Steuerungsgruppe am 20.11. vorgestellt.",
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    assert "in der Steuerungsgruppe" in mail.outbox[0].subject
    assert "vorgestellt" in mail.outbox[0].body
    # A follower who is no longer in the network hears nothing.
    world.provider.network_memberships.update(status="left")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_move(
            proposal=proposal, by=world.kim, to_stage=stage(world, "in der AG 78 beraten")
        )
    assert [m.to[0] for m in mail.outbox] == ["bob@example.org"]
    assert OutgoingMail.objects.filter(kind="proposal-moved").count() == 3
    assert list(proposal.moves.values_list("to_stage__name", flat=True)) == [
        "in der Steuerungsgruppe",
        "in der AG 78 beraten",
    ]


def test_a_decision_needs_its_reference_and_is_audited(world):
    proposal = submit(world)
    with pytest.raises(services.ProposalError):
        services.proposal_move(
            proposal=proposal, by=world.kim, to_stage=stage(world, "beschlossen")
        )
    services.proposal_move(
        proposal=proposal,
        by=world.kim,
        to_stage=stage(world, "beschlossen"),
        on=dt.date(2026, 11, 25),
        decision_reference="Drucksache 2026/117",
    )
    proposal.refresh_from_db()
    assert proposal.decision_date == dt.date(2026, 11, 25)
    assert proposal.decision_reference == "Drucksache 2026/117"
    event = AuditEvent.objects.get(action="proposal.decided")
    assert event.network_id == world.ag78.pk and event.data["reference"] == "Drucksache 2026/117"


def test_a_stage_of_another_network_is_refused(world):
    proposal = submit(world)
    services.proposal_submit(network=world.other, by=world.charlie, title="X", text="Y")
    foreign = Stage.objects.filter(network=world.other).last()
    with pytest.raises(services.ProposalError):
        services.proposal_move(proposal=proposal, by=world.kim, to_stage=foreign)


def test_put_on_the_agenda_of_an_upcoming_meeting(world):
    proposal = submit(world)
    meeting = MeetingFactory(network=world.ag78, title="Sitzung der AG 78")
    case_conference = MeetingFactory(network=world.ag78, kind="case_conference")
    past = MeetingFactory(
        network=world.ag78,
        start=dt.datetime(2025, 1, 1, 10, tzinfo=dt.UTC),
        end=dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC),
    )
    assert list(services.agenda_meetings(world.ag78)) == [meeting]
    for refused in (case_conference, past):
        with pytest.raises(services.ProposalError):
            services.proposal_put_on_agenda(proposal=proposal, by=world.kim, meeting=refused)
    services.proposal_put_on_agenda(proposal=proposal, by=world.kim, meeting=meeting)
    proposal.refresh_from_db()
    item = meeting.agenda_items.get()
    assert item.title == proposal.title and proposal.agenda_item == item
    assert proposal.meeting == meeting
    with pytest.raises(services.ProposalError):
        services.proposal_put_on_agenda(proposal=proposal, by=world.kim, meeting=meeting)


def test_a_working_group_result_becomes_a_proposal_with_its_document(world):
    group = WorkingGroup.objects.create(network=world.ag78, name="AG Hilfen unter einem Dach")
    result = WorkingGroupResult.objects.create(
        working_group=group,
        title="Betreuungssetting",
        text="Ambulant und stationär flexibel verbinden.",
        document=SimpleUploadedFile("setting.pdf", PDF),
    )
    proposal = submit(world, title=result.title, text=result.text, source_result=result)
    assert proposal.source_result == result
    with proposal.attachment.open("rb") as attachment:
        assert attachment.read() == PDF


def test_a_repeated_event_queues_no_second_mail(world, django_capture_on_commit_callbacks):
    from proposals import events

    proposal = submit(world)
    with django_capture_on_commit_callbacks(execute=True):
        move = services.proposal_move(
            proposal=proposal, by=world.kim, to_stage=stage(world, "in der Steuerungsgruppe")
        )
        events.proposal_moved.send_event(move=move)
    assert OutgoingMail.objects.filter(kind="proposal-moved").count() == 1
    assert len(mail.outbox) == 1
