"""Seed 003: the county youth office writes to the county network and its town networks."""

from circulars.models import Circular
from circulars.services import circular_draft_save, circular_send

from .world import Demo

TEXT = """Liebe Kolleginnen und Kollegen,

der **Fachtag Frühe Hilfen und Kinderschutz** des Hochsauerlandkreises findet im Frühjahr in
Meschede statt. Bitte merken Sie sich den Termin vor und geben Sie die Einladung an Ihre
Teams weiter.

- Themen: Kinderschutz in der Kita, Übergänge in die Schule, Datenschutz im Netzwerk
- Anmeldung folgt über das Portal

Fragen beantworten wir gern – antworten Sie einfach auf diese E-Mail.

Mit freundlichen Grüßen
Ihr Kreisjugendamt
"""


def hsk_circular_sent(demo: Demo) -> Circular:
    """A circular to the county network and its sub-networks (Olsberg), sent by its
    coordinator at the county youth office, through the same service as in the portal."""
    network = demo.networks["kinderschutz-hochsauerlandkreis"]
    coordinator = demo.people["kreisjugendamt-hsk@example.org"]
    draft = circular_draft_save(
        network=network,
        by=coordinator,
        subject="Fachtag Frühe Hilfen und Kinderschutz: bitte vormerken",
        text=TEXT,
        audience=Circular.Audience.WITH_SUBNETWORKS,
    )
    return circular_send(circular=draft, by=coordinator)
