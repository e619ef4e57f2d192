"""The network profile as an accessible PDF (tagged, PDF/UA-1) with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import translation

from core.sections import page_sections

from .models import Network
from .selectors import member_organisations_by_kind


def _no_fetch(url, *args, **kwargs):
    # Everything the PDF needs is in the HTML; never let WeasyPrint fetch from anywhere.
    raise ValueError(f"External resources are not allowed in PDFs: {url}")


def network_profile_pdf(network: Network) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
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
    document = HTML(string=html, url_fetcher=_no_fetch, base_url="/")
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
