"""Pages German law requires: shipped defaults, replaced by what the operator enters in admin."""

import pytest

from core.models import LegalText

PAGES = [
    ("/impressum/", "Impressum", "Angaben gemäß § 5 DDG"),
    ("/datenschutz/", "Datenschutzerklärung", "Was wir speichern und warum"),
    ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit", "Feedback und Kontakt"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "title", "default_text"), PAGES)
def test_legal_pages_show_the_shipped_text_in_german(client, path, title, default_text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in html
    assert default_text in html


@pytest.mark.django_db
def test_every_page_links_the_legal_pages_in_the_footer(client):
    html = client.get("/").content.decode()
    for path, title, _ in PAGES:
        assert f'<a href="{path}">{title}</a>' in html


@pytest.mark.django_db
def test_an_operator_replaces_the_imprint_in_admin(client, django_user_model):
    operator = django_user_model.objects.create_superuser(
        email="betrieb@kreis-viersen.example", password="x", name="Betrieb"
    )
    client.force_login(operator)
    assert client.get("/admin/core/legaltext/add/").status_code == 200
    response = client.post(
        "/admin/core/legaltext/add/",
        {
            "kind": "imprint",
            "body_de": "**Kreis Viersen – Jugendamt**\n\nRathausmarkt 3, 41747 Viersen",
            "body_en": "**District of Viersen – Youth office**\n\nRathausmarkt 3, 41747 Viersen",
        },
    )
    assert response.status_code == 302, response.content.decode()
    client.logout()

    html = client.get("/impressum/").content.decode()
    assert "<strong>Kreis Viersen – Jugendamt</strong>" in html
    assert "Angaben gemäß § 5 DDG" not in html  # the default is gone
    assert "Zuletzt geändert:" in html

    client.cookies["portal_language"] = "en"
    html = client.get("/impressum/").content.decode()
    assert "<h1>Imprint</h1>" in html
    assert "<strong>District of Viersen – Youth office</strong>" in html


@pytest.mark.django_db
def test_markup_in_an_admin_entered_text_is_sanitised(client):
    LegalText.objects.create(
        kind=LegalText.Kind.PRIVACY,
        body_de='Verantwortlich: Stadt Olsberg <script>alert("x")</script>',
    )
    html = client.get("/datenschutz/").content.decode()
    assert "Verantwortlich: Stadt Olsberg" in html
    assert 'alert("x")' not in html
