"""Acceptance 2: "my data" export, account deletion that keeps the statistics."""

import json
from collections import Counter

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse

from core.models import AuditEvent, User
from core.privacy import AccountDeletionRefused, account_delete
from meetings.models import Feedback, Registration, TopicProposal
from notifications.models import OutgoingMail
from notifications.outbox import mail_enqueue_message
from providers.models import OrganisationInvitation, OrganisationMember

from .factories import (
    DatePollAnswerFactory,
    FeedbackFactory,
    InvitationFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    RegistrationFactory,
    RepresentativeFactory,
    TopicProposalFactory,
    UserFactory,
)

NAME = "Dörte Datenschutz-Testperson"
EMAIL = "doerte.datenschutz@example.org"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def doerte(db, django_capture_on_commit_callbacks):
    """A person as the demo data has them: organisation, network, meetings, topics, mails."""
    from django.core.mail import EmailMultiAlternatives

    network = NetworkFactory(name="Frühe Hilfen Viersen", slug="fh-viersen")
    org = OrganisationFactory(name="Familienzentrum Nord")
    colleague = UserFactory(name="Carla Kollegin")
    OrganisationMemberFactory(organisation=org, user=colleague, role="admin")
    doerte = UserFactory(email=EMAIL, name=NAME)
    member = OrganisationMemberFactory(
        organisation=org, user=doerte, role="staff", function_title="Fachkraft"
    )
    membership = MembershipFactory(network=network, organisation=org)
    RepresentativeFactory(membership=membership, person=member)
    meetings = [MeetingFactory(network=network, title=f"Treffen {n}") for n in range(3)]
    for meeting in meetings:
        InvitationFactory(meeting=meeting, user=doerte)
        RegistrationFactory(
            meeting=meeting, user=doerte, organisation=org, attended=True, notes="vegetarisch"
        )
        RegistrationFactory(meeting=meeting, user=colleague, organisation=org, attended=True)
    TopicProposalFactory(
        network=network, meeting=meetings[0], title="Fachkräftemangel", proposed_by=doerte
    )
    TopicProposalFactory(network=network, title="Notfall-Vertretung", proposed_by=doerte)
    FeedbackFactory(meeting=meetings[0], user=doerte, rating=5, comment=f"Gruß, {NAME}")
    DatePollAnswerFactory(user=doerte)
    OrganisationInvitation.objects.create(organisation=org, email=EMAIL, invited_by=colleague)
    # Her name and address in other people's rows: free text and a contact field.
    meetings[1].description = f"Ansprechperson: {NAME} ({EMAIL})"
    meetings[1].save()
    org.email = EMAIL
    org.save()
    with django_capture_on_commit_callbacks(execute=True):
        mail_enqueue_message(
            EmailMultiAlternatives(subject=f"Hallo {NAME}", body="Einladung", to=[EMAIL]),
            key="test:invite",
            kind="test",
            language="de",
            user=doerte,
        )
    return doerte


