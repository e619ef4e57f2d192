"""The paginator that reads the total with the page (core/pagination.py): the same pages and
numbers as Django's Paginator, one query per page."""

import pytest
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.pagination import CountedPagePaginator
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _users():
    return get_user_model().objects.filter(email__startswith="page-").order_by("email")


@pytest.fixture
def seven_users():
    for n in range(7):
        UserFactory(email=f"page-{n}@example.org")


def test_a_page_and_the_total_in_one_query(seven_users):
    with CaptureQueriesContext(connection) as captured:
        page = CountedPagePaginator(_users(), 3).get_page("2")
        emails = [user.email for user in page]
        assert (page.paginator.count, page.paginator.num_pages) == (7, 3)
        assert page.has_next() and page.has_previous()
    assert emails == ["page-3@example.org", "page-4@example.org", "page-5@example.org"]
    assert len(captured) == 1


def test_the_last_page_and_a_page_past_the_end_show_the_last_rows(seven_users):
    last = CountedPagePaginator(_users(), 3).get_page(3)
    assert [user.email for user in last] == ["page-6@example.org"]
    assert not last.has_next()
    past = CountedPagePaginator(_users(), 3).get_page(9)
    assert past.number == 3
    assert [user.email for user in past] == ["page-6@example.org"]


def test_pages_that_are_no_page_number_behave_as_in_django(seven_users):
    for number in ("x", None, "", "0", "-2"):
        counted = CountedPagePaginator(_users(), 3).get_page(number)
        plain = Paginator(_users(), 3).get_page(number)
        assert counted.number == plain.number
        assert list(counted) == list(plain)


def test_nothing_to_show_is_an_empty_first_page():
    page = CountedPagePaginator(_users(), 3).get_page(1)
    assert (page.number, page.paginator.count, list(page)) == (1, 0, [])
    assert not page.has_next()
