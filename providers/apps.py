from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = _("Organisations and offers")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.request_cache import forget_everything

        from . import personal_data
        from .models import OrganisationMember

        # Who works for which organisation is remembered per request.
        post_save.connect(forget_everything, sender=OrganisationMember, dispatch_uid="forget-om")
        post_delete.connect(forget_everything, sender=OrganisationMember, dispatch_uid="forget-omd")
        personal_data.register()
