"""Acceptance 4 (XSS): script tags, event handlers and javascript: links in a meeting
description and a topic render inert in pages, emails and .ics files."""

import re

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse

from core.markdown import render_markdown
from notifications.models import OutgoingMail

from .factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationMemberFactory,
    RepresentativeFactory,
    TopicProposalFactory,
    UserFactory,
)

PAYLOAD = (
    'Vorstellung <script>alert("xss-script")</script>\n\n'
    '<img src="x.png" onerror="alert(\'xss-onerror\')">\n\n'
    "[Anmeldung](javascript:alert('xss-md-link'))\n\n"
    '<a href="javascript:alert(\'xss-html-link\')" onclick="alert(1)">Link</a>\n\n'
    '<svg onload="alert(\'xss-svg\')"></svg> <iframe src="https://evil.example.com"></iframe>'
)

ACTIVE_PATTERNS = [
    re.compile(r"<script\b[^>]*>[^<]*xss", re.I),  # a script element with our payload
    re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),  # any element with an event handler
    re.compile(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", re.I),
    re.compile(r"<(?:svg|iframe|img)\b", re.I),
]


def assert_inert(html: str):
    for pattern in ACTIVE_PATTERNS:
        match = pattern.search(html)
        assert match is None, f"active content {match.group(0)!r}"


def test_markdown_filter_renders_the_payload_inert():
    html = Template("{% load portal %}{{ text|markdown }}").render(Context({"text": PAYLOAD}))
    assert_inert(html)
    assert "Vorstellung" in html and "Anmeldung" in html  # the harmless text stays
    assert_inert(render_markdown("<SCRIPT>alert('xss')</SCRIPT><a HREF=' JaVaScRiPt:x()'>a</a>"))


def test_the_checks_would_catch_raw_html():
    with pytest.raises(AssertionError):
        assert_inert(PAYLOAD)


@pytest.fixture
def meeting_world(db):
    network = NetworkFactory(slug="xss-netz")
    kim = UserFactory(name="Kim Koordination")
    network.coordinators.add(kim)
    alice = UserFactory(name="Alice Admin")
    member = OrganisationMemberFactory(user=alice, role="admin")
    membership = MembershipFactory(network=network, organisation=member.organisation)
    RepresentativeFactory(membership=membership, person=member)
    meeting = MeetingFactory(network=network, description=PAYLOAD, status="draft")
    TopicProposalFactory(
        network=network,
        meeting=meeting,
        title='<script>alert("xss-topic")</script>Thema',
        description=PAYLOAD,
        proposed_by=alice,
        organisation=member.organisation,
    )
    return meeting, kim, alice


def meeting_url(name, meeting):
    try:
        return reverse(name, args=[meeting.pk])
    except NoReverseMatch:
        pytest.skip(f"{name} does not exist yet")


def test_meeting_page_renders_the_description_inert(client, meeting_world):
    meeting, kim, alice = meeting_world
    meeting.status = "published"
    meeting.save()
    for user in (kim, alice):
        client.force_login(user)
        response = client.get(meeting_url("meetings:detail", meeting))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Vorstellung" in html
        assert_inert(html)


def test_topic_page_renders_the_topic_inert(client, meeting_world):
    meeting, kim, alice = meeting_world
    meeting.status = "published"
    meeting.save()
    client.force_login(kim)
    response = client.get(meeting_url("meetings:topics", meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thema" in html
    assert_inert(html)


def test_invitation_mail_renders_the_description_inert(
    meeting_world, django_capture_on_commit_callbacks
):
    from meetings.services import meeting_publish

    meeting, kim, alice = meeting_world
    with django_capture_on_commit_callbacks(execute=True):
        meeting_publish(meeting=meeting, by=kim)
    mails = list(OutgoingMail.objects.filter(recipient=alice))
    assert mails, "the representative is invited"
    for mail in mails:
        assert_inert(mail.body_html)
        assert "Vorstellung" in mail.body_html


def test_ics_file_carries_no_html(client, meeting_world):
    from meetings.calendar import meeting_ical

    meeting, kim, alice = meeting_world
    ics = meeting_ical(meeting).decode()
    assert "X-ALT-DESC" not in ics  # no HTML alternative description for calendar clients
    assert "Vorstellung" in ics


def test_ics_description_is_plain_text(meeting_world):
    from meetings.calendar import meeting_ical

    meeting, kim, alice = meeting_world
    ics = meeting_ical(meeting).decode()
    assert "<script" not in ics.lower()
    assert "javascript:" not in ics.lower()
