"""The suggestions of the people pickers (meetings/widgets.py): an HTML fragment."""

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from network.access import is_coordinator

from .. import selectors
from ..permissions import get_meeting_for
from ..widgets import render_results

HTML_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,60}$")
MULTIPLE = {"people"}
REQUIRED = {"people", "person"}


@require_GET
@login_required
def people(request):
    """``?meeting=<id>`` (those who may manage the meeting) or ``?network=<id>`` (its
    coordinators: the contact person of a new meeting), ``field=`` the picker, ``<field>_q``
    what was typed, ``<field>`` the people already chosen. Offers only the people that field
    offers; at most LIMIT of them."""
    field = request.GET.get("field", "")
    meeting = None
    meeting_id = request.GET.get("meeting", "")
    if meeting_id:
        if not meeting_id.isdigit():
            raise Http404
        meeting = get_meeting_for(request, int(meeting_id), action="manage")
        network = meeting.network
    else:
        network = selectors.network_by_id(request.GET.get("network", ""))
        if network is None:
            raise Http404
        if not is_coordinator(request.user, network):
            raise PermissionDenied
    queryset = selectors.picker_people(field, network=network, meeting=meeting)
    if queryset is None:
        raise Http404
    html_id = request.GET.get("id", "")
    html = render_results(
        queryset=queryset,
        name=field,
        html_id=html_id if HTML_ID.match(html_id) else f"id_{field}",
        multiple=field in MULTIPLE,
        optional=field not in REQUIRED,
        chosen_ids=request.GET.getlist(field),
        query=request.GET.get(f"{field}_q", ""),
    )
    response = HttpResponse(html)
    response["Cache-Control"] = "private, no-store"
    return response
