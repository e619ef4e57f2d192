"""The shipped target groups and fields of work: (slug, German name, English name).

Loaded by a data migration; site admins add more in Django admin with both names.
"""

TARGET_GROUPS = [
    ("expecting-parents", "Werdende Eltern", "Expecting parents"),
    ("families-0-3", "Familien mit Kindern von 0 bis 3 Jahren", "Families with children aged 0–3"),
    ("children", "Kinder", "Children"),
    ("young-people", "Jugendliche", "Young people"),
    ("young-adults", "Junge Erwachsene unter 25 Jahren", "Young adults under 25"),
    ("parents", "Eltern", "Parents"),
    ("professionals", "Fachkräfte", "Professionals"),
]

FIELDS_OF_WORK = [
    (
        "ambulant-help",
        "Ambulante Hilfen zur Erziehung (§§ 27 ff. SGB VIII)",
        "Ambulant help for education (§§ 27 ff. SGB VIII)",
    ),
    (
        "residential-help",
        "Stationäre Hilfen zur Erziehung (§ 34 SGB VIII)",
        "Residential help for education (§ 34 SGB VIII)",
    ),
    ("early-help", "Frühe Hilfen", "Early help"),
    (
        "integration-help",
        "Eingliederungshilfe (§ 35a SGB VIII)",
        "Integration help (§ 35a SGB VIII)",
    ),
    ("youth-work", "Kinder- und Jugendarbeit", "Youth work"),
    ("youth-social-work", "Jugendsozialarbeit", "Youth social work"),
    ("school-social-work", "Schulsozialarbeit", "School social work"),
    ("child-protection", "Kinderschutz", "Child protection"),
    ("day-care", "Kindertagesbetreuung", "Day care for children"),
    ("family-education", "Familienbildung", "Family education"),
    ("counselling", "Erziehungs- und Familienberatung", "Parenting and family counselling"),
    ("health", "Gesundheitshilfe", "Health services"),
    ("employment", "Ausbildung und Arbeit", "Training and employment"),
]


def load_vocabulary(*, apps=None) -> None:
    """Create or rename the shipped entries; entries added by site admins stay untouched."""
    if apps is None:
        from .models import FieldOfWork, TargetGroup
    else:
        FieldOfWork = apps.get_model("providers", "FieldOfWork")
        TargetGroup = apps.get_model("providers", "TargetGroup")
    for position, (slug, name, name_en) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )
    for slug, name, name_en in FIELDS_OF_WORK:
        FieldOfWork.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en})
