"""The pinboard's pages: the boards, posting, a post with its answer form, marking done,
reporting and hiding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.pagination import page_of
from core.permissions import is_site_admin
from network.access import coordinated_network_ids
from network.permissions import get_network_for
from providers.permissions import get_organisation_for, member_for

from . import selectors, services
from .forms import AnswerForm, HideForm, PostForm, ReportForm
from .permissions import ANSWER, MANAGE, MODERATE, REPORT, can_post, get_post_for

PAGE_SIZE = 20


@login_required
def board(request):
    """The posts of all the person's networks."""
    network_ids = selectors.my_board_network_ids(request.user)
    return render(
        request,
        "pinboard/board.html",
        {
            "page_obj": page_of(request, selectors.board_posts(network_ids), per_page=PAGE_SIZE),
            "has_networks": bool(network_ids),
            "can_post": can_post(request.user),
        },
    )


@login_required
def network_board(request, slug):
    """One network's board: its members and coordinators."""
    network = get_network_for(request, slug, action="internal")
    return render(
        request,
        "pinboard/network_board.html",
        {
            "network": network,
            "page_obj": page_of(request, selectors.board_posts({network.pk}), per_page=PAGE_SIZE),
            "can_post": can_post(request.user),
        },
    )


@login_required
def organisation_history(request, slug):
    """Every post of the organisation, for its people."""
    organisation = get_organisation_for(request, slug, action="view")
    if member_for(request.user, organisation) is None and not is_site_admin(request.user):
        raise PermissionDenied
    return render(
        request,
        "pinboard/organisation_history.html",
        {
            "organisation": organisation,
            "page_obj": page_of(
                request, selectors.organisation_history(organisation), per_page=PAGE_SIZE
            ),
        },
    )


@login_required
def post_create(request):
    memberships = selectors.postable_networks(request.user)
    if not memberships.exists():
        raise PermissionDenied
    form = PostForm(request.POST or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.post_create(
                organisation=data["organisation"],
                networks=data["networks"],
                by=request.user,
                kind=data["kind"],
                direction=data["direction"],
                title=data["title"],
                text=data["text"],
                help_kind=data["help_kind"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                expires_on=data["expires_on"],
            )
        except services.PinboardError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your post is now on the boards of the chosen networks."))
            return redirect(post.get_absolute_url())
    return render(request, "pinboard/post_form.html", {"form": form})


@login_required
def post_detail(request, pk):
    post = get_post_for(request, pk)
    return render(
        request, "pinboard/post_detail.html", selectors.post_detail_context(request.user, post)
    )


@login_required
def post_answer(request, pk):
    post = get_post_for(request, pk, action=ANSWER)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_answer(post=post, by=request.user, text=form.cleaned_data["text"])
        except services.PinboardError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your answer has been sent to %(name)s.") % {"name": post.organisation}
            )
            return redirect(post.get_absolute_url())
    return render(request, "pinboard/post_answer.html", {"post": post, "form": form})


@login_required
def post_done(request, pk):
    """Confirmation page; POST marks the post as done."""
    post = get_post_for(request, pk, action=MANAGE)
    if request.method == "POST":
        services.post_mark_done(post=post, by=request.user)
        messages.success(request, _("The post has been marked as done and left the boards."))
        return redirect(post.get_absolute_url())
    return render(request, "pinboard/post_done.html", {"post": post})


@login_required
def post_report(request, pk):
    post = get_post_for(request, pk, action=REPORT)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(post=post, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you. The coordinators have been informed."))
        return redirect(post.get_absolute_url())
    return render(request, "pinboard/post_report.html", {"post": post, "form": form})


@login_required
def post_hide(request, pk):
    post = get_post_for(request, pk, action=MODERATE)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        coordinated = coordinated_network_ids(request.user)
        network_ids = {n.pk for n in post.networks.all()}
        if is_site_admin(request.user):
            coordinated = network_ids
        try:
            services.post_hide(
                post=post,
                by=request.user,
                reason=form.cleaned_data["reason"],
                network_ids=network_ids & coordinated,
                request=request,
            )
        except services.PinboardError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The post has been hidden from the boards."))
            return redirect(post.get_absolute_url())
    return render(request, "pinboard/post_hide.html", {"post": post, "form": form})
