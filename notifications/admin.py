from django.contrib import admin
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat

from core.admin import PortalAdmin, register_confidential_rows
from meetings.models import Meeting, MeetingKind
from network.models import Measure

from .models import NotificationSettings, OutgoingMail


def _references(prefix: str, queryset):
    """``reference`` values ("meeting:<id>") of the rows of ``queryset``, as a subquery."""
    return queryset.annotate(
        reference=Concat(Value(prefix), Cast("pk", output_field=CharField()))
    ).values("reference")


def case_conference_mails() -> Q:
    """Mails about a case conference or a measure from one (title and time in the subject)."""
    case_conferences = Meeting.objects.filter(kind=MeetingKind.CASE_CONFERENCE)
    measures = Measure.objects.filter(meeting__kind=MeetingKind.CASE_CONFERENCE)
    return Q(reference__in=_references("meeting:", case_conferences)) | Q(
        reference__in=_references("measure:", measures)
    )


register_confidential_rows(OutgoingMail, case_conference_mails)


# Every kind the portal writes (the templates in emails/, allauth's account mails): fixed
# choices, so the filter never reads the outbox for them (a DISTINCT over every row).
MAIL_KINDS = (
    "invitation",
    "update",
    "cancellation",
    "promotion",
    "reminder",
    "deadline-reminder",
    "topic-call",
    "minutes-published",
    "measure-due",
    "measure-overdue",
    "agreement-review",
    "membership_applied",
    "membership_active",
    "membership_declined",
    "membership_left",
    "org-invitation",
    "org-join-request",
    "org-join-decided",
)
ACCOUNT = "account"


class KindFilter(admin.SimpleListFilter):
    title = OutgoingMail._meta.get_field("kind").verbose_name
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind, kind) for kind in MAIL_KINDS] + [(ACCOUNT, "account:…")]

    def queryset(self, request, queryset):
        if self.value() == ACCOUNT:
            return queryset.filter(kind__startswith="account:")
        if self.value():
            return queryset.filter(kind=self.value())
        return queryset


@admin.register(OutgoingMail)
class OutgoingMailAdmin(PortalAdmin):
    list_display = ["created_at", "kind", "to_email", "status", "attempts", "sent_at"]
    list_filter = ["status", KindFilter]
    show_full_result_count = False  # one count per page, not a second one over the outbox
    search_fields = ["to_email", "key", "subject", "reference"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(PortalAdmin):
    list_display = ["user", "meeting_reminders", "topic_calls", "measure_reminders"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
