"""A URLconf for test_external_refs: one page that loads a script and a stylesheet elsewhere."""

from django.http import HttpResponse
from django.urls import include, path

FOREIGN_PAGE = """<!DOCTYPE html><html lang="de"><head><title>x</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
<script src="https://cdn.jsdelivr.net/npm/bootstrap@5/dist/js/bootstrap.bundle.min.js"></script>
</head><body><h1>x</h1></body></html>"""


def foreign_page(request):
    return HttpResponse(FOREIGN_PAGE)


urlpatterns = [
    path("foreign/", foreign_page),
    path("", include("config.urls")),
]
