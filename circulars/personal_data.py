"""What the circulars app holds about a person (see ``core.privacy``).

Recipients and opt-outs go with the account (CASCADE), the author becomes empty (SET_NULL);
the Reply-To address of the circulars the person sent is their mail address and is erased.
"""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import Circular, CircularOptOut, CircularRecipient


def _erase_reply_to(user, emails) -> None:
    addresses = {email.lower() for email in [user.email, *emails] if email}
    for circular in Circular.objects.filter(created_by=user).exclude(reply_to=""):
        if circular.reply_to.lower() in addresses:
            circular.reply_to = ""
            circular.save(update_fields=["reply_to"])


def register() -> None:
    register_personal_data(
        PersonalData("circulars.circular", rows_exporter(Circular, "created_by"), _erase_reply_to)
    )
    for name, model, lookups in [
        ("circulars.circularrecipient", CircularRecipient, ("user",)),
        ("circulars.circularoptout", CircularOptOut, ("user",)),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups)))
