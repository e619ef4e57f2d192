"""The fixed cost of a signed-in request (issue 12): the session comes from the cache, the
user is loaded once, and activity tracking, the two-factor and the consent checks do not
query the database on every request."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db

# A page whose view itself runs exactly one query (the operator's legal text).
PAGE = "/impressum/"


@pytest.fixture
def coordinator(settings):
    settings.MFA_REQUIRED_FOR_COORDINATORS = True
    settings.PRIVACY_CONSENT_REQUIRED = True
    user = UserFactory(privacy_consent_version=settings.PRIVACY_NOTICE_VERSION)
    NetworkFactory().coordinators.add(user)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def _queries(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_a_signed_in_request_loads_the_user_once_and_nothing_else(client, coordinator):
    client.force_login(coordinator)
    _queries(client, "/dashboard/")  # the first request records the session and checks MFA
    queries = _queries(client, PAGE)
    # The user (once) and the view's own query; the session comes from the cache.
    assert len(queries) == 2, queries
    assert '"core_user"' in queries[0]
    assert '"core_legaltext"' in queries[1]


def test_the_session_list_still_records_where_the_person_is_logged_in(client, coordinator):
    client.force_login(coordinator)
    client.get(PAGE, HTTP_USER_AGENT="Firefox")
    client.get(PAGE, HTTP_USER_AGENT="Firefox")
    assert UserSession.objects.get(user=coordinator).user_agent == "Firefox"
    # A new browser on the same session is recorded at once.
    client.get(PAGE, HTTP_USER_AGENT="Chromium")
    assert UserSession.objects.get(user=coordinator).user_agent == "Chromium"
