"""The shape of the code: views read through selectors, and no module grows past a page or ten.

These tests read the source (``ast``), they do not run it: a view that queries the database
inline, or a module that has grown beyond about 500 lines, fails here with its file and line.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

VIEW_PACKAGES = ("meetings/views", "network/views")
# Checked as well: views that stay one module.
VIEWS = (*VIEW_PACKAGES, "providers/views", "reports/views")
APPS = ("core", "providers", "network", "meetings", "notifications", "pages", "demo", "reports")
MAX_LINES = 500

# Method names that run or shape a database query. ``.get`` is one of them; only the request's
# dictionaries and a form's cleaned data (``request.GET.get("page")``) are exempt: plain
# dictionaries, not the ORM.
QUERY_METHODS = frozenset(
    {
        "filter",
        "exclude",
        "annotate",
        "aggregate",
        "get",
        "values",
        "values_list",
        "select_related",
        "prefetch_related",
        "order_by",
        "count",
        "exists",
    }
)
PLAIN_DICTS = frozenset(
    {"GET", "POST", "FILES", "COOKIES", "META", "headers", "session", "cleaned_data"}
)


def is_plain_dict(node: ast.expr) -> bool:
    """``request.GET``, ``request.POST`` …, ``form.cleaned_data``: dictionaries."""
    return isinstance(node, ast.Attribute) and node.attr in PLAIN_DICTS


def query_calls(source: str) -> list[tuple[int, str]]:
    """(line, what) for every ``.objects`` and every call of a query method in the source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append((node.lineno, ".objects"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
            and not (node.func.attr == "get" and is_plain_dict(node.func.value))
        ):
            found.append((node.lineno, f".{node.func.attr}()"))
    return sorted(found)


def view_modules() -> list[Path]:
    """The modules of the view packages, or the single ``views.py``."""
    modules = []
    for package in VIEWS:
        single = ROOT / f"{package}.py"
        modules += [single] if single.exists() else sorted((ROOT / package).glob("*.py"))
    return modules


def app_modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def test_the_checker_finds_queries_and_spares_plain_dictionaries():
    source = """
def view(request, pk):
    page = request.GET.get("page") or form.cleaned_data.get("page")
    meeting = Meeting.objects.get(pk=pk)
    people = meeting.registrations.filter(status="registered").values_list("user_id")
    return people.exists(), page
"""
    assert query_calls(source) == [
        (4, ".get()"),
        (4, ".objects"),
        (5, ".filter()"),
        (5, ".values_list()"),
        (6, ".exists()"),
    ]


@pytest.mark.parametrize("package", VIEW_PACKAGES)
def test_views_are_packages(package):
    """``meetings/views.py`` and ``network/views.py`` are split by area into packages."""
    assert (ROOT / package / "__init__.py").is_file()
    assert not (ROOT / f"{package}.py").exists()


def test_views_hold_no_orm_queries():
    """Views check access, validate a form, call a service or ONE selector: reads live in
    ``<app>/selectors``. A view that queries inline is listed with its line."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in view_modules()
        for line, what in query_calls(path.read_text())
    ]
    assert view_modules(), "no view modules found"
    assert offenders == []


def test_no_module_of_the_apps_exceeds_500_lines():
    too_long = {
        str(path.relative_to(ROOT)): length
        for path in app_modules()
        if (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}
