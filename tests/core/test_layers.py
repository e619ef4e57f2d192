"""The apps depend one way (DESIGN.md, "Layers"): `make lint` runs import-linter's layers
contract from pyproject.toml, and it fails on an import against the direction — also one
hidden inside a function."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "core",
    "providers",
    "network",
    "meetings",
    "circulars",
    "pinboard",
    "news",
    "proposals",
    "notifications",
    "pages",
    "demo",
    "reports",
]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def _copy_of_the_apps(tmp_path: Path) -> Path:
    """The Python files of the apps and the contract, without templates and catalogues."""
    ignore = shutil.ignore_patterns("locale", "templates", "static", "__pycache__", "*.mo")
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.fixture(scope="module")
def lint_imports_available():
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is a development dependency (make install-dev)")


def test_the_apps_keep_the_layer_order(lint_imports_available):
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Apps depend one way, bottom to top KEPT" in result.stdout


def test_an_upward_import_inside_a_function_breaks_the_contract(lint_imports_available, tmp_path):
    tree = _copy_of_the_apps(tmp_path)
    (tree / "providers" / "shortcut.py").write_text(
        "def upcoming_meetings():\n"
        "    from meetings.models import Meeting  # providers must not know meetings\n\n"
        "    return Meeting.objects.all()\n"
    )
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "providers.shortcut -> meetings.models" in result.stdout
