"""The tables of the demo: organisations, networks and memberships of the five seeds
(/work/shared/seeds, see DESIGN.md), with fictional people at example.org addresses.

Only data lives here; the other modules of the app build it through the services.
"""

from datetime import date
from decimal import Decimal

DEMO_PASSWORD = "demo-portal-2026"

DEMO_USERS = [
    {"email": "admin@example.org", "name": "Alex Admin", "is_staff": True, "is_superuser": True},
    {"email": "koordination@example.org", "name": "Kim Koordination"},
    {"email": "traeger@example.org", "name": "Tara Träger"},
]


# --- Organisations of the seeds ---------------------------------------------------------------
# key: (name, kind, legal form, city, county, [municipalities served], admin person). The key
# names the organisation within the demo and gives its address key@example.org; the portal
# derives the organisation's slug from its name, as for every registration.

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
    # fictional: independent providers in the AG 78 of the Vogelsbergkreis (seed 001)
    "jugendhilfe-vogelsberg": (
        "Jugendhilfe im Vogelsberg e. V.",
        "provider",
        "ev",
        "Alsfeld",
        "Vogelsbergkreis",
        ["Alsfeld", "Romrod", "Homberg (Ohm)"],
        ("Jana Vogel", "jugendhilfe-vogelsberg@example.org"),
    ),
    "familienzentrum-schotten": (
        "Familienzentrum Schotten gGmbH",
        "provider",
        "ggmbh",
        "Schotten",
        "Vogelsbergkreis",
        ["Schotten", "Ulrichstein"],
        ("Sven Schott", "familienzentrum-schotten@example.org"),
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
        # Seed 000: the alliance is coordinated by one of its providers.
        "coordinators": ["freiraumwohnung@example.org"],
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
        "coordinators": ["kreisjugendamt-hsk@example.org"],
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
        # Seed 004: the youth office and the job centre run their cooperation together.
        "coordinators": ["jugendamt-herten@example.org", "vestische-arbeit@example.org"],
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
    ("ag78-vogelsbergkreis", "jugendhilfe-vogelsberg", "active", "member"),
    ("ag78-vogelsbergkreis", "familienzentrum-schotten", "active", "member"),
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

# What applicants and coordinators wrote.
APPLICATION_MESSAGE = (
    "Wir sind ein freier Träger der ambulanten Hilfen und möchten uns gern am Austausch und an "
    "gemeinsamen Fortbildungen beteiligen."
)
DECLINE_REASON = (
    "Das Netzwerk richtet sich an Einrichtungen der Jugend- und Gesundheitshilfe; kommerzielle "
    "Nachhilfe gehört nicht dazu."
)
LEAVE_REASON = "Umzug des Trägers"

# Colleagues who join an organisation by its admin's invitation:
# (organisation, name, email, function).
COLLEAGUES = [
    (
        "kreisjugendamt-viersen",
        "Kim Koordination",
        "koordination@example.org",
        "Netzwerkkoordination Frühe Hilfen",
    ),
    ("jugendamt-herten", "Jana Falk", "fallmanagement-herten@example.org", "Fallmanagement"),
    ("vestische-arbeit-herten", "Malte Berger", "u25-herten@example.org", "Fallmanagement U25"),
]
