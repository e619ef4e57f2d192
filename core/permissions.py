"""The one rule about users that every app shares."""


def is_site_admin(user) -> bool:
    """Operators of the portal: they see and may do everything."""
    return bool(user.is_authenticated and user.is_superuser)
