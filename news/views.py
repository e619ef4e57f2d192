"""The news pages: all news the person may read, one item, publishing and editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.pagination import page_of
from network.permissions import get_network_for

from . import selectors, services
from .forms import NewsItemForm
from .permissions import EDIT, can_publish, get_news_for

PAGE_SIZE = 20


def news_list(request):
    page = page_of(request, selectors.news_list(request.user), per_page=PAGE_SIZE)
    return render(request, "news/news_list.html", {"page_obj": page})


def news_detail(request, pk):
    try:
        item = get_news_for(request, pk)
    except Http404:
        # The weekly digest links members-only news: log in first (for any id, so nothing
        # is told); a logged-in person who must not see it gets the 404.
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "news/news_detail.html",
        {
            "item": item,
            "meeting": selectors.visible_meeting(request.user, item),
            "can_edit": can_publish(request.user, item.network),
        },
    )


def _fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.FIELDS}


@login_required
def news_create(request, slug):
    network = get_network_for(request, slug, action="coordinate")
    form = NewsItemForm(
        request.POST or None,
        meetings=selectors.linkable_meetings(request.user, network),
        network=network,
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.news_publish(
                network=network, by=request.user, request=request, **_fields(form)
            )
        except services.NewsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The news has been published."))
            return redirect(item.get_absolute_url())
    return render(request, "news/news_form.html", {"form": form, "network": network})


@login_required
def news_edit(request, pk):
    item = get_news_for(request, pk, action=EDIT)
    network = item.network
    form = NewsItemForm(
        request.POST or None,
        instance=item,
        meetings=selectors.linkable_meetings(request.user, network),
        network=network,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.news_update(item=item, by=request.user, fields=_fields(form), request=request)
        except services.NewsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The news has been saved."))
            return redirect(item.get_absolute_url())
    return render(request, "news/news_form.html", {"form": form, "network": network, "item": item})
