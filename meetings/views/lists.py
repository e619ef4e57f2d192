"""Lists: the person's meetings and the coordinator's meetings."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.pagination import page_of

from .. import selectors


@login_required
def my_meetings(request):
    """Registrations, open invitations and upcoming meetings of my networks."""
    context = selectors.my_meetings_context(request.user)
    context["upcoming"] = page_of(request, context["upcoming"])
    return render(request, "meetings/my_meetings.html", context)


@login_required
def manage_list(request):
    """The coordinator's meetings: upcoming, drafts, past."""
    tab = request.GET.get("show", "upcoming")
    if tab not in selectors.MANAGE_TABS:
        tab = "upcoming"
    return render(
        request,
        "meetings/manage_list.html",
        {
            "page": page_of(request, selectors.managed_meetings(request.user, tab=tab)),
            "tab": tab,
            "tabs": [("upcoming", _("Upcoming")), ("drafts", _("Drafts")), ("past", _("Past"))],
            "can_create": selectors.may_schedule(request.user),
        },
    )
