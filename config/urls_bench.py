"""URLs of the benchmark settings only (config.settings.bench): the portal's URLs plus a bare
view that answers a fixed string through the same middleware, the ceiling every page is
compared with. Never part of production URLs."""

from django.http import HttpResponse
from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *portal_urlpatterns]
