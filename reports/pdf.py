"""PDFs of the reports app, set up like the network profile (network/pdf.py): tagged PDF/UA-1
from HTML with WeasyPrint, every resource inside the HTML, nothing fetched."""

from django.template.loader import render_to_string
from django.utils import translation


def _fetcher():
    # Charts are inline SVG and logos data: URIs; WeasyPrint fetches nothing from anywhere.
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {"language": translation.get_language() or "de", **context})
    document = HTML(string=html, url_fetcher=_fetcher(), base_url="/")
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
