"""The meetings of the past year, oldest first. Each step runs on the demo clock at the day it
happened (see ``clock``): published a month ahead, registered for while the meeting was still
ahead, minuted the day after, rated by some of those who came."""

from meetings.models import Meeting, MeetingKind
from meetings.services import minutes_measure_add, minutes_publish
from network.models import Measure
from network.services import measure_set_status

from .meetings import feedback_collect, meeting_announce, minutes_record, people_register
from .networks import coordinator as coordinator_of
from .world import Demo

VIERSEN_MINUTES = """\
Die Jugendämter berichten aus ihren Familienzentren. Vereinbart wird ein interkommunaler \
Austausch der Familienzentren; das Projekt „Schenk mir Zeit“ soll in allen Familienzentren \
vorgestellt werden."""

OLSBERG_MINUTES = """\
Vorstellungsrunde der Einrichtungen. In Kleingruppen wurden die Ziele der Netzwerkarbeit \
besprochen; eine Kleingruppe „Schule und Kinderschutz“ wird gegründet. Die Liste der \
Ansprechpersonen im Kinderschutz geht an alle Einrichtungen."""

WESEL_MINUTES = """\
Berichte aus den Einrichtungen. Gemeinsame Themen: Fortbildungen, Fachkräftemangel, \
Vertretung in Notsituationen. Nächstes Treffen in Schermbeck, offen für interessierte Träger."""


def viersen_network_meeting_held(demo: Demo) -> Meeting:
    """Seed 002: the youth offices met seven months ago; the intermunicipal exchange of the
    family centres came out of it (done since) and the project „Schenk mir Zeit“ (open)."""
    timeline = demo.timeline
    contact = demo.admin("kreisjugendamt-viersen")
    with timeline.back_to(-240):
        meeting = meeting_announce(
            network=demo.networks["fruehe-hilfen-kreis-viersen"],
            by=contact,
            kind=MeetingKind.NETWORK,
            title="Netzwerktreffen Frühe Hilfen",
            start=timeline.at(-210, 10),
            end=timeline.at(-210, 13),
            venue_name="Kreishaus Viersen, Sitzungsraum",
            venue_address="Viersen",
            description="Austausch der Jugendämter über die Angebote der Frühen Hilfen.",
        )
        people_register(
            meeting,
            demo.admins(
                "kreisjugendamt-viersen",
                "jugendamt-stadt-viersen",
                "jugendamt-nettetal",
                "jugendamt-kempen",
                "jugendamt-willich",
            ),
        )
    with timeline.back_to(-209):
        minutes_record(meeting, by=contact, minutes=VIERSEN_MINUTES)
        exchange = minutes_measure_add(
            meeting=meeting,
            by=contact,
            title="Interkommunalen Austausch der Familienzentren organisieren",
            responsible_person=contact,
            responsible_organisation=demo.organisations["kreisjugendamt-viersen"],
            due_date=timeline.day(-200),
        )
        minutes_measure_add(
            meeting=meeting,
            by=contact,
            title="Projekt „Schenk mir Zeit“ in allen Familienzentren vorstellen",
            responsible_person=demo.admin("jugendamt-stadt-viersen"),
            responsible_organisation=demo.organisations["jugendamt-stadt-viersen"],
            due_date=timeline.day(60),
        )
        minutes_publish(meeting=meeting, by=contact)
    with timeline.back_to(-190):
        measure_set_status(measure=exchange, by=contact, status=Measure.Status.DONE)
    return meeting


