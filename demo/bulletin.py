"""Life between meetings (issue 14): news of the networks and posts on their pinboards.

Seed 000: the provider alliance announces its next cooperation meeting in Schermbeck and
invites interested providers; its members want to stand in for each other in emergencies.
Seed 004: job-shadowing visits (Hospitation) at the partner in Herten.
"""

from datetime import timedelta

from meetings.models import Meeting
from news.models import NewsItem
from news.services import news_publish
from pinboard.models import Post
from pinboard.services import post_answer, post_create

from .networks import coordinator as coordinator_of
from .world import Demo


def news_published(demo: Demo) -> None:
    coordinator = coordinator_of(demo, "traegerverbund-kreis-wesel")
    wesel = demo.networks["traegerverbund-kreis-wesel"]
    schermbeck = Meeting.objects.get(network=wesel, title="Kooperations-Treffen in Schermbeck")
    news_publish(
        network=wesel,
        by=coordinator,
        title="Nächstes Kooperations-Treffen in Schermbeck – interessierte Träger willkommen",
        text=(
            "Das nächste Treffen der Kooperation ambulanter Jugendhilfeträger findet am "
            f"{schermbeck.start:%d.%m.%Y} im Rathaus Schermbeck statt.\n\n"
            "Gesucht: **Träger aus dem Bereich der Kinder- und Jugendhilfe**, die Lust auf "
            "Kooperation haben. Themen sind gemeinsame Fortbildungen, der Umgang mit dem "
            "Fachkräftemangel und die gegenseitige Vertretung in Notsituationen."
        ),
        meeting=schermbeck,
        membership_call=True,
    )
    news_publish(
        network=wesel,
        by=coordinator,
        title="Vertretungsliste für Notfälle aktualisiert",
        text="Bitte prüfen Sie bis zum nächsten Treffen, ob Ihre Ansprechpersonen stimmen.",
        visibility=NewsItem.Visibility.MEMBERS,
    )
    news_publish(
        network=demo.networks["kooperation-herten"],
        by=demo.people["jugendamt-herten@example.org"],
        title="Hospitationen zwischen Jugendamt und Vestischer Arbeit gehen weiter",
        text=(
            "Fachkräfte beider Partner können auch im kommenden Jahr einen Tag beim jeweils "
            "anderen Partner hospitieren. Anmeldung über die Pinnwand des Netzwerks."
        ),
    )


def pinboard_posts(demo: Demo) -> None:
    timeline = demo.timeline
    wesel = demo.networks["traegerverbund-kreis-wesel"]
    stand_in = post_create(
        organisation=demo.organisations["freiraumwohnung"],
        networks=[wesel],
        by=demo.admin("freiraumwohnung"),
        kind=Post.Kind.STAND_IN,
        title="Vertretung in der ambulanten Erziehungshilfe gesucht",
        text=(
            "Wegen zweier Krankheitsfälle suchen wir für gut zwei Wochen eine Fachkraft, die "
            "zwei laufende Hilfen in Schermbeck und Hünxe mit übernimmt."
        ),
        help_kind="Ambulante Erziehungshilfe (SPFH), etwa 10 Stunden pro Woche",
        starts_on=timeline.day(2),
        ends_on=timeline.day(16),
        expires_on=timeline.day(21),
    )
    post_answer(
        post=stand_in,
        by=demo.admin("kiz-niederrhein"),
        text="Wir könnten ab Mittwoch mit einer Kollegin für Hünxe aushelfen. Rufen Sie uns an?",
    )
    post_create(
        organisation=demo.organisations["vestische-arbeit-herten"],
        networks=[demo.networks["kooperation-herten"]],
        by=demo.admin("vestische-arbeit-herten"),
        kind=Post.Kind.JOB_SHADOWING,
        direction=Post.Direction.OFFER,
        title="Zwei Hospitationsplätze im Fallmanagement U25",
        text=(
            "Fachkräfte des Jugendamts können einen Tag im Fallmanagement für junge Menschen "
            "unter 25 Jahren hospitieren."
        ),
        expires_on=timeline.day(28) + timedelta(days=14),
    )
    post_create(
        organisation=demo.organisations["kinderleicht"],
        networks=[wesel],
        by=demo.admin("kinderleicht"),
        kind=Post.Kind.TRAINING,
        title="Gemeinsame Fortbildung Kinderschutz (§ 8a) gesucht",
        text="Wer möchte im Frühjahr eine Inhouse-Schulung zum Schutzauftrag mit uns teilen?",
    )
