"""PDFs of the reports app, set up like the network profile (network/pdf.py): tagged PDF/UA-1
from HTML with WeasyPrint, every resource inside the HTML, nothing fetched."""

from django.template.loader import render_to_string
from django.utils import translation


def _no_fetch(url, *args, **kwargs):
    # Charts are inline SVG and logos data: URIs; never let WeasyPrint fetch from anywhere.
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"External resources are not allowed in PDFs: {url}")


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {"language": translation.get_language() or "de", **context})
    document = HTML(string=html, url_fetcher=_no_fetch, base_url="/")
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
