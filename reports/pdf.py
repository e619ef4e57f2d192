"""PDFs of the reports app: a template rendered in the current language, made a tagged PDF
by ``core.pdf`` like the network profile."""

from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import html_to_pdf


def render_pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, {"language": translation.get_language() or "de", **context})
    return html_to_pdf(html)
