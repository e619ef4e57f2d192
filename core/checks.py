"""System checks of the portal's deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_proxy_count(app_configs, **kwargs) -> list[Error]:
    """Behind a reverse proxy every request comes from the proxy's address. Unless the portal
    knows how many proxies to skip in X-Forwarded-For, the login rate limits and the audit log
    see one address for everyone, and one person's failed logins lock out all."""
    behind_proxy = settings.SECURE_PROXY_SSL_HEADER is not None
    knows_the_client = bool(
        getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
        or getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None)
    )
    if behind_proxy and not knows_the_client:
        return [
            Error(
                "SECURE_PROXY_SSL_HEADER says the portal runs behind a reverse proxy, but "
                "TRUSTED_PROXY_COUNT is 0: every client would share the proxy's address.",
                hint="Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of "
                "the portal.",
                id="core.E001",
            )
        ]
    return []
