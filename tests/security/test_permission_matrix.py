"""Acceptance 1: every URL of the project × every role → the expected status of a GET.

The URL list comes from the URL configuration (``project_urls``), so a new URL without an
entry in ``MATRIX`` fails ``test_every_url_is_in_the_matrix`` with "add it to the matrix".
See matrix_fixtures.py for the roles, the world they live in and how to add an entry.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from .matrix_bulletin import news_kwargs, post_kwargs
from .matrix_fixtures import (
    ROLES,
    Entry,
    Redirect,
    build_world,
    kwargs_for,
    login_required,
    project_urls,
    public,
    redirect,
    statuses,
)

MATRIX: dict[str, Entry] = {
    # --- core ---
    "healthz": Entry(public()),
    "core:favicon": Entry(statuses(redirect("/static/favicon.svg"))),
    "pages:home": Entry(public()),
    "pages:dashboard": Entry(login_required()),
    "core:profile": Entry(login_required()),
    "core:set_language": Entry(public(405)),  # POST only
    "core:imprint": Entry(public()),
    "core:privacy": Entry(public()),
    "core:accessibility": Entry(public()),
    "core:privacy_consent": Entry(login_required()),
    "pages:my_data": Entry(login_required()),
    "pages:my_data_download": Entry(login_required()),
    # A session started without a password (force_login) must confirm the password first.
    "pages:account_delete": Entry(statuses(redirect("/accounts/reauthenticate/"), anonymous=302)),
    "network:audit_log": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    # --- meetings ---
    "meetings:agenda": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:agenda_delete": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:agenda_edit": Entry(statuses(405)),
    "meetings:agenda_publish": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:agenda_move": Entry(statuses(405)),
    "meetings:agenda_review": Entry(statuses(405)),
    "meetings:calendar": Entry(statuses(404, org_admin=200, coordinator=200, site_admin=200)),
    "meetings:cancel": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:create": Entry(statuses(403, anonymous=302, coordinator=200, site_admin=200)),
    "meetings:decline": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "meetings:detail": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "meetings:edit": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:feed": Entry(statuses(200, anonymous=302)),
    "meetings:feed_ics": Entry(statuses(200)),
    "meetings:feed_regenerate": Entry(statuses(405)),
    "meetings:feedback": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:invitations": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:manage": Entry(statuses(200, anonymous=302)),
    # The people pickers' suggestions: for those who manage the meeting only.
    "meetings:people": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200),
        query="meeting={meeting}&field=people&people_q=a",
    ),
    "meetings:measure_add": Entry(statuses(405)),
    "meetings:attendance_walk_in": Entry(statuses(405)),
    "meetings:measure_status": Entry(statuses(405)),
    "meetings:mine": Entry(statuses(200, anonymous=302)),
    "meetings:minutes": Entry(
        statuses(
            404,
            anonymous=302,
            org_admin=403,
            coordinator=redirect("/meetings/{meeting}/"),
            site_admin=redirect("/meetings/{meeting}/"),
        )
    ),
    "meetings:minutes_publish": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:next": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:participants": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:poll": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    # The personal link answers without logging in, whoever opens it.
    "meetings:poll_answer_link": Entry(statuses(200)),
    "meetings:poll_close": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:poll_link_revoke": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:poll_create": Entry(statuses(403, anonymous=302, coordinator=200, site_admin=200)),
    "meetings:poll_schedule": Entry(statuses(405)),
    "meetings:polls": Entry(statuses(200, anonymous=302)),
    "meetings:publish": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "meetings:register": Entry(
        statuses(
            404,
            anonymous=302,
            org_admin=redirect("/meetings/{meeting}/"),
            coordinator=403,
            site_admin=403,
        )
    ),
    "meetings:register_colleague": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=403, site_admin=403)
    ),
    "meetings:registration_cancel": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "meetings:topic_decide": Entry(statuses(405)),
    # The proposer (org_admin) and the coordination see a topic; in this network topics are
    # not collected in the open, so nobody else knows it exists.
    "meetings:topic": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "meetings:topic_support": Entry(statuses(405)),
    "meetings:topics": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    # --- network ---
    "network:agreement": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:agreement_create": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:agreement_document": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:agreement_edit": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:agreements": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:application_decide": Entry(statuses(404, anonymous=302, org_admin=403)),
    "network:applications": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:apply": Entry(
        statuses(
            404,
            anonymous=302,
            org_admin=redirect("/networks/fruehe-hilfen-a/"),
            coordinator=redirect("/networks/fruehe-hilfen-a/"),
            site_admin=redirect("/networks/fruehe-hilfen-a/"),
        )
    ),
    "network_calendar": Entry(statuses(404, org_admin=200, coordinator=200, site_admin=200)),
    "network:detail": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:edit": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:list": Entry(statuses(200)),
    "network:measure_status": Entry(statuses(405, anonymous=302)),
    "network:measures": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:members": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:membership_end": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:profile_pdf": Entry(statuses(404, org_admin=200, coordinator=200, site_admin=200)),
    "network:representative_remove": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=403, site_admin=403)
    ),
    "network:representatives": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=403, site_admin=403)
    ),
    "network:working_group": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:working_group_create": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:working_group_join": Entry(statuses(405, anonymous=302)),
    "network:working_group_leave": Entry(statuses(405, anonymous=302)),
    "network:working_group_result_add": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "network:working_group_result_document": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "network:working_groups": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    # --- news (issue 14): network A is for members only, network B public ---
    "network_news_feed": Entry(public(), kwargs=lambda w: {"slug": w.network_b.slug}),
    "news:list": Entry(public()),
    "news:create": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "news:detail": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200),
        kwargs=news_kwargs,
    ),
    "news:edit": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200),
        kwargs=news_kwargs,
    ),
    # --- pinboard (issue 14): a post of Träger A (org_admin) to network A ---
    "pinboard:board": Entry(login_required()),
    "pinboard:create": Entry(statuses(403, anonymous=302, org_admin=200, other_member=200)),
    "pinboard:network_board": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "pinboard:organisation_history": Entry(
        statuses(404, anonymous=302, org_admin=200, site_admin=200),
        kwargs=lambda w: {"slug": w.org_a.slug},
    ),
    "pinboard:detail": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200),
        kwargs=post_kwargs,
    ),
    "pinboard:answer": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=403, site_admin=403),
        kwargs=post_kwargs,
    ),
    "pinboard:done": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=403, site_admin=403),
        kwargs=post_kwargs,
    ),
    "pinboard:report": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=403, site_admin=403),
        kwargs=post_kwargs,
    ),
    "pinboard:hide": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200),
        kwargs=post_kwargs,
    ),
    # --- reports: the network report and its exports, for coordinators only ---
    "reports:network_report": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "reports:network_report_pdf": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "reports:network_report_csv": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    "reports:network_report_xlsx": Entry(
        statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
    ),
    # Papers of a meeting: attendance lists and all certificates for coordinators; a
    # certificate for the attendee (Alice) only; invitation and minutes for who may see them.
    "meeting_papers:attendance_pdf": Entry(
        statuses(404, anonymous=302, coordinator=200, site_admin=200)
    ),
    "meeting_papers:attendance_csv": Entry(
        statuses(404, anonymous=302, coordinator=200, site_admin=200)
    ),
    "meeting_papers:certificate": Entry(statuses(404, anonymous=302, org_admin=200)),
    "meeting_papers:certificates": Entry(
        statuses(404, anonymous=302, coordinator=200, site_admin=200)
    ),
    "meeting_papers:invitation_pdf": Entry(
        statuses(404, org_admin=200, coordinator=200, site_admin=200)
    ),
    "meeting_papers:minutes_pdf": Entry(
        statuses(404, org_admin=200, coordinator=200, site_admin=200)
    ),
    # --- circulars (network A is members-only; org_admin represents a member of it) ---
    "circulars:archive": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "circulars:detail": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "circulars:attachment": Entry(
        statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
    ),
    "circulars:attachment_remove": Entry(statuses(405, anonymous=302)),
    "circulars:create": Entry(statuses(404, anonymous=302, coordinator=200, site_admin=200)),
    "circulars:settings": Entry(statuses(404, anonymous=302, coordinator=200, site_admin=200)),
    "circulars:edit": Entry(statuses(404, anonymous=302, coordinator=200, site_admin=200)),
    "circulars:preview": Entry(statuses(404, anonymous=302, coordinator=200, site_admin=200)),
    "circulars:delete": Entry(statuses(404, anonymous=302, coordinator=200, site_admin=200)),
    # --- notifications ---
    "notifications:meeting_delivery": Entry(
        statuses(404, anonymous=302, coordinator=200, site_admin=200)
    ),
    "notifications:meeting_delivery_retry": Entry(statuses(405, anonymous=302)),
    "rsvp": Entry(statuses(200)),
    "notifications:settings": Entry(statuses(200, anonymous=302)),
    # The signed link in optional mails: works without logging in, the same for everyone.
    "notifications:unsubscribe": Entry(statuses(200)),
    # --- proposals: members and coordinators of the network, nobody else knows them ---
    **{
        f"proposals:{name}": Entry(
            statuses(404, anonymous=302, org_admin=200, coordinator=200, site_admin=200)
        )
        for name in ("list", "create", "detail", "attachment")
    },
    **{
        f"proposals:{name}": Entry(statuses(405, anonymous=302))
        for name in ("comment", "support", "follow")
    },
    **{
        f"proposals:{name}": Entry(
            statuses(404, anonymous=302, org_admin=403, coordinator=200, site_admin=200)
        )
        for name in ("move", "agenda", "stages")
    },
    # --- providers ---
    "providers:detail": Entry(statuses(404, org_admin=200, site_admin=200)),
    "providers:directory": Entry(statuses(200)),
    "providers:edit": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:hand_over": Entry(statuses(404, anonymous=302, org_admin=200)),
    "providers:invitation": Entry(statuses(200)),
    "providers:invitation_withdraw": Entry(statuses(405, anonymous=302)),
    "providers:invite": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:join": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:join_decide": Entry(statuses(405, anonymous=302)),
    "providers:leave": Entry(statuses(404, anonymous=302, org_admin=200)),
    "providers:member_edit": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:member_remove": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:mine": Entry(statuses(200, anonymous=302)),
    "providers:offer_create": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:offer_delete": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:offer_edit": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:people": Entry(statuses(404, anonymous=302, org_admin=200, site_admin=200)),
    "providers:register": Entry(statuses(200, anonymous=302)),
}


URLS = project_urls()
MATRIX_URLS = sorted(name for name in URLS if name in MATRIX)


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("name", sorted(URLS))
def test_every_url_is_in_the_matrix(name):
    assert name in MATRIX, (
        f"URL {name!r} (/{URLS[name]}) has no entry in the permission matrix: "
        "add it to the matrix in tests/security/test_permission_matrix.py"
    )


def test_matrix_has_no_stale_entries():
    assert set(MATRIX) <= set(URLS), f"not in the URL configuration: {set(MATRIX) - set(URLS)}"


def url_for(name: str, world) -> str:
    entry = MATRIX[name]
    kwargs = entry.kwargs or kwargs_for(name)
    path = reverse(name, kwargs=kwargs(world))
    # ``{meeting}`` and ``{network}`` in the query stand for meeting A's and network A's ids.
    query = entry.query.format(meeting=world.meeting_a.pk, network=world.network_a.pk)
    return path + (f"?{query}" if query else "")


def get_as(client, role, world, path):
    client.logout()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client.get(path)


def mismatch(name, role, expected, response, world) -> str | None:
    """None if the response is what the matrix expects, else a line for the failure report."""
    got = response.status_code
    location = response.get("Location", "")
    if isinstance(expected, Redirect):
        if got == 302 and location.startswith(expected.path(world)):
            return None
    elif got == expected and (
        got != 302 or role != "anonymous" or location.startswith(reverse(settings.LOGIN_URL))
    ):
        return None
    return f"{name} as {role}: expected {expected}, got {got} {location}".rstrip()


# One test per URL with all seven roles: building the world once per URL keeps the matrix
# fast enough to run on every commit; the failure lists every role that differs.
@pytest.mark.parametrize("name", MATRIX_URLS)
def test_status_per_role(client, world, name):
    path = url_for(name, world)
    problems = [
        mismatch(name, role, MATRIX[name].expect[role], get_as(client, role, world, path), world)
        for role in ROLES
    ]
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)
