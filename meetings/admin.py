"""Django admin for site admins: meetings, registrations and date polls to look things up, and
the meeting templates to configure.

What changes a meeting for its invitees (status, publication, time and place, seats, who is
invited) happens on the portal's pages, through the services that send the mails, move the
waiting list and raise the calendar sequence. Here those fields are read-only; the few fields
that stay editable are saved through ``services.meeting_update`` as well.

Case conferences reach no staff user who is not a superuser: the rules at the bottom of this
module hide them, and everything about them, in every admin of the project.
"""

from django.contrib import admin
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin import PortalAdmin, register_confidential_rows
from core.models import AuditEvent
from network.models import Measure, WorkingGroupResult

from . import services
from .models import (
    TIME_AND_PLACE_FIELDS,
    AgendaItem,
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Meeting,
    MeetingKind,
    MeetingTemplate,
    PollInvitation,
    Registration,
)

CHANGED_IN_THE_PORTAL = _(
    "Read-only here: these fields change on the meeting's page in the portal (“View on "
    "site”), so that invitees are told, the waiting list moves up and calendars update."
)


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for reference; they change through the portal's pages."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RegistrationInline(ReadOnlyInline):
    model = Registration
    fields = ["user", "organisation", "status", "waiting_since", "attended", "created_at"]
    readonly_fields = fields
    ordering = ["status", "created_at", "pk"]


class AgendaItemInline(ReadOnlyInline):
    model = AgendaItem
    fields = ["position", "kind", "title", "duration_minutes", "is_closing"]
    readonly_fields = fields


@admin.register(Meeting)
class MeetingAdmin(PortalAdmin):
    list_display = ["title", "network", "kind", "start", "status", "registered", "capacity"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "kind", "status", "format"]
    search_fields = ["title", "network__name"]
    date_hierarchy = "start"
    list_select_related = ["network"]
    autocomplete_fields = ["contact_person", "working_group"]
    inlines = [RegistrationInline, AgendaItemInline]
    # Saved through services.meeting_update (audit log, case-conference rules).
    editable_fields = [
        "title",
        "description",
        "case_reference",
        "topic_deadline",
        "contact_person",
        "working_group",
        "reminder_offsets",
        "data_protection_notice",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "network",
                    "kind",
                    "status",
                    "description",
                    "case_reference",
                    "contact_person",
                    "working_group",
                    "series",
                ]
            },
        ),
        (
            _("Time, place and seats"),
            {
                "description": CHANGED_IN_THE_PORTAL,
                "fields": [*TIME_AND_PLACE_FIELDS, "audience", "capacity", "registration_deadline"],
            },
        ),
        (
            _("Topics, reminders and data protection"),
            {
                "fields": [
                    "topic_deadline",
                    "topic_visibility",
                    "reminder_offsets",
                    "data_protection_notice",
                ]
            },
        ),
        (
            _("Minutes and history"),
            {
                "description": CHANGED_IN_THE_PORTAL,
                "fields": [
                    "minutes",
                    "minutes_published_at",
                    "published_at",
                    "published_by",
                    "agenda_published_at",
                    "cancelled_at",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "uid",
                    "sequence",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                registered_count=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.REGISTERED),
                )
            )
        )

    @admin.display(description=_("registered"), ordering="registered_count")
    def registered(self, meeting):
        return meeting.registered_count

    def get_readonly_fields(self, request, obj=None):
        editable = set(self.editable_fields)
        if obj is not None and obj.status == Meeting.Status.CANCELLED:
            editable = set()  # the service refuses changes to a cancelled meeting
        if obj is not None and obj.is_case_conference:
            editable.discard("description")  # nothing but a case reference describes it
        every_field = [name for _title, options in self.fieldsets for name in options["fields"]]
        return [name for name in every_field if name not in editable]

    def has_add_permission(self, request):
        # Meetings are scheduled on the portal's pages: from the template of their kind,
        # with agenda outline and reminders.
        return False

    def has_delete_permission(self, request, obj=None):
        # A draft has invited nobody yet; anything later is cancelled in the portal, which
        # tells the invitees.
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status == Meeting.Status.DRAFT)

    def save_model(self, request, obj, form, change):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.meeting_update(meeting=obj, by=request.user, **changes)


