"""Seed 001 between its meetings: the youth office Vogelsbergkreis plans in planning regions
with social spaces; ideas of the AG 78 go their way through the steering group and the AG to
the youth welfare committee (proposals in several stages, one of them decided, one from a
working group's result on the agenda of the coming retreat).

Planning regions are entered in Django admin, so they are rows here; everything else goes
through the services, so the followers' mails are in the outbox."""

from meetings.models import Meeting
from network.services import working_group_create, working_group_join, working_group_result_add
from proposals.models import Stage
from proposals.services import (
    proposal_move,
    proposal_put_on_agenda,
    proposal_submit,
    proposal_support_toggle,
)
from providers.models import County, PlanningRegion
from providers.services import offer_create

from .organisations import municipalities
from .world import Demo

AG78 = "ag78-vogelsbergkreis"


# Planning regions of the youth office Vogelsbergkreis, each with its social spaces (seed 001:
# "Sozialraumteams in den einzelnen Planungsregionen"): entered in Django admin, so rows.
# {planning region: ([municipalities], {social space: [municipalities]})}
VOGELSBERG_PLANNING_REGIONS = {
    "Planungsregion Nord": (
        ["Alsfeld", "Antrifttal", "Homberg (Ohm)", "Kirtorf", "Romrod", "Schwalmtal"],
        {
            "Sozialraum Alsfeld": ["Alsfeld"],
            "Sozialraum Ohm und Schwalm": [
                "Antrifttal",
                "Homberg (Ohm)",
                "Kirtorf",
                "Romrod",
                "Schwalmtal",
            ],
        },
    ),
    "Planungsregion Ost": (
        ["Lauterbach (Hessen)", "Schlitz", "Wartenberg", "Lautertal (Vogelsberg)", "Herbstein"],
        {
            "Sozialraum Lauterbach": ["Lauterbach (Hessen)", "Wartenberg"],
            "Sozialraum Schlitzerland": ["Schlitz"],
        },
    ),
    "Planungsregion West": (
        ["Schotten", "Ulrichstein", "Mücke", "Gemünden (Felda)", "Grebenau", "Feldatal"],
        {
            "Sozialraum Schotten": ["Schotten", "Ulrichstein"],
            "Sozialraum Mücke und Feldatal": ["Mücke", "Feldatal", "Gemünden (Felda)"],
        },
    ),
}


def planning_regions_enter(demo: Demo) -> dict[str, PlanningRegion]:
    """The youth office's planning regions and their social spaces, by name."""
    youth_office = demo.organisations["jugendamt-vogelsbergkreis"]
    county = County.objects.get(name="Vogelsbergkreis")
    regions = {}
    for name, (places, spaces) in VOGELSBERG_PLANNING_REGIONS.items():
        region = PlanningRegion.objects.create(name=name, county=county, youth_office=youth_office)
        region.municipalities.set(municipalities("Vogelsbergkreis", places))
        regions[name] = region
        for space_name, space_places in spaces.items():
            space = PlanningRegion.objects.create(
                name=space_name,
                kind=PlanningRegion.Kind.SOCIAL_SPACE,
                county=county,
                parent=region,
                youth_office=youth_office,
            )
            space.municipalities.set(municipalities("Vogelsbergkreis", space_places))
            regions[space_name] = space
    return regions


def offers_in_social_spaces(demo: Demo, regions: dict[str, PlanningRegion]) -> None:
    """Offers of the AG 78's providers that name their social space (the directory's filter)."""
    for organisation_key, title, description, space in [
        (
            "familienzentrum-schotten",
            "Elterncafé Schotten",
            "Offener Treff für Eltern mit Kindern bis sechs Jahre, jeden Dienstag.",
            "Sozialraum Schotten",
        ),
        (
            "jugendhilfe-vogelsberg",
            "Sozialraumteam Alsfeld",
            "Ambulante und stationäre Hilfen unter einem Dach, mit Schule und Kita vor Ort.",
            "Sozialraum Alsfeld",
        ),
    ]:
        offer_create(
            organisation=demo.organisations[organisation_key],
            by=demo.admin(organisation_key),
            data={
                "title": title,
                "description": description,
                "is_free": True,
                "planning_regions": [regions[space]],
            },
        )


