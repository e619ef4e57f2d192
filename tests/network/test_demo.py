"""Acceptance 5: load_demo is idempotent."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from network.models import Membership, Network

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first


def test_demo_has_the_seed_networks_and_every_membership_state():
    call_command("load_demo", stdout=io.StringIO())
    viersen = Network.objects.get(slug="fruehe-hilfen-kreis-viersen")
    assert viersen.legal_form == "Netzwerk" and viersen.cooperating_since == 2016
    assert viersen.population == 299302 and str(viersen.area_km2) == "563.3"
    assert viersen.coordinators.filter(email="koordination@example.org").exists()
    members = set(viersen.memberships.values_list("organisation__name", flat=True))
    assert {"Kreisjugendamt Viersen", "Jugendamt der Stadt Kempen"} <= members
    wesel = Network.objects.get(slug="traegerverbund-kreis-wesel")
    assert wesel.is_open_for_members and "Träger" in wesel.open_for_members_text
    olsberg = Network.objects.get(slug="kinderschutz-olsberg")
    assert olsberg.parent.slug == "kinderschutz-hochsauerlandkreis"
    assert set(Membership.objects.values_list("status", flat=True)) == {
        "applied",
        "active",
        "declined",
        "left",
    }
    kinds = set(olsberg.memberships.values_list("organisation__kind", flat=True))
    assert {"school", "police", "health", "counselling"} <= kinds
    herten = Network.objects.get(slug="kooperation-herten")
    agreement = herten.agreements.get()
    assert agreement.parties.count() == 2 and agreement.has_job_shadowing
