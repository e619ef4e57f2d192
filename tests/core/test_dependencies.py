"""Installs are reproducible: pyproject.toml is where dependencies are edited, `make lock` pins
them with hashes into requirements/*.txt, and every install (make, the image) uses those
files. Development tools stay out of what production installs."""

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .processes import BASE_DIR

PYPROJECT = tomllib.loads((BASE_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# Each lock file and what it installs: the runtime, plus honcho for `make run`, plus the tests.
LOCK_FILES = {"base": [], "local": ["local"], "dev": ["local", "dev"]}
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+) \\$")


def locked(lock: str) -> dict[str, str]:
    """Package → version of requirements/<lock>.txt; fails on an entry without a hash."""
    text = (BASE_DIR / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
    pins = {}
    # An entry is a line at the left margin and its indented continuation (hashes, "via").
    for entry in re.split(r"\n(?=[^\s#])", text):
        first, *rest = entry.splitlines()
        if first.startswith("#"):  # the header
            continue
        match = REQUIREMENT.match(first)
        assert match, f"requirements/{lock}.txt: {first!r} is not pinned"
        assert any(line.strip().startswith("--hash=sha256:") for line in rest), first
        pins[canonicalize_name(match["name"])] = match["version"]
    assert pins, f"requirements/{lock}.txt pins nothing"
    return pins


def declared(*extras: str) -> dict[str, str]:
    """Package → version that pyproject.toml asks for (exact pins only)."""
    requirements = PYPROJECT["dependencies"] + [
        line for extra in extras for line in PYPROJECT["optional-dependencies"][extra]
    ]
    pins = {}
    for line in requirements:
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"pyproject.toml: pin {line} exactly"
        pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


@pytest.mark.parametrize("lock", LOCK_FILES)
def test_every_lock_file_pins_what_pyproject_declares_with_hashes(lock):
    pins = locked(lock)
    for name, wanted in declared(*LOCK_FILES[lock]).items():
        assert pins.get(name) == wanted, f"requirements/{lock}.txt is stale: run `make lock`"


def test_the_lock_files_agree_on_every_shared_package():
    base, local, dev = locked("base"), locked("local"), locked("dev")
    assert base.items() <= local.items() <= dev.items()


def test_production_installs_no_development_tools():
    runtime = locked("base")
    for tool in declared("local", "dev").keys() - declared().keys():
        assert tool not in runtime, f"{tool} is a development tool"
    dockerfile = (BASE_DIR / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements/base.txt" in dockerfile
    assert "pip install ." not in dockerfile


def test_make_installs_from_the_lock_files():
    makefile = (BASE_DIR / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^INSTALL = .*pip install .*--require-hashes", makefile, re.M)
    assert re.search(
        r"^\$\(VENV\)/\.installed-%: requirements/%\.txt\n.*\n\t\$\(INSTALL\) -r", makefile, re.M
    )
    assert re.search(r"^run: install-local$", makefile, re.M)
    assert re.search(r"^test: install-dev$", makefile, re.M)


def test_the_test_run_uses_the_locked_versions():
    for name, pinned in locked("dev").items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        assert installed == pinned, f"{name} {installed} is not the locked {pinned}: make test"
