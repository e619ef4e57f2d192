"""Collects references to other hosts from every HTML page rendered during a test.

``ExternalReferenceMiddleware`` is installed by the test settings. It looks at what makes a
browser load something (src, srcset, stylesheet and icon links, form actions, CSS url()):
a page of the portal must never make a browser contact another server. Plain hyperlinks to
other sites (an organisation's website) load nothing and are allowed.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings

_found: list[str] = []

RESOURCE_PATTERNS = [
    re.compile(
        r"""<(?:script|img|iframe|audio|video|source|embed|track)\b[^>]*?\bsrc\s*=\s*["']([^"']+)""",
        re.I,
    ),
    re.compile(r"""\bsrcset\s*=\s*["']([^"']+)""", re.I),
    re.compile(r"""<link\b[^>]*?\bhref\s*=\s*["']([^"']+)""", re.I),
    re.compile(r"""<form\b[^>]*?\baction\s*=\s*["']([^"']+)""", re.I),
    re.compile(r"""<object\b[^>]*?\bdata\s*=\s*["']([^"']+)""", re.I),
    re.compile(r"""url\(\s*["']?([^"')]+)""", re.I),
    re.compile(r"""@import\s+["']([^"']+)""", re.I),
]


def _own_hosts(request) -> set[str]:
    hosts = {request.get_host().split(":")[0], "testserver", "localhost", "127.0.0.1"}
    hosts.add(urlsplit(settings.SITE_URL).hostname or "")
    return hosts


def foreign_references(html: str, own_hosts: set[str]) -> list[str]:
    found = []
    for pattern in RESOURCE_PATTERNS:
        for match in pattern.finditer(html):
            for candidate in match.group(1).split(","):
                url = candidate.strip().split(" ")[0]
                if url.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
                    host = urlsplit(url if not url.startswith("//") else "http:" + url).hostname
                    if host not in own_hosts:
                        found.append(url)
    return found


def reset() -> None:
    _found.clear()


def problems() -> list[str]:
    return list(_found)


class ExternalReferenceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if "text/html" in content_type and not getattr(response, "streaming", False):
            html = response.content.decode(response.charset or "utf-8", errors="replace")
            for url in foreign_references(html, _own_hosts(request)):
                _found.append(f"{request.path}: {url}")
        return response
