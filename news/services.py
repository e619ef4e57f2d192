"""Publishing and changing a network's news."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError
from network.permissions import is_coordinator

from .models import NewsItem

FIELDS = ("title", "text", "visibility", "meeting", "membership_call")


class NewsError(DomainError):
    pass


def _check(*, network, by, meeting) -> None:
    if not is_coordinator(by, network):
        raise NewsError(_("Only the coordinators of the network can publish its news."))
    if meeting is not None:
        if meeting.network_id != network.pk:
            raise NewsError(_("The linked meeting must be a meeting of this network."))
        if meeting.is_case_conference:
            raise NewsError(_("A case conference cannot be linked in news."))


def news_publish(
    *,
    network,
    by,
    title: str,
    text: str,
    visibility: str = NewsItem.Visibility.PUBLIC,
    meeting=None,
    membership_call: bool = False,
    request=None,
) -> NewsItem:
    _check(network=network, by=by, meeting=meeting)
    with transaction.atomic():
        item = NewsItem.objects.create(
            network=network,
            title=title,
            text=text,
            visibility=visibility,
            meeting=meeting,
            membership_call=membership_call,
            created_by=by,
        )
        audit_log(
            actor=by,
            action="news.published",
            target=item,
            network_id=network.pk,
            request=request,
            visibility=visibility,
        )
    return item


def news_update(*, item: NewsItem, by, fields: dict, request=None) -> NewsItem:
    _check(network=item.network, by=by, meeting=fields.get("meeting", item.meeting))
    with transaction.atomic():
        item = NewsItem.objects.select_for_update().get(pk=item.pk)
        changed = [
            name for name in FIELDS if name in fields and getattr(item, name) != fields[name]
        ]
        for name in changed:
            setattr(item, name, fields[name])
        item.save()
        if changed:
            audit_log(
                actor=by,
                action="news.changed",
                target=item,
                network_id=item.network_id,
                request=request,
                fields=changed,
            )
    return item
