"""The network list, the profile page and its PDF, and editing the profile."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.pagination import page_of

from .. import selectors, services
from ..forms import NetworkProfileForm
from ..pdf import network_profile_pdf as render_pdf
from ..permissions import get_network_for


def network_list(request):
    return render(
        request,
        "network/network_list.html",
        {
            "page_obj": page_of(request, selectors.networks_to_list(request.user)),
            "own_memberships": selectors.own_open_memberships(request.user),
        },
    )


def network_detail(request, slug):
    try:
        network = get_network_for(request, slug)
    except Http404:
        # Mails link members-only networks: log in first (told for any slug, so nothing leaks).
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())
    context = selectors.network_profile_context(request.user, network)
    return render(request, "network/network_detail.html", context)


def network_profile_pdf(request, slug):
    network = get_network_for(request, slug)
    response = HttpResponse(render_pdf(network), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{network.slug}.pdf"'
    return response


@login_required
def network_edit(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    # The form validates into a copy; the service gets the network as it is stored.
    form = NetworkProfileForm(request.POST or None, request.FILES or None, instance=copy(network))
    if request.method == "POST" and form.is_valid():
        fields = form.profile_fields()
        services.network_update_profile(network=network, by=request.user, fields=fields)
        messages.success(request, _("The network profile has been saved."))
        return redirect(network.get_absolute_url())
    return render(request, "network/network_edit.html", {"network": network, "form": form})
