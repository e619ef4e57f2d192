"""Pages that combine several apps: home, personal overview, "my data", account deletion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import privacy
from core.forms import AccountDeleteForm
from core.security import reauthentication_required

from .selectors import dashboard_context, home_context


def home(request):
    """The front door of the region's networks: public meetings, news, open networks."""
    return render(request, "pages/home.html", home_context())


@login_required
def dashboard(request):
    """What needs the person's attention: next meetings, organisations, coordination, measures."""
    return render(request, "pages/dashboard.html", dashboard_context(request.user))


@login_required
def my_data(request):
    """What the portal stores about the person, with the download and the way to delete."""
    return render(request, "pages/my_data.html")


@login_required
def my_data_download(request):
    body = privacy.personal_data_export_json(user=request.user, request=request)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"netzwerkportal-meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
def account_delete(request):
    """GET shows what happens and asks for confirmation; POST deletes."""
    blockers = privacy.account_deletion_blockers(request.user)
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            privacy.account_delete(user=request.user, request=request)
        except privacy.AccountDeletionRefused as error:
            messages.error(request, error.message)
            return redirect("pages:account_delete")
        # Not logout(): its signal would write an audit event for the user just deleted.
        request.session.flush()
        request.user = AnonymousUser()
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("pages:home")
    return render(request, "pages/account_delete.html", {"form": form, "blockers": blockers})
