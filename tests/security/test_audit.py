"""Audit log: logins, failed logins, MFA changes, exports; append-only at every level (model,
queryset, PostgreSQL), with one path for erasing a deleted person; coordinator view."""

import json

import pytest
from allauth.mfa import signals as mfa_signals
from django.contrib import admin
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from core.audit import audit_erase_person, audit_log
from core.models import AuditEvent, AuditLogIsAppendOnly, User
from core.privacy import account_delete

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


def test_querysets_cannot_change_or_delete_events(alice):
    event = audit_log(actor=alice, action="membership.approve")
    events = AuditEvent.objects.filter(pk=event.pk)
    with pytest.raises(AuditLogIsAppendOnly):
        events.update(action="something.else")
    with pytest.raises(AuditLogIsAppendOnly):
        events.update(actor=None)
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()
    # The base manager, which Django's own code (related objects, deletion) uses, refuses too.
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent._base_manager.filter(pk=event.pk).update(action="something.else")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent._base_manager.filter(pk=event.pk).delete()
    event.action = "something.else"
    with pytest.raises(AuditLogIsAppendOnly), transaction.atomic():  # bulk_update's own
        AuditEvent.objects.bulk_update([event], ["action"])
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.action, stored.actor) == ("membership.approve", alice)


def run_sql(sql, params, *, erasure_of=None):
    """Raw SQL past the ORM, in a savepoint; ``erasure_of`` sets the flag the trigger honours."""
    with transaction.atomic(), connection.cursor() as cursor:
        if erasure_of is not None:
            cursor.execute("SELECT set_config('portal.audit_erasure', %s, true)", [erasure_of])
        cursor.execute(sql, params)


@pytest.mark.postgres
def test_the_database_refuses_to_change_or_delete_events(alice):
    event = audit_log(actor=alice, action="membership.approve")
    for sql in (
        "UPDATE core_auditevent SET action = 'something.else' WHERE id = %s",
        "UPDATE core_auditevent SET actor_id = NULL WHERE id = %s",
        "UPDATE core_auditevent SET target_repr = 'forged' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with pytest.raises(IntegrityError, match="append-only"):
            run_sql(sql, [event.pk])
    assert AuditEvent.objects.filter(
        pk=event.pk, action="membership.approve", actor=alice, target_repr=""
    ).exists()


@pytest.mark.postgres
def test_the_erasure_flag_opens_only_that_persons_erasure(alice, rf):
    bob = UserFactory(email="bob@example.org")
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    hers = audit_log(actor=alice, action="auth.login", request=request)
    his = audit_log(actor=bob, action="auth.login", request=request)
    refused = [
        ("UPDATE core_auditevent SET action = 'something.else' WHERE id = %s", [hers.pk]),
        ("UPDATE core_auditevent SET created_at = now() WHERE id = %s", [hers.pk]),
        ("UPDATE core_auditevent SET actor_id = NULL WHERE id = %s", [his.pk]),
        ("UPDATE core_auditevent SET ip_address = NULL WHERE id = %s", [his.pk]),
        ("UPDATE core_auditevent SET actor_id = %s WHERE id = %s", [bob.pk, hers.pk]),
        ("DELETE FROM core_auditevent WHERE id = %s", [hers.pk]),
    ]
    for sql, params in refused:
        with pytest.raises(IntegrityError, match="append-only"):
            run_sql(sql, params, erasure_of=str(alice.pk))
    run_sql(
        "UPDATE core_auditevent SET actor_id = NULL, ip_address = NULL WHERE id = %s",
        [hers.pk],
        erasure_of=str(alice.pk),
    )
    hers.refresh_from_db()
    his.refresh_from_db()
    assert (hers.actor, hers.ip_address, hers.action) == (None, None, "auth.login")
    assert (his.actor, his.ip_address, his.action) == (bob, "192.0.2.7", "auth.login")


@pytest.mark.postgres
def test_an_erasure_closes_the_log_again_behind_itself(alice):
    """The flag is transaction-local, and the erasure clears it when done: the rest of the
    same transaction cannot change events."""
    bob = UserFactory(email="bob@example.org")
    event = audit_log(actor=alice, action="membership.approve")
    audit_erase_person(user_id=bob.pk)
    with pytest.raises(IntegrityError, match="append-only"):
        run_sql("UPDATE core_auditevent SET target_repr = 'forged' WHERE id = %s", [event.pk])
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(target_repr="forged")
    assert AuditEvent.objects.get(pk=event.pk).target_repr == ""


def test_deleting_a_user_keeps_their_events_without_them(alice, rf):
    """As the Django admin deletes a person: their events stay, without who and from where."""
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    bob = UserFactory(email="bob@example.org")
    carla = UserFactory(email="carla@example.org")
    hers = audit_log(actor=alice, action="membership.approve", request=request, network_id=7)
    his = audit_log(actor=bob, action="meeting.published", request=request)
    others = audit_log(actor=carla, action="meeting.changed", request=request)
    alice.delete()
    User.objects.filter(pk=bob.pk).delete()  # a queryset, as the admin's bulk action
    for event in (hers, his):
        event.refresh_from_db()
        assert (event.actor, event.ip_address) == (None, None)
    assert (hers.action, hers.network_id) == ("membership.approve", 7)
    assert his.action == "meeting.published"
    others.refresh_from_db()
    assert (others.actor, others.ip_address) == (carla, "192.0.2.7")
    assert AuditEvent.objects.count() == 3


NAME = "Dörte Datenschutz-Testperson"
EMAIL = "doerte.datenschutz@example.org"


def test_account_deletion_erases_the_person_from_the_audit_log(rf, db):
    doerte = UserFactory(email=EMAIL, name=NAME)
    kim = UserFactory(email="kim@example.org", name="Kim Koordination")
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    own = audit_log(actor=doerte, action="auth.login", request=request)
    about_her = audit_log(
        actor=kim,
        action="account.changed",
        target=doerte,
        request=request,
        note=f"an {EMAIL}",
    )
    # Named only in the details (SQLite keeps JSON with the "ö" escaped).
    names_her = audit_log(actor=kim, action="meeting.changed", contact={"name": NAME})
    unrelated = audit_log(actor=kim, action="meeting.published", request=request, title="Treffen")
    doerte_pk, created = doerte.pk, own.created_at

    account_delete(user=doerte)

    own.refresh_from_db()
    assert (own.actor, own.ip_address) == (None, None)
    assert (own.action, own.created_at) == ("auth.login", created)
    about_her.refresh_from_db()
    assert (about_her.actor, about_her.ip_address) == (kim, "192.0.2.7")
    assert (about_her.action, about_her.target_id) == ("account.changed", str(doerte_pk))
    assert about_her.target_repr == "[gelöscht]"
    assert about_her.data == {"note": "an [gelöscht]"}
    # Her name is never searched for in free text (a namesake's events stay as they are):
    # erasure goes by her id and by her address.
    names_her.refresh_from_db()
    assert (names_her.actor, names_her.action) == (kim, "meeting.changed")
    assert names_her.data == {"contact": {"name": NAME}}
    unrelated.refresh_from_db()
    assert (unrelated.actor, unrelated.ip_address, unrelated.data) == (
        kim,
        "192.0.2.7",
        {"title": "Treffen"},
    )
    remaining = json.dumps(
        list(AuditEvent.objects.exclude(pk=names_her.pk).values()), default=str, ensure_ascii=False
    )
    assert NAME not in remaining and EMAIL not in remaining
    assert AuditEvent.objects.filter(action="privacy.account_deleted").count() == 1


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
