from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from core import views as core_views
from meetings.views import calendar as meeting_calendars
from meetings.views import registration as meeting_registration
from news.feeds import NetworkNewsFeed
from reports import urls as report_urls

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = settings.PORTAL_NAME
admin.site.site_title = settings.PORTAL_NAME
# allauth's rate limits answer with this view (429 Too Many Requests).
handler429 = "core.views.too_many_requests"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("providers/", include("providers.urls")),
    # Pages of the meetings app at addresses that mails and calendars already point to
    # (DESIGN.md, "Stable URLs"): the network's public calendar and the personal RSVP link.
    path(
        "networks/<slug:slug>/calendar.ics",
        meeting_calendars.network_calendar,
        name="network_calendar",
    ),
    path("notifications/rsvp/<str:token>/", meeting_registration.rsvp, name="rsvp"),
    path("networks/<slug:slug>/proposals/", include("proposals.urls")),
    # The news app's Atom feed of a network's public news, beside its calendar.
    path("networks/<slug:slug>/news.atom", NetworkNewsFeed(), name="network_news_feed"),
    # The reports app at the addresses of the network and the meeting (DESIGN.md, "Stable
    # URLs"): the network report and its exports, attendance lists, certificates, papers.
    path(
        "networks/<slug:slug>/",
        include((report_urls.network_urlpatterns, "reports")),
    ),
    path(
        "meetings/<int:pk>/",
        include((report_urls.meeting_urlpatterns, "meeting_papers")),
    ),
    path("networks/<slug:slug>/circulars/", include("circulars.urls")),
    path("networks/", include("network.urls")),
    path("meetings/", include("meetings.urls")),
    path("pinboard/", include("pinboard.urls")),
    path("news/", include("news.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("pages.urls")),
    path("", include("core.urls")),
]
