"""The shipped templates' closing lines ("Verschiedenes und nächster Termin" …) become closing
agenda items, which stay at the end of the agenda; agendas of meetings published before
agendas had their own publication count as published with the meeting."""

from django.db import migrations
from django.db.models import F

CLOSING = {
    "cooperation": "Verschiedenes und nächster Termin",
    "network": "Verschiedenes und nächster Termin",
    "retreat": "Vereinbarungen und weiteres Vorgehen",
    "training": "Abschluss",
    "kick_off": "Vereinbarungen und nächste Schritte",
}


def move_closing_items(apps, schema_editor):
    """Idempotent: moves a template's last outline line only if it is the shipped one."""
    MeetingTemplate = apps.get_model("meetings", "MeetingTemplate")
    for template in MeetingTemplate.objects.filter(kind__in=list(CLOSING), agenda_closing=""):
        lines = [line for line in template.agenda_outline.splitlines() if line.strip()]
        if lines and lines[-1].strip() == CLOSING[template.kind]:
            template.agenda_outline = "\n".join(lines[:-1])
            template.agenda_closing = lines[-1].strip()
            template.save(update_fields=["agenda_outline", "agenda_closing"])


def mark_published_agendas(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.filter(published_at__isnull=False, agenda_published_at__isnull=True).update(
        agenda_published_at=F("published_at")
    )


def mark_closing_items(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    AgendaItem.objects.filter(kind="item", title__in=set(CLOSING.values())).update(
        is_closing=True
    )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_agenda_publication_closing_items_open_topics")]

    operations = [
        migrations.RunPython(move_closing_items, migrations.RunPython.noop),
        migrations.RunPython(mark_published_agendas, migrations.RunPython.noop),
        migrations.RunPython(mark_closing_items, migrations.RunPython.noop),
    ]
