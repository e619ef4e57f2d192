"""What lies ahead when the demo starts: published meetings with their invitations and
registrations (one of them full, with a waiting list), a draft, a topic proposal, a date poll
with answers and a case conference that only its named people are invited to."""

from meetings.models import DatePollAnswer, Meeting, MeetingKind
from meetings.services import (
    invitation_add,
    meeting_create,
    meeting_publish,
    poll_answer,
    poll_create,
    topic_propose,
)

from .meetings import meeting_announce, people_register
from .networks import coordinator as coordinator_of
from .world import Demo

YES, MAYBE, NO = DatePollAnswer.Answer.YES, DatePollAnswer.Answer.MAYBE, DatePollAnswer.Answer.NO


def wesel_meetings_ahead(demo: Demo) -> None:
    """Seed 000: the next cooperation meeting in Schermbeck is open to providers outside the
    alliance (Tara Träger's organisation registers as a guest); the training plan is a draft."""
    timeline = demo.timeline
    coordinator = coordinator_of(demo, "traegerverbund-kreis-wesel")
    wesel = demo.networks["traegerverbund-kreis-wesel"]
    schermbeck = meeting_announce(
        network=wesel,
        by=coordinator,
        kind=MeetingKind.COOPERATION,
        title="Kooperations-Treffen in Schermbeck",
        start=timeline.at(30, 10),
        end=timeline.at(30, 12, 30),
        venue_name="Rathaus Schermbeck, Sitzungssaal",
        venue_address="Schermbeck",
        audience=Meeting.Audience.PUBLIC,
        capacity=30,
        description=(
            "Interessierte Träger der Kinder- und Jugendhilfe sind herzlich eingeladen. Themen: "
            "gemeinsame Fortbildungen, Fachkräftemangel, Vertretung in Notsituationen."
        ),
    )
    people_register(
        schermbeck,
        demo.admins(
            "freiraumwohnung", "richtungswechsel", "kiz-niederrhein", "ambulante-hilfen-niederrhein"
        ),
    )
    meeting_create(
        network=wesel,
        by=coordinator,
        kind=MeetingKind.TRAINING,
        title="Planung gemeinsamer Fortbildungen",
        start=timeline.at(90, 14),
        end=timeline.at(90, 16),
        format=Meeting.Format.ONLINE,
        audience=Meeting.Audience.NETWORK,
    )


def viersen_meeting_ahead(demo: Demo) -> None:
    """Seed 002: the contact person collects topics in advance; the small room is full, so
    the last to register waits for a seat."""
    timeline = demo.timeline
    contact = demo.people["koordination@example.org"]
    meeting = meeting_announce(
        network=demo.networks["fruehe-hilfen-kreis-viersen"],
        by=contact,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen Frühe Hilfen: Austausch der Familienzentren",
        start=timeline.at(21, 10),
        end=timeline.at(21, 13),
        venue_name="Familienzentrum Kempen, Gruppenraum",
        venue_address="Kempen",
        capacity=5,
        topic_deadline=timeline.at(14, 12),
        description="Die Familienzentren berichten; Themen bitte bis eine Woche vorher einreichen.",
    )
    people_register(
        meeting,
        [
            demo.admin("kreisjugendamt-viersen"),
            contact,
            *demo.admins(
                "jugendamt-stadt-viersen",
                "jugendamt-nettetal",
                "jugendamt-kempen",
                "jugendamt-willich",
            ),
        ],
    )
    topic_propose(
        meeting=meeting,
        by=demo.admin("jugendamt-stadt-viersen"),
        title="„Schenk mir Zeit“: erste Erfahrungen in den Familienzentren",
        description="Kurzer Bericht und Fragen an die anderen Jugendämter.",
        duration_minutes=20,
    )


def ag78_retreat_ahead(demo: Demo) -> None:
    """Seed 001: the yearly retreat of the AG 78 with more than fifty participants."""
    timeline = demo.timeline
    chair = demo.admin("jugendamt-vogelsbergkreis")
    retreat = meeting_announce(
        network=demo.networks["ag78-vogelsbergkreis"],
        by=chair,
        kind=MeetingKind.RETREAT,
        title="Klausurtagung der AG 78",
        start=timeline.at(60, 9),
        end=timeline.at(60, 16),
        venue_name="Tagungshaus Alsfeld",
        venue_address="Alsfeld",
        capacity=60,
        description=(
            "Sozialraumorientierung in der Jugendhilfe: Hilfen unter einem Dach, Sozialraumteams "
            "in den Planungsregionen, Schule und Kita als Partner."
        ),
    )
    people_register(retreat, [chair])


def olsberg_poll_open(demo: Demo) -> None:
    """Seed 003: the next network meeting is found by a date poll; most have answered."""
    timeline = demo.timeline
    poll = poll_create(
        network=demo.networks["kinderschutz-olsberg"],
        by=demo.admin("familienbuero-olsberg"),
        title="Nächstes Netzwerktreffen Frühe Hilfen und Kinderschutz",
        slots=[(timeline.at(days, 14), timeline.at(days, 17)) for days in (40, 47, 54)],
        description="Bitte geben Sie an, an welchen Terminen Sie teilnehmen können.",
    )
    slots = list(poll.slots.order_by("start"))
    for organisation_key, answers in [
        ("familienbuero-olsberg", (YES, YES, NO)),
        ("grundschule-olsberg", (YES, MAYBE, NO)),
        ("polizei-hsk", (NO, YES, YES)),
        ("kita-sonnenschein-olsberg", (YES, YES, MAYBE)),
        ("kreisjugendamt-hsk", (MAYBE, YES, NO)),
    ]:
        poll_answer(
            poll=poll,
            user=demo.admin(organisation_key),
            answers={slot.pk: answer for slot, answer in zip(slots, answers, strict=True)},
        )


def herten_meetings_ahead(demo: Demo) -> None:
    """Seed 004: the yearly coordination meeting of both organisations, and a case
    conference of their case managers: invited are only the two of them, and nothing but a
    case reference describes it."""
    timeline = demo.timeline
    network = demo.networks["kooperation-herten"]
    youth_office = demo.admin("jugendamt-herten")
    coordination = meeting_announce(
        network=network,
        by=youth_office,
        kind=MeetingKind.COOPERATION,
        title="Jährliches Abstimmungsgespräch",
        start=timeline.at(45, 10),
        end=timeline.at(45, 12),
        venue_name="Rathaus Herten",
        venue_address="Herten",
        description="Abstimmung in großer Runde nach der Kooperationsvereinbarung.",
    )
    people_register(coordination, demo.admins("jugendamt-herten", "vestische-arbeit-herten"))
    case_managers = [
        demo.people["fallmanagement-herten@example.org"],
        demo.people["u25-herten@example.org"],
    ]
    conference = meeting_create(
        network=network,
        by=youth_office,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        case_reference=f"FK-{timeline.today.year}-017",
        start=timeline.at(12, 9),
        end=timeline.at(12, 10, 30),
        venue_name="Jugendamt Herten, Besprechungsraum",
        venue_address="Herten",
    )
    invitation_add(meeting=conference, by=youth_office, users=case_managers)
    conference = meeting_publish(meeting=conference, by=youth_office)
    people_register(conference, case_managers)
