"""One template per kind of meeting, with German defaults the coordinators can edit in admin."""

from django.db import migrations

CASE_NOTICE = (
    "Datenschutz: Keine Namen oder sonstigen Daten der betroffenen Kinder, Jugendlichen und "
    "Familien eintragen. Verwenden Sie ausschließlich ein Fallzeichen (z. B. FK-2025-07)."
)
GENERAL_NOTICE = (
    "Bitte tragen Sie keine personenbezogenen Daten von Kindern, Jugendlichen und Familien ein. "
    "Anwesenheit und Rückmeldungen werden nach Ablauf der Aufbewahrungsfrist gelöscht."
)

TEMPLATES = {
    "cooperation": {
        "default_duration_minutes": 150,
        "agenda_outline": "Begrüßung und Vorstellungsrunde\nBerichte aus den Einrichtungen\n"
        "Gemeinsame Themen (Fortbildung, Fachkräftemangel, Vertretung im Notfall)\n"
        "Verschiedenes und nächster Termin",
        "minutes_outline": "Anwesende\nErgebnisse\nVereinbarungen\nNächster Termin",
    },
    "network": {
        "default_duration_minutes": 180,
        "agenda_outline": "Begrüßung und Genehmigung der Tagesordnung\n"
        "Bericht der Koordination\nVerschiedenes und nächster Termin",
        "minutes_outline": "Anwesende\nTagesordnungspunkte\nBeschlüsse\nMaßnahmen",
    },
    "retreat": {
        "default_duration_minutes": 420,
        "agenda_outline": "Begrüßung und Ziele der Klausurtagung\nArbeit in Kleingruppen\n"
        "Vorstellung der Ergebnisse im Plenum\nVereinbarungen und weiteres Vorgehen",
        "minutes_outline": "Ergebnisse der Kleingruppen\nVereinbarungen\nMaßnahmen",
    },
    "case_conference": {
        "default_duration_minutes": 90,
        "reminder_offsets": [24],
        "agenda_outline": "",
        "minutes_outline": "",
        "data_protection_notice": CASE_NOTICE,
        # Attendance of case conferences is the most sensitive: kept only half a year.
        "retention_months": 6,
    },
    "training": {
        "default_duration_minutes": 360,
        "agenda_outline": "Begrüßung\nFachlicher Input\nAustausch und Fragen\nAbschluss",
        "minutes_outline": "Teilnehmende\nInhalte",
    },
    "job_shadowing": {
        "default_duration_minutes": 240,
        "reminder_offsets": [72],
        "agenda_outline": "Empfang und Vorstellung der Einrichtung\nBegleitung im Arbeitsalltag\n"
        "Auswertungsgespräch",
        "minutes_outline": "Eindrücke\nVereinbarungen",
    },
    "kick_off": {
        "default_duration_minutes": 240,
        "agenda_outline": "Begrüßung und Vorstellung des Netzwerks\nArbeit in Kleingruppen\n"
        "Rückmeldung der Kleingruppen ins Plenum\nVereinbarungen und nächste Schritte",
        "minutes_outline": "Ergebnisse der Kleingruppen\nVereinbarungen\nMaßnahmen",
    },
    "working_group": {
        "default_duration_minutes": 120,
        "agenda_outline": "Stand der Arbeit\nNächste Schritte\nErgebnisse für das Plenum",
        "minutes_outline": "Ergebnisse\nMaßnahmen",
    },
}


def seed(apps, schema_editor):
    MeetingTemplate = apps.get_model("meetings", "MeetingTemplate")
    for kind, values in TEMPLATES.items():
        defaults = {"data_protection_notice": GENERAL_NOTICE, **values}
        MeetingTemplate.objects.get_or_create(kind=kind, defaults=defaults)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