@admin.register(Registration)
class RegistrationAdmin(PortalAdmin):
    list_display = ["meeting", "user", "organisation", "status", "attended", "created_at"]
    list_filter = [
        "status",
        "attended",
        ("meeting__network", admin.RelatedOnlyFieldListFilter),
        "meeting__kind",
    ]
    search_fields = [
        "user__name",
        "user__email",
        "organisation__name",
        "meeting__title",
    ]
    date_hierarchy = "created_at"
    list_select_related = ["meeting", "user", "organisation"]
    fields = [
        "meeting",
        "user",
        "organisation",
        "status",
        "waiting_since",
        "registered_by",
        "attended",
        "created_at",
        "updated_at",
        "notes",
    ]
    # Seats and the waiting list change only through the registration services (row lock).
    readonly_fields = [name for name in fields if name != "notes"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Cancelling in the portal frees the seat for the next person on the waiting list.
        return False


class DatePollSlotInline(ReadOnlyInline):
    model = DatePollSlot
    fields = ["start", "end", "has_time"]
    readonly_fields = fields


class PollInvitationInline(ReadOnlyInline):
    model = PollInvitation
    fields = ["user", "organisation", "answered_at", "revoked_at", "comment"]
    readonly_fields = fields


@admin.register(DatePoll)
class DatePollAdmin(PortalAdmin):
    list_display = ["title", "network", "kind", "status", "created_at", "meeting"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "kind", "status"]
    search_fields = ["title", "network__name"]
    date_hierarchy = "created_at"
    list_select_related = ["network", "meeting"]
    fields = [
        "title",
        "description",
        "network",
        "kind",
        "audience",
        "working_group",
        "closes_at",
        "reminder_hours",
        "status",
        "chosen_slot",
        "closed_at",
        "meeting",
        "created_by",
        "created_at",
        "answers",
    ]
    readonly_fields = [name for name in fields if name not in ("title", "description")]
    inlines = [DatePollSlotInline, PollInvitationInline]

    @admin.display(description=_("answers"))
    def answers(self, poll):
        rows = (
            DatePollAnswer.objects.filter(slot__poll=poll)
            .select_related("slot", "user")
            .order_by("slot__start", "user__name", "user__email")
        )
        return format_html_join(
            "",
            "<p>{}: {} – {}</p>",
            ((row.slot.label, row.user, row.get_answer_display()) for row in rows),
        ) or _("No answers yet.")

    def has_add_permission(self, request):
        # Polls are started on the portal's pages, which check the proposed dates.
        return False


@admin.register(MeetingTemplate)
class MeetingTemplateAdmin(PortalAdmin):
    list_display = ["kind", "default_duration_minutes", "reminder_offsets", "retention_months"]


# --- Case conferences: hidden from staff who are not superusers ---------------------------


def _case_conferences():
    return Meeting.objects.filter(kind=MeetingKind.CASE_CONFERENCE)


def _ids_as_text(queryset):
    """The primary keys as text, to compare with ``AuditEvent.target_id``."""
    return queryset.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")


def case_conference_audit_events() -> Q:
    polls = DatePoll.objects.filter(
        Q(kind=MeetingKind.CASE_CONFERENCE) | Q(meeting__kind=MeetingKind.CASE_CONFERENCE)
    )
    measures = Measure.objects.filter(meeting__kind=MeetingKind.CASE_CONFERENCE)
    return (
        Q(target_type="meetings.meeting", target_id__in=_ids_as_text(_case_conferences()))
        | Q(target_type="meetings.datepoll", target_id__in=_ids_as_text(polls))
        | Q(target_type="network.measure", target_id__in=_ids_as_text(measures))
    )


register_confidential_rows(Meeting, lambda: Q(kind=MeetingKind.CASE_CONFERENCE))
register_confidential_rows(Registration, lambda: Q(meeting__kind=MeetingKind.CASE_CONFERENCE))
register_confidential_rows(
    DatePoll,
    lambda: Q(kind=MeetingKind.CASE_CONFERENCE) | Q(meeting__kind=MeetingKind.CASE_CONFERENCE),
)
register_confidential_rows(Measure, lambda: Q(meeting__kind=MeetingKind.CASE_CONFERENCE))
register_confidential_rows(
    WorkingGroupResult, lambda: Q(presented_at__kind=MeetingKind.CASE_CONFERENCE)
)
register_confidential_rows(AuditEvent, case_conference_audit_events)
