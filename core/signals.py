"""Audit events for what happens in allauth: logins, failed logins, MFA and account changes.

Connected in ``CoreConfig.ready``. The events name the person through ``actor`` (a foreign
key that is cleared when the account is deleted), never by name or address in the text.
"""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals

from .audit import audit_log


def _on_logged_in(sender, request, user, **kwargs):
    audit_log(actor=user, action="auth.login", request=request)


def _on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_log(actor=user, action="auth.logout", request=request)


def _on_login_failed(sender, credentials, request=None, **kwargs):
    # The address typed in identifies the targeted account; it is kept so that a
    # coordinator or operator can see attacks on one person. Erased with the account.
    login = str(credentials.get("email") or credentials.get("username") or "")[:254]
    user = get_user_model().objects.filter(email__iexact=login).first() if login else None
    audit_log(
        actor=None,
        action="auth.login_failed",
        request=request,
        account_exists=user is not None,
        user_id=user.pk if user is not None else None,
    )


def _on_authenticator(action):
    def receiver(sender, request, user, authenticator, **kwargs):
        audit_log(actor=user, action=action, request=request, type=authenticator.type)

    return receiver


_on_mfa_added = _on_authenticator("mfa.authenticator_added")
_on_mfa_removed = _on_authenticator("mfa.authenticator_removed")
_on_mfa_reset = _on_authenticator("mfa.authenticator_reset")


def _on_password_changed(sender, request, user, **kwargs):
    audit_log(actor=user, action="account.password_changed", request=request)


def _on_password_reset(sender, request, user, **kwargs):
    audit_log(actor=user, action="account.password_reset", request=request)


def _on_email_changed(sender, request, user, **kwargs):
    audit_log(actor=user, action="account.email_changed", request=request)


def connect() -> None:
    account_signals.user_logged_in.connect(_on_logged_in, dispatch_uid="audit_login")
    auth_signals.user_logged_out.connect(_on_logged_out, dispatch_uid="audit_logout")
    auth_signals.user_login_failed.connect(_on_login_failed, dispatch_uid="audit_login_failed")
    mfa_signals.authenticator_added.connect(_on_mfa_added, dispatch_uid="audit_mfa_added")
    mfa_signals.authenticator_removed.connect(_on_mfa_removed, dispatch_uid="audit_mfa_removed")
    mfa_signals.authenticator_reset.connect(_on_mfa_reset, dispatch_uid="audit_mfa_reset")
    account_signals.password_changed.connect(_on_password_changed, dispatch_uid="audit_pw")
    account_signals.password_reset.connect(_on_password_reset, dispatch_uid="audit_pw_reset")
    account_signals.email_changed.connect(_on_email_changed, dispatch_uid="audit_email")
