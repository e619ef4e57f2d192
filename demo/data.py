"""Demo data for `make run`: the five seed networks, fictional people with example.org
addresses. Idempotent: every row is looked up by a natural key first, so running it twice
changes nothing. Municipalities come from the providers app's data migration; a missing one
is skipped, never invented."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

DEMO_PASSWORD = "demo-portal-2026"

DEMO_USERS = [
    {"email": "admin@example.org", "name": "Alex Admin", "is_staff": True, "is_superuser": True},
    {"email": "koordination@example.org", "name": "Kim Koordination"},
    {"email": "traeger@example.org", "name": "Tara Träger"},
]


def ensure_user(*, email: str, name: str, password: str = DEMO_PASSWORD, **flags):
    """Create a user with a verified email address; leave an existing one as it is."""
    User = get_user_model()
    consent = {
        "privacy_consent_version": settings.PRIVACY_NOTICE_VERSION,
        "privacy_consent_at": timezone.now(),
    }
    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, **consent, **flags}
    )
    if created:
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


# --- Organisations of the seeds ---------------------------------------------------------------
# slug: (name, kind, legal form, city, county, [municipalities served], admin person)

ORGANISATIONS = {
    # seed 000: independent providers of ambulant youth welfare, Kreis Wesel and neighbours
    "richtungswechsel": (
        "richtungsWechsel",
        "provider",
        "",
        "Wesel",
        "Kreis Wesel",
        ["Wesel", "Hamminkeln"],
        ("Rana Richter", "richtungswechsel@example.org"),
    ),
    "kiz-niederrhein": (
        "KIZ Niederrhein",
        "provider",
        "",
        "Moers",
        "Kreis Wesel",
        ["Moers", "Kamp-Lintfort"],
        ("Konrad Imhof", "kiz@example.org"),
    ),
    "du-und-ich": (
        "Du & Ich e. V.",
        "provider",
        "ev",
        "Dinslaken",
        "Kreis Wesel",
        ["Dinslaken", "Voerde (Niederrhein)"],
        ("Dana Ulrich", "du-und-ich@example.org"),
    ),
    "freiraumwohnung": (
        "freiraumwohnung GmbH",
        "provider",
        "gmbh",
        "Schermbeck",
        "Kreis Wesel",
        ["Schermbeck", "Hünxe"],
        ("Finn Reimann", "freiraumwohnung@example.org"),
    ),
    "kinderleicht": (
        "Kinderleicht",
        "provider",
        "",
        "Duisburg",
        "Duisburg",
        ["Duisburg"],
        ("Kira Leitner", "kinderleicht@example.org"),
    ),
    "lebenshilfe-dinslaken": (
        "Lebenshilfe Dinslaken e. V.",
        "disability",
        "ev",
        "Dinslaken",
        "Kreis Wesel",
        ["Dinslaken"],
        ("Lena Hilf", "lebenshilfe@example.org"),
    ),
    # fictional: applies to the provider alliance (pending application in the demo)
    "jugendhilfe-rhein-ruhr": (
        "Jugendhilfe Rhein-Ruhr gGmbH",
        "provider",
        "ggmbh",
        "Oberhausen",
        "Oberhausen",
        ["Oberhausen"],
        ("Jonas Rhein", "rhein-ruhr@example.org"),
    ),
    # fictional: the demo organisation admin traeger@example.org, not yet a member anywhere
    "ambulante-hilfen-niederrhein": (
        "Ambulante Hilfen Niederrhein e. V.",
        "provider",
        "ev",
        "Xanten",
        "Kreis Wesel",
        ["Xanten", "Sonsbeck"],
        ("Tara Träger", "traeger@example.org"),
    ),
    # seed 001
    "jugendamt-vogelsbergkreis": (
        "Jugendamt Vogelsbergkreis",
        "youth_office",
        "public",
        "Lauterbach (Hessen)",
        "Vogelsbergkreis",
        ["Alsfeld", "Lauterbach (Hessen)", "Schotten"],
        ("Vera Berg", "jugendamt-vogelsberg@example.org"),
    ),
    # seed 002
    "kreisjugendamt-viersen": (
        "Kreisjugendamt Viersen",
        "youth_office",
        "public",
        "Viersen",
        "Kreis Viersen",
        ["Brüggen", "Grefrath", "Niederkrüchten", "Schwalmtal"],
        ("Vivian Kreis", "kreisjugendamt-viersen@example.org"),
    ),
    "jugendamt-stadt-viersen": (
        "Jugendamt der Stadt Viersen",
        "youth_office",
        "public",
        "Viersen",
        "Kreis Viersen",
        ["Viersen"],
        ("Stefan Vier", "jugendamt-viersen@example.org"),
    ),
    "jugendamt-nettetal": (
        "Jugendamt der Stadt Nettetal",
        "youth_office",
        "public",
        "Nettetal",
        "Kreis Viersen",
        ["Nettetal"],
        ("Nele Tal", "jugendamt-nettetal@example.org"),
    ),
    "jugendamt-kempen": (
        "Jugendamt der Stadt Kempen",
        "youth_office",
        "public",
        "Kempen",
        "Kreis Viersen",
        ["Kempen"],
        ("Karl Kemp", "jugendamt-kempen@example.org"),
    ),
    "jugendamt-willich": (
        "Jugendamt der Stadt Willich",
        "youth_office",
        "public",
        "Willich",
        "Kreis Viersen",
        ["Willich"],
        ("Wiebke Will", "jugendamt-willich@example.org"),
    ),
    # seed 003: county youth office Hochsauerlandkreis, local network Olsberg
    "kreisjugendamt-hsk": (
        "Kreisjugendamt Hochsauerlandkreis",
        "youth_office",
        "public",
        "Meschede",
        "Hochsauerlandkreis",
        ["Olsberg", "Bestwig", "Meschede"],
        ("Sina Sauer", "kreisjugendamt-hsk@example.org"),
    ),
    "familienbuero-olsberg": (
        "Familienbüro der Stadt Olsberg",
        "counselling",
        "public",
        "Olsberg",
        "Hochsauerlandkreis",
        ["Olsberg"],
        ("Fenja Büro", "familienbuero-olsberg@example.org"),
    ),
    "grundschule-olsberg": (
        "Grundschule am Ruhrufer Olsberg",
        "school",
        "public",
        "Olsberg",
        "Hochsauerlandkreis",
        ["Olsberg"],
        ("Greta Schulz", "grundschule-olsberg@example.org"),
    ),
    "polizei-hsk": (
        "Polizei Hochsauerlandkreis, Bezirksdienst Olsberg",
        "police",
        "public",
        "Olsberg",
        "Hochsauerlandkreis",
        ["Olsberg"],
        ("Paul Wache", "polizei-olsberg@example.org"),
    ),
    "hebammenpraxis-olsberg": (
        "Hebammenpraxis Olsberg",
        "health",
        "",
        "Olsberg",
        "Hochsauerlandkreis",
        ["Olsberg"],
        ("Hanna Heb", "hebammen-olsberg@example.org"),
    ),
    "kita-sonnenschein-olsberg": (
        "Familienzentrum Sonnenschein Olsberg",
        "daycare",
        "church",
        "Olsberg",
        "Hochsauerlandkreis",
        ["Olsberg"],
        ("Sonja Schein", "kita-olsberg@example.org"),
    ),
    "nachhilfe-schnell": (
        "Lernstudio Schnell GmbH",
        "other",
        "gmbh",
        "Brilon",
        "Hochsauerlandkreis",
        ["Brilon"],
        ("Leo Schnell", "lernstudio@example.org"),
    ),
    "beratungsstelle-sauerland": (
        "Erziehungsberatung Sauerland",
        "counselling",
        "ev",
        "Brilon",
        "Hochsauerlandkreis",
        ["Brilon", "Olsberg"],
        ("Erik Rat", "beratung-sauerland@example.org"),
    ),
    # seed 004
    "jugendamt-herten": (
        "Jugendamt der Stadt Herten",
        "youth_office",
        "public",
        "Herten",
        "Kreis Recklinghausen",
        ["Herten"],
        ("Heide Hertel", "jugendamt-herten@example.org"),
    ),
    "vestische-arbeit-herten": (
        "Vestische Arbeit Herten",
        "job_centre",
        "public",
        "Herten",
        "Kreis Recklinghausen",
        ["Herten"],
        ("Vincent Vest", "vestische-arbeit@example.org"),
    ),
}

VIERSEN_GOAL = (
    "Jugendämter sind für eine Vielzahl von Aufgaben verantwortlich. Um im Bereich der "
    "frühkindlichen Bildung im Kreis Viersen optimal aufgestellt zu sein, kooperieren "
    "unterschiedliche Akteurinnen und Akteure auf interkommunaler Ebene."
)
VIERSEN_IMPLEMENTATION = """\
Aufgrund einer Vielzahl an Aufgaben, denen sich die Jugendämter konfrontiert sehen, findet \
mehrfach im Jahr ein Austausch der Jugendämter statt. Thematisch geht es hierbei über die \
verschiedenen Aufgabengebiete, die das Kreisjugendamt Viersen, externe Trägerschaften, \
Einrichtungen und Institutionen betreffen.