def olsberg_network_meeting_held(demo: Demo) -> Meeting:
    """Seed 003: the local network meets once or twice a year; four months ago, with
    feedback from those who came. The counselling centre was still a member then."""
    timeline = demo.timeline
    contact = demo.admin("familienbuero-olsberg")
    with timeline.back_to(-150):
        meeting = meeting_announce(
            network=demo.networks["kinderschutz-olsberg"],
            by=contact,
            kind=MeetingKind.NETWORK,
            title="Netzwerktreffen Frühe Hilfen und Kinderschutz",
            start=timeline.at(-120, 14),
            end=timeline.at(-120, 17),
            venue_name="Rathaus Olsberg, Großer Sitzungssaal",
            venue_address="Olsberg",
            description="Fachthemen in Kleingruppen, Berichte aus den Einrichtungen.",
        )
        people_register(
            meeting,
            demo.admins(
                "familienbuero-olsberg",
                "grundschule-olsberg",
                "polizei-hsk",
                "hebammenpraxis-olsberg",
                "kita-sonnenschein-olsberg",
                "beratungsstelle-sauerland",
            ),
        )
    with timeline.back_to(-119):
        minutes_record(
            meeting,
            by=contact,
            minutes=OLSBERG_MINUTES,
            absent=[demo.admin("hebammenpraxis-olsberg")],
        )
        contacts_list = minutes_measure_add(
            meeting=meeting,
            by=contact,
            title="Liste der Ansprechpersonen im Kinderschutz an alle Einrichtungen verteilen",
            responsible_person=contact,
            responsible_organisation=demo.organisations["familienbuero-olsberg"],
            due_date=timeline.day(-90),
        )
        minutes_publish(meeting=meeting, by=contact)
    with timeline.back_to(-118):
        feedback_collect(
            meeting,
            [
                (demo.admin("grundschule-olsberg"), 5, "Die Kleingruppen waren sehr hilfreich."),
                (demo.admin("polizei-hsk"), 4, "Gern mehr Zeit für den Austausch."),
                (demo.admin("kita-sonnenschein-olsberg"), 4, ""),
            ],
        )
    with timeline.back_to(-95):
        measure_set_status(measure=contacts_list, by=contact, status=Measure.Status.DONE)
    return meeting


def wesel_cooperation_meeting_held(demo: Demo) -> Meeting:
    """Seed 000: the providers met two months ago; of the two measures that came out of it
    one is under way and one is overdue."""
    timeline = demo.timeline
    coordinator = coordinator_of(demo, "traegerverbund-kreis-wesel")
    with timeline.back_to(-90):
        meeting = meeting_announce(
            network=demo.networks["traegerverbund-kreis-wesel"],
            by=coordinator,
            kind=MeetingKind.COOPERATION,
            title="Kooperationstreffen der ambulanten Träger",
            start=timeline.at(-60, 10),
            end=timeline.at(-60, 12),
            venue_name="Freiraumwohnung, Besprechungsraum",
            venue_address="Schermbeck",
            audience=Meeting.Audience.NETWORK,
            description="Austausch über die ambulanten Hilfen und gemeinsame Themen.",
        )
        people_register(
            meeting,
            demo.admins(
                "freiraumwohnung",
                "richtungswechsel",
                "kiz-niederrhein",
                "du-und-ich",
                "kinderleicht",
            ),
        )
    with timeline.back_to(-59):
        minutes_record(
            meeting, by=coordinator, minutes=WESEL_MINUTES, absent=[demo.admin("kinderleicht")]
        )
        training = minutes_measure_add(
            meeting=meeting,
            by=coordinator,
            title=f"Gemeinsames Fortbildungsprogramm für {timeline.today.year + 1} entwerfen",
            responsible_person=demo.admin("freiraumwohnung"),
            responsible_organisation=demo.organisations["freiraumwohnung"],
            due_date=timeline.day(45),
        )
        minutes_measure_add(
            meeting=meeting,
            by=coordinator,
            title="Vertretungsliste für Notsituationen zusammenstellen",
            responsible_person=demo.admin("kiz-niederrhein"),
            responsible_organisation=demo.organisations["kiz-niederrhein"],
            due_date=timeline.day(-10),
        )
        minutes_publish(meeting=meeting, by=coordinator)
    with timeline.back_to(-58):
        feedback_collect(
            meeting,
            [
                (demo.admin("richtungswechsel"), 5, "Endlich ein fester Austausch unter Trägern."),
                (demo.admin("du-und-ich"), 4, "Bitte mehr Zeit für die Vertretungsliste."),
            ],
        )
    with timeline.back_to(-20):
        measure_set_status(measure=training, by=coordinator, status=Measure.Status.IN_PROGRESS)
    return meeting
