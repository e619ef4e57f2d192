"""The network profile as an accessible PDF (tagged, PDF/UA-1) with WeasyPrint.

WeasyPrint needs a second or more for a profile; building the HTML takes milliseconds. The
PDF is therefore cached under a hash of the HTML it is made from: that HTML is exactly the
data the PDF shows (profile, municipalities, sub-networks, members, upcoming public meetings,
language), so an unchanged network's PDF comes from the cache and any change to what it shows
makes a new one. Old entries expire after ``CACHE_SECONDS``.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import html_to_pdf
from core.sections import page_sections

from .models import Network
from .selectors import member_organisations_by_kind

CACHE_SECONDS = 24 * 60 * 60


def network_profile_pdf(network: Network) -> bytes:
    """The PDF: from the cache when the HTML it is made from is unchanged, else rendered."""
    html = profile_html(network)
    key = f"network.profile_pdf:{network.pk}:{hashlib.sha256(html.encode()).hexdigest()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def profile_html(network: Network) -> str:
    """What the PDF shows, as HTML: four queries (municipalities, sub-networks, members, the
    sections of other apps)."""
    return render_to_string(
        "network/profile_pdf.html",
        {
            "network": network,
            "language": translation.get_language() or "de",
            "municipalities": list(network.municipalities.order_by("name")),
            "subnetworks": list(network.subnetworks.order_by("name")),
            "members_by_kind": member_organisations_by_kind(network),
            # The meetings app adds the upcoming public meetings.
            "sections": page_sections("network.profile_pdf", network=network),
            "links": [line.strip() for line in network.links.splitlines() if line.strip()],
        },
    )
