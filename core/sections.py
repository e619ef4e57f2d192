"""Parts of a page that upper apps contribute: the one way a lower app's page shows what an
upper app knows without importing it (DESIGN.md, "Layers").

A page names itself (``"providers.organisation"``, ``"network.profile"``,
``"network.profile_pdf"``); an upper app registers a section for it in ``AppConfig.ready``::

    register_section(
        "network.profile",
        template="meetings/fragments/network_meetings.html",
        context=lambda *, user, network: {"meetings": ...},
        order=20,
    )

The page's view calls ``page_sections("network.profile", user=…, network=…)`` and its template
includes each section::

    {% for section in sections %}
      {% include section.template with section=section.context %}
    {% endfor %}

A section's ``context`` returns None to leave the section out.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    page: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class RenderedSection:
    template: str
    context: dict


_sections: dict[str, list[Section]] = {}


def register_section(page: str, *, template: str, context: Callable, order: int = 100) -> None:
    section = Section(page=page, template=template, context=context, order=order)
    sections = _sections.setdefault(page, [])
    if all(existing.template != template for existing in sections):
        sections.append(section)
        sections.sort(key=lambda s: s.order)


def page_sections(page: str, **kwargs) -> list[RenderedSection]:
    """The sections registered for ``page``, each with its context for these arguments."""
    rendered = []
    for section in _sections.get(page, []):
        context = section.context(**kwargs)
        if context is not None:
            rendered.append(RenderedSection(section.template, context))
    return rendered
