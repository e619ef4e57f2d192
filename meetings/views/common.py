"""What the meeting views share: paging, the posted data, error messages, the confirmation
page."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..services import MeetingError


def posted(request):
    """The submitted data on POST (even when empty), None otherwise."""
    return request.POST if request.method == "POST" else None


def show_error(request, error: MeetingError) -> None:
    messages.error(request, error.message)


def confirm(
    request, meeting, *, title, text, button, action, danger=False, form=None, audience=None
):
    """The page that asks before a step that mails people or cannot be undone; ``audience``
    (an ``AudiencePreview``) lists who will be mailed."""
    return render(
        request,
        "meetings/confirm.html",
        {
            "meeting": meeting,
            "title": title,
            "text": text,
            "button": button,
            "action": action,
            "danger": danger,
            "form": form,
            "audience": audience,
            "audience_summary": audience
            and people_from_organisations(
                people=audience.person_count, organisations=audience.organisation_count
            ),
        },
    )


def people_from_organisations(*, people: int, organisations: int) -> str:
    """ "23 people from 17 organisations" """
    return _("%(people)s from %(organisations)s") % {
        "people": ngettext("%(count)s person", "%(count)s people", people) % {"count": people},
        "organisations": ngettext(
            "%(count)s organisation", "%(count)s organisations", organisations
        )
        % {"count": organisations},
    }