def test_export_contains_registrations_topics_and_more(client, doerte):
    client.force_login(doerte)
    response = client.get(reverse("pages:my_data_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == EMAIL
    assert data["profile"]["name"] == NAME
    assert "password" not in data["profile"]
    assert "calendar_token" not in data["profile"]
    records = data["records"]
    registrations = records["meetings.registration"]["items"]
    assert sorted(r["meeting"]["text"] for r in registrations) == [
        "Treffen 0",
        "Treffen 1",
        "Treffen 2",
    ]
    assert {r["id"] for r in registrations} == set(
        Registration.objects.filter(user=doerte).values_list("pk", flat=True)
    )
    topics = {t["title"] for t in records["meetings.topicproposal"]["items"]}
    assert topics == {"Fachkräftemangel", "Notfall-Vertretung"}
    assert records["meetings.feedback"]["items"][0]["rating"] == 5
    assert len(records["meetings.invitation"]["items"]) == 3
    assert len(records["meetings.datepollanswer"]["items"]) == 1
    assert records["providers.organisationmember"]["items"][0]["function_title"] == "Fachkraft"
    assert records["network.representative"]["items"][0]["membership"]["text"] == (
        "Familienzentrum Nord in Frühe Hilfen Viersen"
    )
    assert records["notifications.outgoingmail"]["items"][0]["subject"] == f"Hallo {NAME}"
    assert records["providers.organisationinvitation"]["items"][0]["email"] == EMAIL


def test_export_leaves_out_other_peoples_rows(client, doerte):
    bob = UserFactory(name="Bob Fremd")
    client.force_login(bob)
    data = json.loads(client.get(reverse("pages:my_data_download")).content)
    assert NAME not in json.dumps(data, ensure_ascii=False)
    assert "meetings.registration" not in data["records"]


def test_export_does_not_contain_mfa_secrets(client, doerte):
    from .factories import add_totp

    add_totp(doerte)
    client.force_login(doerte)
    data = json.loads(client.get(reverse("pages:my_data_download")).content)
    authenticator = data["records"]["mfa.authenticator"]["items"][0]
    assert authenticator["type"] == "totp"
    assert "data" not in authenticator


def text_columns():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                yield model, field


def rows_mentioning(needle: str) -> list[str]:
    found = []
    for model, field in text_columns():
        queryset = model._base_manager.annotate(_text=Cast(field.name, models.TextField()))
        count = queryset.filter(_text__icontains=needle).count()
        if count:
            found.append(f"{model._meta.label}.{field.name} ({count})")
    return found


def attendance_per_organisation():
    return Counter(
        Registration.objects.filter(attended=True).values_list("meeting_id", "organisation_id")
    )


def test_deletion_erases_name_and_email_everywhere_and_keeps_the_counts(client, doerte):
    assert rows_mentioning(EMAIL), "the fixture must put her address somewhere"
    counts_before = attendance_per_organisation()
    registrations_before = Registration.objects.count()
    confirm_password(client, doerte)
    page = client.get(reverse("pages:account_delete"))
    assert page.status_code == 200
    response = client.post(reverse("pages:account_delete"), {"confirm": "on"})
    assert response.status_code == 302

    assert not User.objects.filter(email=EMAIL).exists()
    assert rows_mentioning(EMAIL) == []
    # Her own rows are erased by her id; her name is never searched for in other people's
    # free text (a namesake's data must stay): only the coordinator's description names her.
    assert rows_mentioning(NAME) == ["meetings.Meeting.description (1)"]
    assert attendance_per_organisation() == counts_before
    assert Registration.objects.count() == registrations_before
    assert not Registration.objects.filter(notes="vegetarisch").exists()
    assert set(TopicProposal.objects.values_list("title", flat=True)) == {
        "Fachkräftemangel",
        "Notfall-Vertretung",
    }
    feedback = Feedback.objects.get()
    assert (feedback.user, feedback.rating, feedback.comment) == (None, 5, "")
    assert not OutgoingMail.objects.filter(to_email=EMAIL).exists()
    assert AuditEvent.objects.filter(action="privacy.account_deleted").exists()
    # Logged out: the session is gone.
    assert client.get(reverse("pages:dashboard")).status_code == 302


def confirm_password(client, user):
    """Deleting needs the password entered within the last minutes (re-authentication)."""
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()


def test_deletion_asks_for_the_password_first(client, doerte):
    client.force_login(doerte)  # a session without a recent password entry
    response = client.post(reverse("pages:account_delete"), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert User.objects.filter(email=EMAIL).exists()


def test_deletion_needs_the_confirmation(client, doerte):
    confirm_password(client, doerte)
    response = client.post(reverse("pages:account_delete"), {})
    assert response.status_code == 200
    assert "Bitte bestätigen Sie" in response.content.decode()
    assert User.objects.filter(email=EMAIL).exists()


def test_last_admin_of_an_organisation_cannot_delete_the_account(client, doerte):
    OrganisationMember.objects.filter(user=doerte).update(role="admin")
    OrganisationMember.objects.exclude(user=doerte).update(role="staff")
    with pytest.raises(AccountDeletionRefused) as refused:
        account_delete(user=doerte)
    assert "Familienzentrum Nord" in refused.value.message
    confirm_password(client, doerte)
    page = client.get(reverse("pages:account_delete")).content.decode()
    assert "letzte Administrator" in page
    client.post(reverse("pages:account_delete"), {"confirm": "on"})
    assert User.objects.filter(email=EMAIL).exists()


def test_other_people_keep_similar_addresses(doerte):
    namesake = UserFactory(email=f"x{EMAIL}", name="Jemand Anders")
    account_delete(user=doerte)
    namesake.refresh_from_db()
    assert namesake.email == f"x{EMAIL}"


def test_a_namesake_keeps_their_data(doerte):
    """Erasure goes by the person's id: someone else with the same name is untouched."""
    namesake = UserFactory(email="andere.doerte@example.org", name=NAME)
    meeting = MeetingFactory(title="Treffen der Namensvetterin")
    RegistrationFactory(meeting=meeting, user=namesake, notes=f"{NAME} kommt mit dem Rad")
    FeedbackFactory(meeting=meeting, user=namesake, rating=4, comment=f"Gruß, {NAME}")

    account_delete(user=doerte)

    namesake.refresh_from_db()
    assert (namesake.name, namesake.email) == (NAME, "andere.doerte@example.org")
    assert Registration.objects.get(user=namesake).notes == f"{NAME} kommt mit dem Rad"
    assert Feedback.objects.get(user=namesake).comment == f"Gruß, {NAME}"


def test_every_model_that_holds_personal_data_is_registered():
    """Each app registers what it holds about a person (core.registry); a model added later
    with a link to a person or an email column fails here until it is registered."""
    from core import registry

    registered = {entry.name for entry in registry.personal_data}
    missing = []
    for model in apps.get_models():
        if model is User or model._meta.proxy:
            continue
        points_at_person = any(
            field.is_relation and field.related_model is User
            for field in model._meta.get_fields()
            if getattr(field, "concrete", False)
        )
        has_email = any(isinstance(f, models.EmailField) for f in model._meta.concrete_fields)
        if (points_at_person or has_email) and model._meta.label_lower not in registered:
            missing.append(model._meta.label_lower)
    assert missing == []
