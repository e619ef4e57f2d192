"""Markdown from users, rendered through a sanitiser: no scripts, handlers or javascript: links."""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["extra", "sane_lists"])
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text: str) -> str:
    """Plain text for places that are not HTML pages (.ics DESCRIPTION, text mails): the
    rendered Markdown with every tag removed, so no client can interpret markup there."""
    import html

    rendered = markdown_lib.markdown(text or "", extensions=["extra", "sane_lists"])
    stripped = nh3.clean(
        rendered, tags=set(), attributes={}, clean_content_tags={"script", "style"}
    )
    # Escaped brackets typed as text ("&lt;b&gt;") must not become markup again either.
    return html.unescape(stripped).replace("<", "‹").replace(">", "›").strip()
