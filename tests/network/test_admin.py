import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from core.models import AuditEvent
from network.models import Membership

from .factories import MembershipFactory, NetworkFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/network/membership/"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))
    return client


def test_bulk_accept_uses_the_service(admin_client, django_capture_on_commit_callbacks):
    network = NetworkFactory()
    applications = [MembershipFactory(network=network, status="applied") for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            CHANGELIST,
            {"action": "accept_applications", "_selected_action": [m.pk for m in applications]},
        )
    assert set(Membership.objects.values_list("status", flat=True)) == {"active"}
    assert AuditEvent.objects.filter(action="membership.approved").count() == 2
    assert LogEntry.objects.filter(object_id=str(applications[0].pk)).exists()


def test_bulk_decline_asks_for_a_reason_then_mails_it(
    admin_client, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    coordinator = UserFactory(email="koord@example.org")
    network.coordinators.add(coordinator)
    application = MembershipFactory(network=network, status="applied")
    data = {"action": "decline_applications", "_selected_action": [application.pk]}
    response = admin_client.post(CHANGELIST, data)
    assert response.status_code == 200 and "reason" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "applied"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(CHANGELIST, {**data, "reason": "Nicht im Kreisgebiet"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "declined"
    assert application.decision_reason == "Nicht im Kreisgebiet"
    assert [m.to[0] for m in mail.outbox] == ["koord@example.org"]
    history = admin_client.get(f"{CHANGELIST}{application.pk}/history/").content.decode()
    assert "Nicht im Kreisgebiet" in history


def test_csv_export_follows_the_current_filter(admin_client):
    network = NetworkFactory(name="Netz A")
    MembershipFactory(
        network=network, organisation=OrganisationFactory(name="=Aktiv GmbH"), status="active"
    )
    MembershipFactory(
        network=network, organisation=OrganisationFactory(name="Bewerber e. V."), status="applied"
    )
    response = admin_client.get(f"{CHANGELIST}export.csv?status__exact=active")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2  # header + the one active membership
    assert rows[1][0] == "Netz A" and rows[1][1] == "'=Aktiv GmbH"  # no formula injection


def test_changelist_filters_and_search(admin_client):
    school = OrganisationFactory(name="Grundschule Nord", kind="school")
    MembershipFactory(organisation=school)
    MembershipFactory(organisation=OrganisationFactory(name="Wache Süd", kind="police"))
    page = admin_client.get(f"{CHANGELIST}?organisation_kind=school").content.decode()
    assert "Grundschule Nord" in page and "Wache Süd" not in page
    page = admin_client.get(f"{CHANGELIST}?q=Wache").content.decode()
    assert "Wache Süd" in page and "Grundschule Nord" not in page


def test_staff_without_permission_cannot_export(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"{CHANGELIST}export.csv").status_code == 403


@pytest.mark.parametrize(
    ("count", "message"), [(1, "1 Mitgliedschaft geändert."), (2, "2 Mitgliedschaften geändert.")]
)
def test_bulk_decisions_report_the_count_in_singular_and_plural(admin_client, count, message):
    network = NetworkFactory()
    applications = [MembershipFactory(network=network, status="applied") for _ in range(count)]
    response = admin_client.post(
        CHANGELIST,
        {"action": "accept_applications", "_selected_action": [m.pk for m in applications]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [message]
