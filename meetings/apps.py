from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from core.sections import register_section
        from network import events as network_events

        from . import personal_data, selectors
        from .services import invitations

        # New members and newly named representatives are invited to upcoming meetings.
        network_events.membership_accepted.connect(
            invitations.on_membership_accepted, dispatch_uid="meetings.membership_accepted"
        )
        network_events.representative_added.connect(
            invitations.on_representative_added, dispatch_uid="meetings.representative_added"
        )
        # The network's profile page and PDF list its upcoming public meetings.
        register_section(
            "network.profile",
            template="meetings/fragments/network_meetings.html",
            context=selectors.network_meetings_section,
            order=50,
        )
        register_section(
            "network.profile_pdf",
            template="meetings/fragments/network_meetings_pdf.html",
            context=selectors.network_meetings_pdf_section,
            order=50,
        )
        personal_data.register()