Das Netzwerk der Frühen Hilfen legt dabei den Fokus auf die Unterstützung von Familien und \
Kindern. Zu den Jugendämtern der Städte Viersen, Nettetal, Kempen und Willich besteht guter \
Kontakt, so kann kreisweit eine breite Angebotslandschaft für die Bedarfe der Familien \
angeboten werden.

Die Frühen Hilfen bieten kostenfreie, passgenaue, sozialraumorientierte und wohnortnahe \
Angebote für (werdende) Eltern mit Kindern von null bis drei Jahren an. Im Kreisjugendamt \
Viersen gibt es eine Netzwerkkoordination, die den Gesamtüberblick auf die Bedarfe von \
Familien mit Kindern im genannten Altersspektrum hat.

Für jedes Netzwerktreffen gibt es eine konkrete Ansprechperson, die neben der Organisation \
auch Themen und Inhalte im Vorfeld sammelt. Aus dem Netzwerktreffen sind konkrete Maßnahmen \
entstanden, wie z. B. der interkommunale Austausch der Familienzentren, aus dem das Projekt \
„Schenk mir Zeit“ entstanden ist."""

KREIS_WESEL_MUNICIPALITIES = [
    "Alpen", "Dinslaken", "Hamminkeln", "Hünxe", "Kamp-Lintfort", "Moers", "Neukirchen-Vluyn",
    "Rheinberg", "Schermbeck", "Sonsbeck", "Voerde (Niederrhein)", "Wesel", "Xanten",
]  # fmt: skip
VIERSEN_MUNICIPALITIES = [
    "Brüggen", "Viersen", "Grefrath", "Niederkrüchten", "Schwalmtal", "Tönisvorst", "Nettetal",
    "Willich", "Kempen",
]  # fmt: skip

# slug: fields; "municipalities" as (county, [names]); "coordinators" as emails.
NETWORKS = {
    "traegerverbund-kreis-wesel": {
        "name": "Kooperation ambulanter Jugendhilfeträger Kreis Wesel",
        "kind": "provider_alliance",
        "description": (
            "Freie Träger der ambulanten Kinder- und Jugendhilfe aus Duisburg, Oberhausen und "
            "dem Kreis Wesel planen, mehr miteinander zu kooperieren: gemeinsame Fortbildungen, "
            "Umgang mit dem Fachkräftemangel, gegenseitige Vertretung in Notsituationen."
        ),
        "keywords": "ambulante Hilfen, Kooperation, Fortbildung, Fachkräftemangel",
        "is_open_for_members": True,
        "open_for_members_text": (
            "Gesucht: Träger aus dem Bereich der Kinder- und Jugendhilfe, die Lust auf "
            "Kooperation haben."
        ),
        "contact_name": "Koordination des Trägerverbunds",
        "contact_email": "traegerverbund@example.org",
        "reason": "Gemeinsame Themen der ambulanten Hilfen",
        "legal_form": "Kooperationsverbund",
        "municipalities": [
            ("Kreis Wesel", KREIS_WESEL_MUNICIPALITIES),
            ("Duisburg", ["Duisburg"]),
            ("Oberhausen", ["Oberhausen"]),
        ],
        "coordinators": ["koordination@example.org"],
    },
    "ag78-vogelsbergkreis": {
        "name": "AG 78 Vogelsbergkreis",
        "kind": "ag78",
        "description": (
            "Arbeitsgemeinschaft zwischen Jugendamt und freien Trägern im Vogelsbergkreis "
            "(§ 78 SGB VIII): Sozialraumorientierung in der Jugendhilfe, Planungsregionen, "
            "gemeinsame Schulung der Fachkräfte."
        ),
        "keywords": "Sozialraumorientierung, Planungsregionen, Hilfen unter einem Dach",
        "visibility": "members",
        "reason": "Sozialraumorientierte Jugendhilfe",
        "legal_form": "Arbeitsgemeinschaft nach § 78 SGB VIII",
        "contact_name": "Geschäftsführung der AG 78",
        "contact_email": "ag78-vogelsberg@example.org",
        "municipalities": [
            ("Vogelsbergkreis", ["Alsfeld", "Lauterbach (Hessen)", "Schotten", "Schlitz"])
        ],
        "coordinators": ["jugendamt-vogelsberg@example.org"],
    },
    "fruehe-hilfen-kreis-viersen": {
        "name": "Netzwerk Frühe Hilfen Kreis Viersen",
        "kind": "early_help",
        "description": "Hauptverantwortlich: Kreis Viersen (Regierungsbezirk Düsseldorf).",
        "keywords": "Kinder und Jugendliche, Frühe Hilfen",
        "contact_name": "Netzwerkkoordination Frühe Hilfen im Kreisjugendamt Viersen",
        "contact_email": "fruehe-hilfen-viersen@example.org",
        "reason": "Ressourcenbündelung",
        "goal": VIERSEN_GOAL,
        "implementation": VIERSEN_IMPLEMENTATION,
        "legal_form": "Netzwerk",
        "cooperating_since": 2016,
        "population": 299302,
        "population_date": date(2021, 12, 31),
        "area_km2": Decimal("563.3"),
        "municipalities": [("Kreis Viersen", VIERSEN_MUNICIPALITIES)],
        "coordinators": ["koordination@example.org", "kreisjugendamt-viersen@example.org"],
    },
    "kinderschutz-hochsauerlandkreis": {
        "name": "Frühe Hilfen und Kinderschutz Hochsauerlandkreis",
        "kind": "child_protection",
        "description": (
            "Das Kreisjugendamt richtet wegen der Größe seines Zuständigkeitsbereichs in jeder "
            "Stadt und Gemeinde ein dezentrales Netzwerk ein (KKG § 3), damit diese überschaubar "
            "und arbeitsfähig sind."
        ),
        "keywords": "Kinderschutz, KKG, Frühe Hilfen",
        "contact_name": "Netzwerkkoordination im Kreisjugendamt",
        "contact_email": "kinderschutz-hsk@example.org",
        "reason": "Gesetz zur Kooperation und Information im Kinderschutz (KKG)",
        "legal_form": "Netzwerk",
        "municipalities": [("Hochsauerlandkreis", ["Olsberg", "Bestwig", "Meschede", "Brilon"])],
        "coordinators": ["koordination@example.org", "kreisjugendamt-hsk@example.org"],
    },
    "kinderschutz-olsberg": {
        "name": "Netzwerk Frühe Hilfen und Kinderschutz Olsberg",
        "kind": "child_protection",
        "parent": "kinderschutz-hochsauerlandkreis",
        "description": (
            "Lokales Netzwerk in Olsberg: Jugend- und Gesundheitshilfe, Schule, "
            "Behindertenhilfe, Sozialamt, Polizei und das Familienbüro. Netzwerktreffen ein "
            "bis zwei Mal im Jahr; Fachthemen in Kleingruppen."
        ),
        "is_open_for_members": True,
        "open_for_members_text": (
            "Alle Institutionen in Olsberg, die mit Kindern, Jugendlichen und Eltern in Kontakt "
            "sind, sind willkommen."
        ),
        "contact_name": "Familienbüro der Stadt Olsberg",
        "contact_email": "familienbuero-olsberg@example.org",
        "legal_form": "Netzwerk",
        "municipalities": [("Hochsauerlandkreis", ["Olsberg"])],
        "coordinators": ["familienbuero-olsberg@example.org"],
    },
    "kooperation-herten": {
        "name": "Kooperation Jugendamt Herten und Vestische Arbeit Herten",
        "kind": "cooperation",
        "description": (
            "Jugendamt und Vestische Arbeit betreuen und fördern gemeinsam erwerbsfähige, aber "
            "hilfebedürftige junge Menschen unter 25 Jahren."
        ),
        "reason": "Gemeinsame Ziele für junge Menschen unter 25 Jahren",
        "legal_form": "Kooperationsvereinbarung",
        "cooperating_since": 2010,
        "contact_name": "Pressestelle der Stadt Herten",
        "contact_email": "presse-herten@example.org",
        "municipalities": [("Kreis Recklinghausen", ["Herten"])],
        "coordinators": ["koordination@example.org", "jugendamt-herten@example.org"],
    },
}

# (network, organisation, status, role)
MEMBERSHIPS = [
    *[
        ("traegerverbund-kreis-wesel", slug, "active", role)
        for slug, role in [
            ("freiraumwohnung", "coordinating"),
            ("richtungswechsel", "member"),
            ("kiz-niederrhein", "member"),
            ("du-und-ich", "member"),
            ("kinderleicht", "member"),
            ("lebenshilfe-dinslaken", "member"),
        ]
    ],
    ("traegerverbund-kreis-wesel", "jugendhilfe-rhein-ruhr", "applied", "member"),
    ("ag78-vogelsbergkreis", "jugendamt-vogelsbergkreis", "active", "coordinating"),
    ("fruehe-hilfen-kreis-viersen", "kreisjugendamt-viersen", "active", "coordinating"),
    ("fruehe-hilfen-kreis-viersen", "jugendamt-stadt-viersen", "active", "member"),
    ("fruehe-hilfen-kreis-viersen", "jugendamt-nettetal", "active", "member"),
    ("fruehe-hilfen-kreis-viersen", "jugendamt-kempen", "active", "member"),
    ("fruehe-hilfen-kreis-viersen", "jugendamt-willich", "active", "member"),
    ("kinderschutz-hochsauerlandkreis", "kreisjugendamt-hsk", "active", "coordinating"),
    ("kinderschutz-olsberg", "familienbuero-olsberg", "active", "coordinating"),
    ("kinderschutz-olsberg", "grundschule-olsberg", "active", "member"),
    ("kinderschutz-olsberg", "polizei-hsk", "active", "member"),
    ("kinderschutz-olsberg", "hebammenpraxis-olsberg", "active", "member"),
    ("kinderschutz-olsberg", "kita-sonnenschein-olsberg", "active", "member"),
    ("kinderschutz-olsberg", "kreisjugendamt-hsk", "active", "guest"),
    ("kinderschutz-olsberg", "nachhilfe-schnell", "declined", "member"),
    ("kinderschutz-olsberg", "beratungsstelle-sauerland", "left", "member"),
    ("kooperation-herten", "jugendamt-herten", "active", "coordinating"),
    ("kooperation-herten", "vestische-arbeit-herten", "active", "member"),
]


def _municipalities(county: str, names: list[str]) -> list:
    from providers.models import Municipality

    found = Municipality.objects.filter(county__name=county, name__in=names)
    return list(found)  # a name missing from the region data is skipped


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def load_organisations(users: dict) -> dict:
    from providers.models import Organisation, OrganisationMember

    organisations = {}
    for slug, (name, kind, legal_form, city, county, served, person) in ORGANISATIONS.items():
        organisation, created = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "legal_form": legal_form,
                "city": city,
                "email": f"{slug}@example.org",
                "is_verified": True,
                "is_public": True,
            },
        )
        if created:
            organisation.municipalities.set(_municipalities(county, served))
            if kind == "youth_office":
                organisation.jurisdiction.set(_municipalities(county, served))
        person_name, email = person
        user = users.get(email) or ensure_user(email=email, name=person_name)
        users[email] = user
        OrganisationMember.objects.get_or_create(
            organisation=organisation,
            user=user,
            defaults={"role": OrganisationMember.Role.ADMIN, "is_public_contact": True},
        )
        organisations[slug] = organisation
    # The demo coordinator works at the county youth office, like the network coordination of
    # Frühe Hilfen in Kreis Viersen (seed 002).
    OrganisationMember.objects.get_or_create(
        organisation=organisations["kreisjugendamt-viersen"],
        user=users["koordination@example.org"],
        defaults={"function_title": "Netzwerkkoordination Frühe Hilfen"},
    )
    return organisations


def load_networks(users: dict) -> dict:
    from network.models import Network

    networks = {}
    for slug, spec in NETWORKS.items():
        spec = dict(spec)
        municipalities = spec.pop("municipalities", [])
        coordinators = spec.pop("coordinators", [])
        parent = spec.pop("parent", None)
        network, created = Network.objects.get_or_create(
            slug=slug, defaults={**spec, "parent": networks.get(parent)}
        )
        if created:
            for county, names in municipalities:
                network.municipalities.add(*_municipalities(county, names))
        network.coordinators.add(*[users[email] for email in coordinators if email in users])
        networks[slug] = network
    return networks


def load_memberships(networks: dict, organisations: dict, users: dict) -> None:
    from network.models import Membership, Representative
    from providers.models import OrganisationMember

    coordinator = users["koordination@example.org"]
    today = timezone.localdate()
    for network_slug, organisation_slug, status, role in MEMBERSHIPS:
        network, organisation = networks[network_slug], organisations[organisation_slug]
        admin = OrganisationMember.objects.filter(
            organisation=organisation, role=OrganisationMember.Role.ADMIN
        ).first()
        defaults = {
            "role": role,
            "applied_at": timezone.now() - timedelta(days=400),
            "applied_by": admin.user if admin else None,
        }
        if status == "applied":
            defaults["applied_at"] = timezone.now() - timedelta(days=3)
            defaults["application_message"] = (
                "Wir sind ein freier Träger der ambulanten Hilfen und möchten uns gern am "
                "Austausch und an gemeinsamen Fortbildungen beteiligen."
            )
        if status in ("active", "declined", "left"):
            defaults.update(decided_at=timezone.now() - timedelta(days=390), decided_by=coordinator)
        if status in ("active", "left"):
            defaults["started_at"] = today - timedelta(days=390)
        if status == "left":
            defaults.update(
                ended_at=today - timedelta(days=30), decision_reason="Umzug des Trägers"
            )
        if status == "declined":
            defaults["decision_reason"] = (
                "Das Netzwerk richtet sich an Einrichtungen der Jugend- und Gesundheitshilfe; "
                "kommerzielle Nachhilfe gehört nicht dazu."
            )
        membership, _created = Membership.objects.get_or_create(
            network=network, organisation=organisation, status=status, defaults=defaults
        )
        if status == "active" and admin is not None:
            Representative.objects.get_or_create(
                membership=membership,
                person=admin,
                defaults={"role": Representative.Role.REPRESENTATIVE},
            )


def load_working_groups(networks: dict, users: dict) -> None:
    from network.models import WorkingGroup, WorkingGroupResult

    olsberg = networks["kinderschutz-olsberg"]
    lead = users["familienbuero-olsberg@example.org"]
    group, _created = WorkingGroup.objects.get_or_create(
        network=olsberg,
        name="Kleingruppe Schule und Kinderschutz",
        defaults={
            "purpose": (
                "Verfahren im Kinderschutz zwischen Schule, Jugendamt und Polizei abstimmen; "
                "Ergebnisse werden im Netzwerktreffen vorgestellt."
            ),
            "lead": lead,
            "is_open": True,
        },
    )
    group.members.add(
        lead,
        users["grundschule-olsberg@example.org"],
        users["polizei-olsberg@example.org"],
    )
    WorkingGroupResult.objects.get_or_create(
        working_group=group,
        title="Ablauf bei Anhaltspunkten für eine Kindeswohlgefährdung in der Schule",
        defaults={
            "text": (
                "1. Beobachtungen dokumentieren (ohne Namen im Portal).\n"
                "2. Beratung durch eine insoweit erfahrene Fachkraft anfragen.\n"
                "3. Ansprechpersonen im Kreisjugendamt und bei der Polizei sind bekannt."
            ),
            "for_plenary": True,
            "created_by": lead,
        },
    )


def load_agreement(networks: dict, organisations: dict) -> None:
    from network.models import CooperationAgreement

    agreement, created = CooperationAgreement.objects.get_or_create(
        title="Kooperationsvereinbarung Jugendamt und Vestische Arbeit Herten",
        defaults={
            "network": networks["kooperation-herten"],
            "signed_on": date(2010, 8, 5),
            "valid_from": date(2010, 8, 5),
            "review_date": date(timezone.localdate().year + 1, 8, 5),
            "summary": (
                "Jährliche Abstimmungsgespräche in großer Runde; Fallkonferenzen, in denen die "
                "Mitarbeitenden gemeinsam über den Förderbedarf einzelner Jugendlicher "
                "entscheiden; Hospitationen beim Kooperationspartner; die Vestische Arbeit hat "
                "ein „Auge auf die Kinder“ der Antragstellenden und stellt wenn nötig den "
                "Kontakt zum Jugendamt her."
            ),
            "has_coordination_meetings": True,
            "has_case_conferences": True,
            "has_job_shadowing": True,
            "has_child_protection_duties": True,
            "press_contact": "Pressestelle der Stadt Herten",
        },
    )
    if created:
        agreement.parties.set(
            [organisations["jugendamt-herten"], organisations["vestische-arbeit-herten"]]
        )


def load_meetings(networks: dict, users: dict) -> dict:
    from meetings.models import Meeting, MeetingKind

    wesel = networks["traegerverbund-kreis-wesel"]
    contact = users["koordination@example.org"]
    today = timezone.localdate()
    specs = [
        (
            "Kooperationstreffen der ambulanten Träger",
            {
                "kind": MeetingKind.COOPERATION,
                "status": Meeting.Status.HELD,
                "start": _at(today - timedelta(days=60), 10),
                "end": _at(today - timedelta(days=60), 12),
                "venue_name": "Freiraumwohnung, Besprechungsraum",
                "venue_address": "Schermbeck",
                "audience": Meeting.Audience.NETWORK,
                "description": "Austausch über die ambulanten Hilfen und gemeinsame Themen.",
            },
        ),
        (
            "Kooperations-Treffen in Schermbeck",
            {
                "kind": MeetingKind.COOPERATION,
                "status": Meeting.Status.PUBLISHED,
                "start": _at(today + timedelta(days=30), 10),
                "end": _at(today + timedelta(days=30), 12, 30),
                "venue_name": "Rathaus Schermbeck, Sitzungssaal",
                "venue_address": "Schermbeck",
                "audience": Meeting.Audience.PUBLIC,
                "capacity": 30,
                "description": (
                    "Interessierte Träger der Kinder- und Jugendhilfe sind herzlich eingeladen. "
                    "Themen: gemeinsame Fortbildungen, Fachkräftemangel, Vertretung in "
                    "Notsituationen."
                ),
            },
        ),
        (
            "Planung gemeinsamer Fortbildungen",
            {
                "kind": MeetingKind.TRAINING,
                "status": Meeting.Status.DRAFT,
                "start": _at(today + timedelta(days=90), 14),
                "end": _at(today + timedelta(days=90), 16),
                "format": Meeting.Format.ONLINE,
                "audience": Meeting.Audience.NETWORK,
            },
        ),
    ]
    meetings = {}
    for title, defaults in specs:
        published = defaults["status"] in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
        meeting, _created = Meeting.objects.get_or_create(
            network=wesel,
            title=title,
            defaults={
                **defaults,
                "contact_person": contact,
                "created_by": contact,
                "published_at": timezone.now() - timedelta(days=90) if published else None,
            },
        )
        meetings[title] = meeting
    return meetings


def load_measures(networks: dict, organisations: dict, users: dict, meetings: dict) -> None:
    from network.models import Measure

    today = timezone.localdate()
    held = meetings.get("Kooperationstreffen der ambulanten Träger")
    specs = [
        (
            "traegerverbund-kreis-wesel",
            "Gemeinsames Fortbildungsprogramm für 2027 entwerfen",
            "freiraumwohnung@example.org",
            "freiraumwohnung",
            today + timedelta(days=45),
            Measure.Status.IN_PROGRESS,
        ),
        (
            "traegerverbund-kreis-wesel",
            "Vertretungsliste für Notsituationen zusammenstellen",
            "kiz@example.org",
            "kiz-niederrhein",
            today - timedelta(days=10),
            Measure.Status.OPEN,
        ),
        (
            "fruehe-hilfen-kreis-viersen",
            "Interkommunalen Austausch der Familienzentren organisieren",
            "kreisjugendamt-viersen@example.org",
            "kreisjugendamt-viersen",
            today - timedelta(days=200),
            Measure.Status.DONE,
        ),
        (
            "fruehe-hilfen-kreis-viersen",
            "Projekt „Schenk mir Zeit“ in allen Familienzentren vorstellen",
            "jugendamt-viersen@example.org",
            "jugendamt-stadt-viersen",
            today + timedelta(days=60),
            Measure.Status.OPEN,
        ),
    ]
    for network_slug, title, email, organisation_slug, due, status in specs:
        network = networks[network_slug]
        Measure.objects.get_or_create(
            network=network,
            title=title,
            defaults={
                "responsible_person": users[email],
                "responsible_organisation": organisations[organisation_slug],
                "due_date": due,
                "status": status,
                "meeting": held if network_slug == "traegerverbund-kreis-wesel" else None,
                "done_at": timezone.now() - timedelta(days=190)
                if status == Measure.Status.DONE
                else None,
            },
        )


def load_demo_data(stdout) -> dict:
    users = {spec["email"]: ensure_user(**spec) for spec in DEMO_USERS}
    organisations = load_organisations(users)
    networks = load_networks(users)
    load_memberships(networks, organisations, users)
    load_working_groups(networks, users)
    load_agreement(networks, organisations)
    meetings = load_meetings(networks, users)
    load_measures(networks, organisations, users, meetings)
    stdout.write(
        f"{len(networks)} networks, {len(organisations)} organisations, "
        f"{len(users)} people with example.org addresses.\n"
    )
    return users
