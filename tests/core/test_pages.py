import json

import pytest
from django.utils import translation


@pytest.mark.django_db
def test_home_is_german_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="de">' in response.content.decode()


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.allow_error_log  # Django logs every 503 as an error
@pytest.mark.django_db
def test_healthz_answers_503_when_the_broker_is_down(client, settings):
    from config.celery_app import app

    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = settings.CELERY_BROKER_URL
    assert response.status_code == 503
    assert json.loads(response.content)["broker"] == "error"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_page_is_accessible(page, axe_check):
    page.goto("/")
    assert page.locator("h1").inner_text()
    axe_check(page)


@pytest.mark.django_db
def test_error_pages_are_german_and_inside_the_portal(client, rf):
    """Without templates Django answered 404/403/500 with its bare English pages ("Not Found",
    "403 Forbidden", "Server Error (500)")."""
    from django.views.defaults import server_error

    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/meetings/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in page
    assert 'href="/dashboard/"' in page and "Netzwerkportal Jugendhilfe" in page

    response = client.get("/meetings/new/")  # a person who coordinates no network
    assert response.status_code == 403
    assert "<h1>Nicht erlaubt</h1>" in response.content.decode()

    with translation.override("de"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "<h1>Etwas ist schiefgelaufen</h1>" in response.content.decode()
