from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra sign-up fields: the person's name and consent to the privacy notice."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing of my data."),
        error_messages={"required": _("Please accept the privacy notice to sign up.")},
    )

    def signup(self, request, user):
        user.name = self.cleaned_data["name"]
        user.preferred_language = translation.get_language() or settings.LANGUAGE_CODE
        user.privacy_consent_version = settings.PRIVACY_NOTICE_VERSION
        user.privacy_consent_at = timezone.now()
        user.save()


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    preferred_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class PrivacyConsentForm(forms.Form):
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing of my data."),
        error_messages={"required": _("Please accept the privacy notice to continue.")},
    )


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be deleted and that this "
            "cannot be undone."
        ),
        error_messages={"required": _("Please confirm that you want to delete your account.")},
    )
