"""Acceptance 5: every field, choice and form label of the providers app has a German text."""

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation import trans_real

from providers import forms


def german(label) -> str | None:
    with translation.override("en"):
        msgid = str(label)
    catalog = trans_real.translation("de")._catalog
    # Model form labels are capfirst(verbose_name): look up the lower-case msgid, too.
    return catalog.get(msgid) or catalog.get(msgid[:1].lower() + msgid[1:]) or None


def model_labels():
    for model in apps.get_app_config("providers").get_models():
        meta = model._meta
        yield f"{meta.label}", meta.verbose_name
        yield f"{meta.label} (plural)", meta.verbose_name_plural
        for field in meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name"):
                continue
            yield f"{meta.label}.{field.name}", field.verbose_name
            if field.help_text:
                yield f"{meta.label}.{field.name} help", field.help_text
            for value, label in field.flatchoices or []:
                yield f"{meta.label}.{field.name}={value}", label


def form_labels():
    for form_class in (
        forms.OrganisationRegisterForm,
        forms.OfferForm,
        forms.InviteForm,
        forms.MemberForm,
        forms.JoinRequestForm,
        forms.DirectoryFilterForm,
    ):
        for name, field in form_class.base_fields.items():
            yield f"{form_class.__name__}.{name}", field.label
            if field.help_text:
                yield f"{form_class.__name__}.{name} help", field.help_text


@pytest.mark.django_db
def test_every_model_field_and_choice_has_a_german_label():
    missing = [where for where, label in model_labels() if german(label) is None]
    assert missing == []


@pytest.mark.django_db
def test_every_form_field_has_a_german_label():
    missing = [where for where, label in form_labels() if german(label) is None]
    assert missing == []


@pytest.mark.django_db
def test_vocabulary_has_both_languages():
    from providers.models import FieldOfWork, TargetGroup

    for entry in [*FieldOfWork.objects.all(), *TargetGroup.objects.all()]:
        with translation.override("en"):
            english = str(entry)
        with translation.override("de"):
            assert str(entry) == entry.name
        assert english == entry.name_en and english != entry.name


@pytest.mark.django_db
def test_the_offer_form_renders_in_german_and_english(client):
    from .factories import MemberFactory

    member = MemberFactory(role="admin")
    client.force_login(member.user)
    url = f"/providers/{member.organisation.slug}/offers/new/"
    html = client.get(url).content.decode()
    assert "Zielgruppen" in html and "Werdende Eltern" in html and "Alter ab (Jahre)" in html
    client.cookies["portal_language"] = "en"
    member.user.preferred_language = "en"
    member.user.save()
    html = client.get(url).content.decode()
    assert "Target groups" in html and "Expecting parents" in html and "Age from" in html
