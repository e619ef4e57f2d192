import json

import pytest


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
