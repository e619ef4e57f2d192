"""Circulars of a network: the archive, one circular, writing, preview and sending."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import page_of
from network.models import Network

from . import permissions, selectors, services
from .forms import CircularForm, CircularSettingsForm
from .models import Circular

PAGE_SIZE = 20


@login_required
def archive(request, slug):
    network = permissions.get_network_for_circulars(request, slug)
    page = page_of(request, selectors.archive(request.user, network), per_page=PAGE_SIZE)
    can_write = permissions.can_write_circulars(request.user, network)
    return render(
        request,
        "circulars/archive.html",
        {
            "network": network,
            "page_obj": page,
            "can_write": can_write,
            "drafts": selectors.drafts(request.user, network) if can_write else [],
            "mandatory": selectors.is_mandatory(network),
        },
    )


@login_required
def detail(request, slug, pk):
    circular = permissions.get_circular_for(request, slug, pk)
    return render(
        request,
        "circulars/detail.html",
        {
            "network": circular.network,
            "circular": circular,
            "attachments": list(circular.attachments.all()),
        },
    )


def _edit(request, network, circular=None):
    initial = {"audience": Circular.Audience.NETWORK}
    if circular is not None:
        initial = {
            "audience": circular.audience,
            "working_group": circular.working_group,
            "meeting": circular.meeting,
            "subject": circular.subject,
            "text": circular.text,
        }
    form = CircularForm(
        request.POST or None, request.FILES or None, network=network, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            circular = services.circular_draft_save(
                network=network, by=request.user, circular=circular, **form.cleaned_data
            )
        except services.CircularError as error:
            form.add_error(None, error.message)
        else:
            return redirect("circulars:preview", slug=network.slug, pk=circular.pk)
    return render(
        request,
        "circulars/form.html",
        {
            "network": network,
            "form": form,
            "circular": circular,
            "attachments": list(circular.attachments.all()) if circular else [],
        },
    )


@login_required
def create(request, slug):
    network = permissions.get_network_for_circulars(request, slug, write=True)
    return _edit(request, network)


@login_required
def edit(request, slug, pk):
    circular = permissions.get_draft_for(request, slug, pk)
    return _edit(request, circular.network, circular)


@login_required
def preview(request, slug, pk):
    """What the circular looks like, and to whom it goes; POST sends it."""
    circular = permissions.get_draft_for(request, slug, pk)
    if request.method == "POST":
        try:
            circular = services.circular_send(circular=circular, by=request.user)
        except services.CircularError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The circular has been sent to %(people)d people.")
                % {"people": circular.recipient_count},
            )
            return redirect(circular.get_absolute_url())
    people = selectors.circular_audience(
        network=circular.network,
        audience=circular.audience,
        working_group=circular.working_group,
        meeting=circular.meeting,
    )
    return render(
        request,
        "circulars/preview.html",
        {
            "network": circular.network,
            "circular": circular,
            "attachments": list(circular.attachments.all()),
            "reply_to": circular.network.contact_email or request.user.email,
            **selectors.audience_summary(people),
        },
    )


@login_required
def delete(request, slug, pk):
    circular = permissions.get_draft_for(request, slug, pk)
    if request.method == "POST":
        services.circular_draft_delete(circular=circular, by=request.user)
        messages.success(request, _("The draft has been deleted."))
        return redirect("circulars:archive", slug=circular.network.slug)
    return render(
        request, "circulars/delete.html", {"network": circular.network, "circular": circular}
    )


@login_required
@require_POST
def attachment_remove(request, slug, pk, attachment_pk):
    circular = permissions.get_draft_for(request, slug, pk)
    services.circular_attachment_remove(
        circular=circular, attachment_id=attachment_pk, by=request.user
    )
    messages.success(request, _("The attachment has been removed."))
    return redirect("circulars:edit", slug=circular.network.slug, pk=circular.pk)


@login_required
def attachment(request, slug, pk, attachment_pk):
    """An attachment, for those who may read the circular (coordinators: drafts too); 404."""
    network = get_object_or_404(Network, slug=slug)
    if permissions.can_write_circulars(request.user, network):
        circulars = Circular.objects.filter(network=network)
    else:
        circulars = permissions.visible_circulars(request.user, network)
    circular = circulars.filter(pk=pk).first()
    if circular is None:
        raise Http404
    item = get_object_or_404(circular.attachments, pk=attachment_pk)
    try:
        handle = item.document.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
    response = FileResponse(
        handle, content_type=content_type, filename=item.name, as_attachment=True
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def circular_settings(request, slug):
    network = permissions.get_network_for_circulars(request, slug, write=True)
    form = CircularSettingsForm(
        request.POST or None, initial={"mandatory": selectors.is_mandatory(network)}
    )
    if request.method == "POST" and form.is_valid():
        services.circular_settings_update(
            network=network, by=request.user, mandatory=form.cleaned_data["mandatory"]
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("circulars:archive", slug=network.slug)
    return render(request, "circulars/settings.html", {"network": network, "form": form})
