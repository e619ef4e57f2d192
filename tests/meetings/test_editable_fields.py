"""A meeting's editable fields are listed once (``meetings.models.EDITABLE_FIELDS``): the
forms show them, the services accept them, the next date of a series copies them."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from meetings import services
from meetings.forms import NOT_ON_MEETING_FORM, CaseConferenceForm, MeetingForm
from meetings.models import CASE_CONFERENCE_FIELDS, EDITABLE_FIELDS, Meeting, MeetingKind
from network.models import WorkingGroup

from .factories import MeetingFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ("core", "providers", "network", "meetings", "notifications", "pages", "demo", "reports")
THE_LIST = ROOT / "meetings" / "models" / "meeting.py"


def names_listed(node: ast.AST) -> set[str]:
    """Editable fields a list/tuple/set literal spells out, or a call copies one by one
    (``title=meeting.title``)."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return {
            element.value
            for element in node.elts
            if isinstance(element, ast.Constant) and element.value in EDITABLE_FIELDS
        }
    if isinstance(node, ast.Call):
        return {
            keyword.arg
            for keyword in node.keywords
            if keyword.arg in EDITABLE_FIELDS
            and isinstance(keyword.value, ast.Attribute)
            and keyword.value.attr == keyword.arg
        }
    return set()


def field_lists(source: str) -> list[tuple[int, int]]:
    """(line, how many) for each place naming at least half of the editable fields: a second
    list of them. Subsets for one purpose (the fields a calendar must learn about) are
    shorter."""
    return [
        (node.lineno, len(names))
        for node in ast.walk(ast.parse(source))
        if len(names := names_listed(node)) * 2 >= len(EDITABLE_FIELDS)
    ]


def test_the_checker_finds_a_list_and_a_field_by_field_copy():
    half = (len(EDITABLE_FIELDS) + 1) // 2
    source = f"""
fields = {list(EDITABLE_FIELDS[:half])!r}
calendar = ("start", "end", "venue_name")
copy = create({", ".join(f"{name}=meeting.{name}" for name in EDITABLE_FIELDS)})
"""
    assert field_lists(source) == [(2, half), (4, len(EDITABLE_FIELDS))]


def test_the_editable_fields_are_listed_once():
    places = [
        f"{path.relative_to(ROOT)}:{line} names {count} editable fields"
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if path != THE_LIST and "migrations" not in path.parts
        for line, count in field_lists(path.read_text())
    ]
    assert places == []


def test_the_meeting_forms_show_the_editable_fields():
    assert list(MeetingForm.base_fields) == [
        name for name in EDITABLE_FIELDS if name not in NOT_ON_MEETING_FORM
    ]
    assert list(CaseConferenceForm.base_fields) == list(CASE_CONFERENCE_FIELDS)


@pytest.mark.django_db
def test_the_next_date_keeps_every_editable_field(world):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    group = WorkingGroup.objects.create(network=world.network, name="AG Übergänge")
    meeting = MeetingFactory(
        network=world.network,
        title="Arbeitskreis Schule und Jugendhilfe",
        description="Gemeinsame Fortbildung planen",
        start=start,
        end=start + timedelta(hours=3),
        format=Meeting.Format.HYBRID,
        online_url="https://video.example.org/ak",
        capacity=12,
        registration_deadline=start - timedelta(days=3),
        topic_deadline=start - timedelta(days=5),
        contact_person=world.contact,
        audience=Meeting.Audience.WITH_SUBNETWORKS,
        working_group=group,
        reminder_offsets=[48],
        data_protection_notice="Keine Fallbesprechung.",
    )
    nxt = services.meeting_create_next(meeting=meeting, by=world.coordinator, recurrence="monthly")

    shift = nxt.start - meeting.start
    assert timedelta(days=28) <= shift <= timedelta(days=31)
    for name in ("start", "end", "registration_deadline", "topic_deadline"):
        assert getattr(nxt, name) == getattr(meeting, name) + shift, name
    for name in EDITABLE_FIELDS:
        if name not in ("start", "end", "registration_deadline", "topic_deadline"):
            assert getattr(nxt, name) == getattr(meeting, name), name
    assert nxt.status == Meeting.Status.DRAFT


@pytest.mark.django_db
def test_the_next_case_conference_has_no_case_reference_yet(world):
    case = MeetingFactory(
        network=world.network,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        case_reference="FK-2026-003",
        contact_person=world.coordinator,
    )
    nxt = services.meeting_create_next(meeting=case, by=world.coordinator, recurrence="monthly")
    assert nxt.kind == MeetingKind.CASE_CONFERENCE
    assert nxt.title == "Fallkonferenz"
    assert nxt.case_reference == ""


@pytest.mark.django_db
def test_editing_with_an_empty_end_keeps_the_length(client, world):
    meeting = MeetingFactory(network=world.network, status=Meeting.Status.DRAFT)
    length = meeting.end - meeting.start
    new_start = timezone.localtime(meeting.start + timedelta(days=7)).replace(second=0)
    client.force_login(world.coordinator)
    response = client.post(
        f"/meetings/{meeting.pk}/edit/",
        {
            "title": "Netzwerktreffen im Herbst",
            "start": new_start.strftime("%Y-%m-%dT%H:%M"),
            "end": "",
            "format": meeting.format,
            "venue_name": meeting.venue_name,
            "venue_address": meeting.venue_address,
            "audience": meeting.audience,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Netzwerktreffen im Herbst"
    assert meeting.start == new_start
    assert meeting.end - meeting.start == length
