"""HTML to an accessible PDF (tagged, PDF/UA-1) with WeasyPrint: the one place that sets it up
for the network profile and the reports.

Everything a PDF shows is inside its HTML (inline SVG charts, logos as data: URIs);
WeasyPrint fetches nothing from anywhere else.
"""


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, url_fetcher=fetcher, base_url="/")
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
