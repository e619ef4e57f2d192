"""Run axe-core (a packaged copy in tests/assets) in a Playwright page."""

import json
from functools import cache
from pathlib import Path

AXE_SOURCE = Path(__file__).resolve().parents[1] / "assets" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _axe_source() -> str:
    return AXE_SOURCE.read_text(encoding="utf-8")


def axe_violations(page, *, cssom: bool = True) -> list[dict]:
    """``cssom=False`` for pages whose stylesheets use @import (Django admin's forms.css):
    axe re-creates imported sheets as inline <style> elements, which the CSP blocks, and the
    ``page`` fixture would fail on axe's own console error. Only css-orientation-lock needs
    the CSSOM; every other rule still runs."""
    # evaluate() is not subject to the page's CSP, unlike an injected <script> tag.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async ([tags, preload]) => await axe.run("
        "document, {runOnly: {type: 'tag', values: tags}, preload: preload})",
        [WCAG_TAGS, cssom],
    )
    return result["violations"]


def assert_no_axe_violations(page, *, cssom: bool = True) -> None:
    violations = axe_violations(page, cssom=cssom)
    if violations:
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"][:5]],
            }
            for v in violations
        ]
        raise AssertionError(
            f"axe-core found violations on {page.url}:\n{json.dumps(summary, indent=2)}"
        )
