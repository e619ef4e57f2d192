"""The proposal pages: who sees them (members and coordinators; 404 for everyone else), the
submit form with its upload check, the coordinator's move, the working-group result → proposal
step, the section on the network page, and the list's query count."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import WorkingGroup, WorkingGroupResult
from proposals import services
from proposals.models import Proposal, Stage
from tests.factories import MembershipFactory, NetworkFactory

PDF = b"%PDF-1.4 Ergebnis der Kleingruppe"


def url(world, suffix=""):
    return f"/networks/{world.ag78.slug}/proposals/{suffix}"


@pytest.fixture
def proposal(world):
    return services.proposal_submit(
        network=world.ag78,
        by=world.alice,
        title="Sozialraumteams",
        text="Vorschlag",
        attachment=SimpleUploadedFile("antrag.pdf", b"%PDF-1.4 Antrag"),
        planning_region=world.alsfeld,
    )


def test_outsiders_get_404_for_list_detail_and_attachment(client, world, proposal):
    pages = [url(world), url(world, f"{proposal.pk}/"), url(world, f"{proposal.pk}/attachment/")]
    client.force_login(world.charlie)  # works for a member of another network
    for page in pages:
        assert client.get(page).status_code == 404, page
    client.force_login(world.alice)
    for page in pages:
        assert client.get(page).status_code == 200, page
    response = client.get(pages[2])
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Antrag"
    # The proposal of another network is not found under this one.
    other = services.proposal_submit(network=world.other, by=world.charlie, title="X", text="Y")
    assert client.get(url(world, f"{other.pk}/")).status_code == 404


def test_a_member_submits_and_a_non_pdf_is_refused(client, world):
    client.force_login(world.alice)
    response = client.post(
        url(world, "new/"),
        {
            "title": "Schule und Kita einbinden",
            "text": "Die Partner *Schule* und *Kita* früh einbinden.",
            "planning_region": world.north.pk,
            "attachment": SimpleUploadedFile("idee.pdf", b"MZ not a pdf"),
        },
    )
    assert response.status_code == 200
    assert "Schule und Kita einbinden" in response.content.decode()  # nothing lost
    assert not Proposal.objects.exists()
    response = client.post(
        url(world, "new/"),
        {
            "title": "Schule und Kita einbinden",
            "text": "Die Partner *Schule* und *Kita* früh einbinden.",
            "planning_region": world.north.pk,
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "<em>Schule</em>" in page and "gesammelt" in page and "Planungsregion Nord" in page


def test_the_list_filters_by_stage_and_region(client, world, proposal):
    services.proposal_submit(
        network=world.ag78, by=world.bob, title="Fachkräfte schulen", text="100 Fachkräfte"
    )
    services.proposal_submit(
        network=world.ag78,
        by=world.bob,
        title="Familienzentrum Süd",
        text="…",
        planning_region=world.south,
    )
    client.force_login(world.bob)

    def titles(**params):
        response = client.get(url(world), params)
        return [p.title for p in response.context["page_obj"].object_list]

    # A planning region covers its social spaces.
    assert titles(region=world.north.pk) == ["Sozialraumteams"]
    assert titles(region=world.alsfeld.pk) == ["Sozialraumteams"]
    assert titles(region=world.south.pk) == ["Familienzentrum Süd"]
    collected = Stage.objects.get(network=world.ag78, name="gesammelt")
    assert len(titles(stage=collected.pk)) == 3
    services.proposal_move(
        proposal=proposal,
        by=world.kim,
        to_stage=Stage.objects.get(network=world.ag78, name="in der Steuerungsgruppe"),
    )
    assert len(titles(stage=collected.pk)) == 2
    assert len(titles(stage="nonsense")) == 3  # an invalid filter is ignored


def test_members_cannot_move_coordinators_can(client, world, proposal):
    steering = Stage.objects.get(network=world.ag78, name="in der Steuerungsgruppe")
    data = {"to_stage": steering.pk, "date": "2026-11-20", "note": "vorgestellt"}
    client.force_login(world.alice)
    assert client.post(url(world, f"{proposal.pk}/move/"), data).status_code == 403
    client.force_login(world.kim)
    response = client.post(url(world, f"{proposal.pk}/move/"), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.stage == steering
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "vorgestellt" in page and "20.11.2026" in page


def test_support_and_follow_toggle(client, world, proposal):
    client.force_login(world.bob)
    client.post(url(world, f"{proposal.pk}/support/"))
    assert proposal.supports.filter(user=world.bob).exists()
    assert proposal.followers.filter(user=world.bob).exists()
    client.post(url(world, f"{proposal.pk}/follow/"))
    assert not proposal.followers.filter(user=world.bob).exists()
    client.post(url(world, f"{proposal.pk}/comment/"), {"text": "Gute Idee!"})
    assert proposal.comments.get().text == "Gute Idee!"
    client.force_login(world.charlie)
    assert client.post(url(world, f"{proposal.pk}/support/")).status_code == 404
    assert client.post(url(world, f"{proposal.pk}/comment/"), {"text": "x"}).status_code == 404


def test_a_working_group_result_becomes_a_proposal_in_one_step(client, world):
    group = WorkingGroup.objects.create(network=world.ag78, name="AG Hilfen unter einem Dach")
    group.members.add(world.alice)
    result = WorkingGroupResult.objects.create(
        working_group=group,
        title="Betreuungssetting",
        text="Ambulante und stationäre Hilfen flexibel verbinden.",
        document=SimpleUploadedFile("setting.pdf", PDF),
        created_by=world.alice,
    )
    client.force_login(world.alice)
    group_page = client.get(f"/networks/ag78/working-groups/{group.pk}/").content.decode()
    link = url(world, f"new/?result={result.pk}")
    assert f'href="{link}"' in group_page
    form = client.get(link)
    assert form.context["form"].initial["title"] == "Betreuungssetting"
    assert "flexibel verbinden" in form.content.decode()
    response = client.post(
        link, {"title": "Betreuungssetting", "text": "Ambulante und stationäre Hilfen …"}
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.source_result == result
    with proposal.attachment.open("rb") as attachment:
        assert attachment.read() == PDF
    # A result of another network cannot be smuggled in.
    other_group = WorkingGroup.objects.create(network=world.other, name="Fremd")
    foreign = WorkingGroupResult.objects.create(working_group=other_group, title="Fremd")
    assert client.get(url(world, f"new/?result={foreign.pk}")).status_code == 404


def test_the_network_page_links_to_the_proposals_for_members_only(client, world, proposal):
    client.force_login(world.bob)
    page = client.get("/networks/ag78/").content.decode()
    assert 'href="/networks/ag78/proposals/"' in page
    world.ag78.visibility = "public"
    world.ag78.save()
    client.force_login(world.charlie)
    page = client.get("/networks/ag78/").content.decode()
    assert "/proposals/" not in page


def test_the_list_costs_the_same_for_3_and_30_proposals(client, world):
    def queries():
        client.force_login(world.kim)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url(world))
        assert response.status_code == 200
        return len(captured)

    for n in range(3):
        services.proposal_submit(network=world.ag78, by=world.alice, title=f"P{n}", text="t")
    queries()  # the first request of a session fills caches once
    small = queries()
    for n in range(27):
        services.proposal_submit(
            network=world.ag78, by=world.bob, title=f"Q{n}", text="t", planning_region=world.south
        )
    # session, user, network, coordinator and member checks, stages and regions for the
    # filter, count and page of proposals.
    assert queries() == small
    assert small <= 15


def test_a_sub_networks_result_goes_to_the_parent_networks_plenary(client, world):
    local = NetworkFactory(name="Netzwerk Alsfeld", slug="alsfeld", parent=world.ag78)
    MembershipFactory(network=local, organisation=world.provider)
    group = WorkingGroup.objects.create(network=local, name="Kleingruppe Schule")
    result = WorkingGroupResult.objects.create(
        working_group=group, title="Ablauf Schule", text="Ansprechpersonen benennen."
    )
    client.force_login(world.alice)  # member of both networks
    group_page = client.get(f"/networks/alsfeld/working-groups/{group.pk}/").content.decode()
    assert f'href="/networks/alsfeld/proposals/new/?result={result.pk}"' in group_page
    assert f'href="/networks/ag78/proposals/new/?result={result.pk}"' in group_page
    response = client.post(
        url(world, f"new/?result={result.pk}"), {"title": "Ablauf Schule", "text": "…"}
    )
    assert response.status_code == 302
    assert Proposal.objects.get().network == world.ag78
    # A member of the parent network only must not pull in the local group's result.
    client.force_login(world.bob)
    assert client.get(url(world, f"new/?result={result.pk}")).status_code == 404


def test_the_coordinator_configures_the_decision_path(client, world, proposal):
    stages = list(Stage.objects.filter(network=world.ag78).order_by("position"))
    data = {
        "form-TOTAL_FORMS": str(len(stages) + 1),
        "form-INITIAL_FORMS": str(len(stages)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, stage in enumerate(stages):
        data |= {
            f"form-{i}-id": stage.pk,
            f"form-{i}-name": stage.name,
            f"form-{i}-position": stage.position,
            f"form-{i}-kind": stage.kind,
        }
    # Rename one, delete an empty one, add a new one.
    data["form-1-name"] = "in der zentralen Steuerungsgruppe"
    data["form-6-DELETE"] = "on"  # "zurückgestellt"
    data |= {"form-7-name": "an die Verwaltung verwiesen", "form-7-position": "8"}
    data["form-7-kind"] = "deferred"
    stages_url = url(world, "stages/")
    client.force_login(world.alice)
    assert client.get(stages_url).status_code == 403
    client.force_login(world.kim)
    assert client.get(stages_url).status_code == 200
    response = client.post(stages_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    names = list(
        Stage.objects.filter(network=world.ag78).order_by("position").values_list("name", flat=True)
    )
    assert "in der zentralen Steuerungsgruppe" in names
    assert "zurückgestellt" not in names and names[-1] == "an die Verwaltung verwiesen"
    # The stage that holds the proposal cannot go.
    data["form-0-DELETE"] = "on"
    data.pop("form-6-DELETE")
    current = list(Stage.objects.filter(network=world.ag78).order_by("position"))
    for i, stage in enumerate(current):
        data |= {
            f"form-{i}-id": stage.pk,
            f"form-{i}-name": stage.name,
            f"form-{i}-position": stage.position,
            f"form-{i}-kind": stage.kind,
        }
    data |= {"form-TOTAL_FORMS": str(len(current)), "form-INITIAL_FORMS": str(len(current))}
    for key in [k for k in data if k.startswith(f"form-{len(current)}-")]:
        data.pop(key)
    response = client.post(stages_url, data)
    assert response.status_code == 200
    assert "kann nicht gelöscht werden" in response.content.decode()
    assert Stage.objects.filter(pk=proposal.stage_id).exists()
