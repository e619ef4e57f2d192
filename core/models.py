import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person using the portal. Identified by email; there are no usernames."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    privacy_consent_version = models.CharField(
        _("accepted privacy notice version"), max_length=20, blank=True
    )
    privacy_consent_at = models.DateTimeField(
        _("privacy notice accepted at"), null=True, blank=True
    )
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_calendar_token
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email


class AuditLogIsAppendOnly(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    """Append-only for querysets too: ``AuditEvent.objects.filter(...).update(...)`` and
    ``.delete()`` refuse (and with them ``bulk_update``). The one change the log allows is
    ``core.audit.audit_erase_person``; on PostgreSQL a trigger refuses the rest in SQL."""

    def update(self, **kwargs):
        raise AuditLogIsAppendOnly(_("Audit events cannot be changed."))

    def delete(self):
        raise AuditLogIsAppendOnly(_("Audit events cannot be deleted."))

    delete.queryset_only = True


class AuditEvent(models.Model):
    """Who did what when. Written by ``core.audit.audit_log`` only; never changed afterwards."""

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # DO_NOTHING, not SET_NULL: the deletion collector's SET_NULL is an UPDATE the log refuses.
    # Deleting a user erases them from the log through its one path instead
    # (core.audit.audit_erase_person, on pre_delete).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("object type"), max_length=64, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=255, blank=True)
    # Plain id, not a foreign key: the core app must not depend on the network app, and the
    # log outlives deleted networks.
    network_id = models.BigIntegerField(_("network id"), null=True, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        # Related-object access and Django's own code use the base manager: it refuses too.
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        # Append-only: an event is written once.
        if not self._state.adding:
            raise AuditLogIsAppendOnly(_("Audit events cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly(_("Audit events cannot be deleted."))


class LegalText(models.Model):
    """Texts required by German law, editable by the operator in Django admin."""

    class Kind(models.TextChoices):
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, unique=True)
    body_de = models.TextField(_("text (German, Markdown)"))
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    def __str__(self):
        return self.get_kind_display()

    def body_for(self, language: str) -> str:
        if language == "en" and self.body_en:
            return self.body_en
        return self.body_de
