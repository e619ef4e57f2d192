"""Calendars: one meeting as .ics, the personal feed and its settings, a network's calendar."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.services import calendar_token_regenerate
from network.permissions import get_network_for

from .. import selectors
from ..calendar import meeting_ical, meetings_ical
from ..permissions import get_meeting_for

ICALENDAR = "text/calendar; charset=utf-8"


def meeting_calendar(request, pk: int):
    meeting = get_meeting_for(request, pk)
    response = HttpResponse(meeting_ical(meeting), content_type=ICALENDAR)
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@login_required
def feed_settings(request):
    feed_url = f"{settings.SITE_URL}/meetings/feed/{request.user.calendar_token}.ics"
    return render(request, "meetings/feed.html", {"feed_url": feed_url})


@require_POST
@login_required
def feed_regenerate(request):
    calendar_token_regenerate(user=request.user)
    messages.success(request, _("Your feed has a new address. The old address no longer works."))
    return redirect("meetings:feed")


def feed(request, token: str):
    """The meetings a person registered for; the token in the URL is the only key."""
    user = selectors.feed_owner(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        meetings_ical(selectors.feed_meetings(user), name=_("My meetings")),
        content_type=ICALENDAR,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def network_calendar(request, slug):
    """/networks/<slug>/calendar.ics (routed in config/urls.py): the network's upcoming public
    meetings."""
    network = get_network_for(request, slug)
    response = HttpResponse(
        meetings_ical(selectors.upcoming_public_meetings(network), name=network.name),
        content_type=ICALENDAR,
    )
    response["Content-Disposition"] = f'attachment; filename="{network.slug}.ics"'
    return response
