"""Django admin for core models, and ``PortalAdmin``, the base of every admin in the project:
it keeps confidential rows (case conferences) away from staff who are not superusers, and
labels the date and time inputs that Django's admin leaves unlabelled."""

from collections.abc import Callable

from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, LegalText, User

# --- Confidential rows ----------------------------------------------------------------------
#
# Case conferences may reach only their invitees and the network's coordinators; in the admin,
# superusers (the operator) see everything, other staff nothing about them. Lower apps cannot
# name case conferences (the meetings app sits above them), so the app that knows a rule
# registers it for each model it reaches, e.g. meetings for ``network.Measure`` and
# ``core.AuditEvent``. Every admin of the project inherits ``PortalAdmin``, which applies the
# registered rules to lists, counts, search, object pages, choices and deletion.

_confidential_rows: dict[type[models.Model], list[Callable[[], Q]]] = {}


def register_confidential_rows(model: type[models.Model], rows: Callable[[], Q]) -> None:
    """``rows()`` returns a Q selecting the rows of ``model`` that staff who are not
    superusers must not see. Called when a request asks, so subqueries stay current."""
    _confidential_rows.setdefault(model, []).append(rows)


def confidential_rows_q(model: type[models.Model]) -> Q | None:
    rules = _confidential_rows.get(model)
    if not rules:
        return None
    combined = Q()
    for rows in rules:
        combined |= rows()
    return combined


def sees_confidential_rows(user) -> bool:
    return user.is_superuser


def without_confidential_rows(queryset: models.QuerySet, user) -> models.QuerySet:
    hidden = confidential_rows_q(queryset.model)
    if hidden is None or sees_confidential_rows(user):
        return queryset
    return queryset.exclude(hidden)


def is_confidential(obj: models.Model, user) -> bool:
    hidden = confidential_rows_q(type(obj))
    if obj.pk is None or hidden is None or sees_confidential_rows(user):
        return False
    return type(obj)._default_manager.filter(hidden, pk=obj.pk).exists()


class PortalAdmin(admin.ModelAdmin):
    """The base of every admin in the project.

    Hides confidential rows from staff who are not superusers:

    - lists, counts, search, date hierarchy and filters: ``get_queryset``;
    - object pages (change, history, delete): ``get_object`` uses ``get_queryset``, so Django
      answers as for a row that does not exist;
    - choices of foreign keys and autocomplete: ``get_field_queryset`` and the target's admin;
    - deletion of something that would take confidential rows with it: those rows count as
      lacking permission, so the confirmation page names only their model, never the rows.

    Labels the date and the time input of date-time fields (axe-core, WCAG 1.3.1).
    """

    def get_queryset(self, request):
        return without_confidential_rows(super().get_queryset(request), request.user)

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        related = db_field.remote_field.model
        if confidential_rows_q(related) is None:
            return queryset
        if queryset is None:
            queryset = related._default_manager.using(db)
        return without_confidential_rows(queryset, request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not (obj is not None and is_confidential(obj, request.user))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, AdminSplitDateTime):
            # Django's template puts "Date:" and "Time:" before the inputs as plain text.
            formfield.widget.template_name = "core/admin/split_datetime.html"
        return formfield


@admin.register(User)
class UserAdmin(PortalAdmin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "preferred_language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language"]
    search_fields = ["email", "name"]
    readonly_fields = ["date_joined", "last_login", "privacy_consent_version", "privacy_consent_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["name", "preferred_language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (
            _("Important dates"),
            {
                "fields": [
                    "last_login",
                    "date_joined",
                    "privacy_consent_version",
                    "privacy_consent_at",
                ]
            },
        ),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]}),
    ]


@admin.register(AuditEvent)
class AuditEventAdmin(PortalAdmin):
    """Read-only: the audit log is append-only from the application."""

    list_display = ["created_at", "actor", "action", "target_repr", "network_id", "ip_address"]
    list_filter = ["action"]
    search_fields = ["action", "target_repr", "actor__email"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalText)
class LegalTextAdmin(PortalAdmin):
    list_display = ["kind", "updated_at"]