def ag78_working_group_start(demo: Demo):
    """The retreat's question "Hilfen unter einem Dach" goes to a small group."""
    chair = demo.admin("jugendamt-vogelsbergkreis")
    group = working_group_create(
        network=demo.networks[AG78],
        by=chair,
        name="AG Hilfen unter einem Dach",
        purpose=(
            "Ein Betreuungssetting entwickeln, das ambulante und stationäre Hilfen flexibel "
            "verbindet und Eltern aktiv einbindet."
        ),
        lead=demo.admin("jugendhilfe-vogelsberg"),
    )
    working_group_join(working_group=group, user=demo.admin("familienzentrum-schotten"))
    return group


def ag78_working_group_report(demo: Demo, group):
    return working_group_result_add(
        working_group=group,
        by=group.lead,
        title="Betreuungssetting „Hilfen unter einem Dach“",
        text=(
            "Ambulante und stationäre Hilfen werden in einem Team geplant; Eltern sind von "
            "Anfang an beteiligt. Erprobung in einer Planungsregion ab dem nächsten Jahr."
        ),
        for_plenary=True,
    )


def _stage(name: str) -> Stage:
    return Stage.objects.get(network__slug=AG78, name=name)


def ag78_proposals(demo: Demo, regions: dict[str, PlanningRegion], result) -> None:
    """Four proposals of the AG 78 in different stages; the steering group's chair (the
    youth office, which coordinates the AG 78) moves them."""
    timeline = demo.timeline
    network = demo.networks[AG78]
    chair = demo.admin("jugendamt-vogelsbergkreis")
    provider = demo.admin("jugendhilfe-vogelsberg")
    family_centre = demo.admin("familienzentrum-schotten")

    with timeline.back_to(-80):
        training = proposal_submit(
            network=network,
            by=chair,
            title="Gemeinsame sozialräumliche Schulung der Fachkräfte",
            text=(
                "Etwa 100 pädagogische Fachkräfte des Jugendamts und der freien Träger werden "
                "**gemeinsam** sozialräumlich geschult, damit Haltung und Sprache gemeinsam "
                "wachsen."
            ),
        )
    with timeline.back_to(-50):
        teams = proposal_submit(
            network=network,
            by=provider,
            title="Sozialraumteams in jeder Planungsregion",
            text=(
                "Wir schlagen vor, in jeder Planungsregion ein Sozialraumteam aus Jugendamt und "
                "freien Trägern einzurichten, das örtliche Ressourcen konsequent einbezieht."
            ),
            planning_region=regions["Planungsregion Nord"],
        )
        proposal_support_toggle(proposal=teams, by=family_centre)
    for days, stage, note in [
        (-70, "in der Steuerungsgruppe", "Von der Steuerungsgruppe aufgenommen."),
        (-45, "in der AG 78 beraten", "Die AG 78 empfiehlt die Schulung einstimmig."),
        (-30, "dem Jugendhilfeausschuss vorgelegt", "Vorlage für die Sitzung im Herbst."),
    ]:
        with timeline.back_to(days):
            proposal_move(proposal=training, by=chair, to_stage=_stage(stage), note=note)
    with timeline.back_to(-15):
        proposal_move(
            proposal=training,
            by=chair,
            to_stage=_stage("beschlossen"),
            note="Der Jugendhilfeausschuss stimmt zu; die Mittel stehen im Haushalt.",
            decision_reference="Drucksache JHA 2026/041",
        )
    for days, stage, note in [
        (-40, "in der Steuerungsgruppe", "In der Steuerungsgruppe vorgestellt."),
        (-20, "in der AG 78 beraten", "Erste Beratung; Planungsregion Nord beginnt."),
    ]:
        with timeline.back_to(days):
            proposal_move(proposal=teams, by=chair, to_stage=_stage(stage), note=note)
    with timeline.back_to(-25):
        partners = proposal_submit(
            network=network,
            by=family_centre,
            title="Schule und Kita als feste Partner im Sozialraum",
            text=(
                "Das Potential von Schule und Kita wird bisher nur vereinzelt abgerufen. "
                "Wir schlagen feste Ansprechpersonen je Sozialraum vor."
            ),
            planning_region=regions["Sozialraum Schotten"],
        )
    with timeline.back_to(-10):
        proposal_move(
            proposal=partners,
            by=chair,
            to_stage=_stage("in der Steuerungsgruppe"),
            note="Wird mit den Schulleitungen abgestimmt.",
        )
        setting = proposal_submit(
            network=network,
            by=provider,
            title=result.title,
            text=result.text,
            source_result=result,
        )
    retreat = Meeting.objects.get(network=network, title="Klausurtagung der AG 78")
    proposal_put_on_agenda(proposal=setting, by=chair, meeting=retreat)
