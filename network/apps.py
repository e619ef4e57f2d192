from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Networks")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import registry
        from core.request_cache import forget_everything
        from core.sections import register_section
        from providers.access import register_related_organisations

        from . import access, personal_data, selectors
        from .models import Membership, Network

        # Who belongs to or coordinates which network is remembered per request.
        for model in (Membership, Network):
            post_save.connect(forget_everything, sender=model, dispatch_uid=f"forget-{model}")
            post_delete.connect(forget_everything, sender=model, dispatch_uid=f"forget-d-{model}")
        m2m_changed.connect(
            forget_everything, sender=Network.coordinators.through, dispatch_uid="forget-coord"
        )

        registry.register_mfa_requirement(access.coordinates_any_network)
        register_related_organisations(access.organisations_sharing_a_network)
        register_section(
            "providers.organisation",
            template="network/fragments/organisation_networks.html",
            context=selectors.organisation_networks_section,
        )
        personal_data.register()
