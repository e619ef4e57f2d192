"""Audit log: logins, failed logins, MFA changes, exports; append-only; coordinator view."""

import pytest
from allauth.mfa import signals as mfa_signals
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from core.audit import audit_log
from core.models import AuditEvent, AuditLogIsAppendOnly

from .factories import NetworkFactory, UserFactory, add_totp

PASSWORD = "correct-horse-battery"


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org", name="Alice Admin")


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_is_logged_with_the_address(client, alice):
    response = login(client, "alice@example.org", PASSWORD)
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="auth.login")
    assert event.actor == alice
    assert event.ip_address == "127.0.0.1"


def test_failed_login_is_logged_without_the_typed_password(client, alice):
    response = login(client, "alice@example.org", "wrong-password-123")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.actor is None
    assert event.data == {"account_exists": True, "user_id": alice.pk}
    assert "wrong-password" not in str(event.data)


def test_mfa_changes_are_logged(alice):
    request = RequestFactory().post("/accounts/2fa/")
    authenticator = add_totp(alice)
    mfa_signals.authenticator_added.send(
        sender=type(authenticator), request=request, user=alice, authenticator=authenticator
    )
    mfa_signals.authenticator_removed.send(
        sender=type(authenticator), request=request, user=alice, authenticator=authenticator
    )
    actions = list(AuditEvent.objects.filter(actor=alice).values_list("action", flat=True))
    assert sorted(actions) == ["mfa.authenticator_added", "mfa.authenticator_removed"]


def test_export_is_logged(client, alice):
    client.force_login(alice)
    client.get(reverse("pages:my_data_download"))
    assert AuditEvent.objects.filter(actor=alice, action="privacy.export").count() == 1


def test_audit_events_cannot_be_changed_or_deleted(alice):
    event = audit_log(actor=alice, action="membership.approve")
    event.action = "something.else"
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "membership.approve"


def test_django_admin_offers_no_add_change_or_delete(rf, db):
    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_coordinator_sees_the_events_of_their_network_only(client, db):
    kim = UserFactory(name="Kim Koordination")
    mine = NetworkFactory(slug="mein-netz")
    sub = NetworkFactory(slug="unter-netz", parent=mine)
    other = NetworkFactory(slug="anderes-netz")
    mine.coordinators.add(kim)
    audit_log(actor=kim, action="meeting.publish", network_id=mine.pk, title="A")
    audit_log(actor=kim, action="membership.approve", network_id=sub.pk)
    audit_log(actor=None, action="meeting.cancel", network_id=other.pk)
    client.force_login(kim)
    response = client.get(reverse("network:audit_log", args=[mine.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "meeting.publish" in page
    assert "membership.approve" in page  # sub-network
    assert "meeting.cancel" not in page
    # bob probes another network's log: public network → 403, he knows it exists.
    assert client.get(reverse("network:audit_log", args=[other.slug])).status_code == 403


def test_audit_log_page_is_paginated(client, db):
    kim = UserFactory()
    network = NetworkFactory()
    network.coordinators.add(kim)
    for number in range(30):
        audit_log(actor=kim, action=f"test.action{number:02d}", network_id=network.pk)
    client.force_login(kim)
    first = client.get(reverse("network:audit_log", args=[network.slug])).content.decode()
    assert "test.action29" in first and "test.action04" not in first
    second = client.get(reverse("network:audit_log", args=[network.slug]) + "?page=2")
    assert "test.action04" in second.content.decode()
