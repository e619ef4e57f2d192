"""Load federal states, districts, counties and municipalities from a CSV file.

One row per municipality::

    state_code,state,district,county,county_kind,ags,municipality
    NW,Nordrhein-Westfalen,Düsseldorf,Kreis Viersen,county,05166016,Nettetal

``district`` may be empty (states without Regierungsbezirke); ``county_kind`` is ``county`` or
``city`` (also accepted: ``Kreis``, ``kreisfreie Stadt``). A district-free city is its own
single municipality. Rows are matched on the official municipality key (AGS), so importing
the same file twice changes nothing.

The same code loads the shipped data in a migration (with the historical models) and in
``manage.py import_regions``: every row is checked before anything is written, and the
writes run in one transaction, so a file with a bad row leaves the database untouched.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

SHIPPED_REGIONS = Path(__file__).resolve().parent / "data" / "regions.csv"

COLUMNS = ("state_code", "state", "district", "county", "county_kind", "ags", "municipality")
COUNTY_KINDS = {
    "county": "county",
    "kreis": "county",
    "landkreis": "county",
    "city": "city",
    "kreisfreie stadt": "city",
    "stadtkreis": "city",
}
AGS_RE = re.compile(r"^\d{8}$")
STATE_CODE_RE = re.compile(r"^[A-Z]{2}$")


class RegionImportError(Exception):
    """The file cannot be imported; ``errors`` names every bad row."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class RegionRow:
    line: int
    state_code: str
    state: str
    district: str
    county: str
    county_kind: str
    ags: str
    municipality: str


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0


def read_rows(lines) -> list[RegionRow]:
    """Parse and check every row; raise RegionImportError listing all bad rows."""
    reader = csv.DictReader(lines)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RegionImportError(
            [
                _("The header line lacks the columns: %(columns)s. Expected: %(expected)s.")
                % {"columns": ", ".join(missing), "expected": ",".join(COLUMNS)}
            ]
        )
    rows, errors, seen_ags = [], [], {}
    # Line 1 is the header, so the first data row is line 2 — the number a spreadsheet shows.
    for line, raw in enumerate(reader, start=2):
        values = {c: (raw.get(c) or "").strip() for c in COLUMNS}
        problems = []
        if not STATE_CODE_RE.match(values["state_code"]):
            problems.append(_("the state code must be two capital letters (e.g. NW)"))
        for column, label in (
            ("state", _("federal state")),
            ("county", _("county")),
            ("municipality", _("municipality")),
        ):
            if not values[column]:
                problems.append(_("%(column)s is empty") % {"column": label})
        kind = COUNTY_KINDS.get(values["county_kind"].lower())
        if kind is None:
            problems.append(
                _("unknown county kind “%(value)s” (allowed: county, city)")
                % {"value": values["county_kind"]}
            )
        ags = values["ags"]
        if not AGS_RE.match(ags):
            problems.append(
                _("the official municipality key “%(value)s” must have exactly 8 digits")
                % {"value": ags}
            )
        elif ags in seen_ags:
            problems.append(
                _("the official municipality key %(ags)s already appears in line %(line)s")
                % {"ags": ags, "line": seen_ags[ags]}
            )
        else:
            seen_ags[ags] = line
        if problems:
            errors.append(
                _("Line %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        rows.append(RegionRow(line=line, **{**values, "county_kind": kind}))
    if errors:
        raise RegionImportError(errors)
    return rows


def _models(apps):
    if apps is None:
        from . import models

        return (
            models.FederalState,
            models.AdministrativeDistrict,
            models.County,
            models.Municipality,
        )
    return tuple(
        apps.get_model("providers", name)
        for name in ("FederalState", "AdministrativeDistrict", "County", "Municipality")
    )


def import_rows(rows: list[RegionRow], *, apps=None) -> ImportResult:
    """Write checked rows in one transaction; a conflict with existing data rolls back all."""
    FederalState, AdministrativeDistrict, County, Municipality = _models(apps)
    result = ImportResult(rows=len(rows))
    errors: list[str] = []
    with transaction.atomic():
        states, districts, counties = {}, {}, {}
        for row in rows:
            state = states.get(row.state_code)
            if state is None:
                state, _created = FederalState.objects.get_or_create(
                    code=row.state_code, defaults={"name": row.state}
                )
                states[row.state_code] = state
            if state.name != row.state:
                errors.append(
                    _("Line %(line)s: the state code %(code)s belongs to “%(name)s”.")
                    % {"line": row.line, "code": row.state_code, "name": state.name}
                )
                continue
            district = None
            if row.district:
                key = (state.pk, row.district)
                district = districts.get(key)
                if district is None:
                    district, _created = AdministrativeDistrict.objects.get_or_create(
                        state=state, name=row.district
                    )
                    districts[key] = district
            key = (state.pk, row.county)
            county = counties.get(key)
            if county is None:
                county, _created = County.objects.get_or_create(
                    state=state,
                    name=row.county,
                    defaults={"kind": row.county_kind, "district": district},
                )
                counties[key] = county
            if county.kind != row.county_kind or county.district_id != (
                district.pk if district else None
            ):
                errors.append(
                    _(
                        "Line %(line)s: “%(county)s” is already known with another kind or "
                        "administrative district."
                    )
                    % {"line": row.line, "county": row.county}
                )
                continue
            municipality = Municipality.objects.filter(ags=row.ags).first()
            if municipality is None:
                Municipality.objects.create(ags=row.ags, name=row.municipality, county=county)
                result.created += 1
            elif municipality.name != row.municipality or municipality.county_id != county.pk:
                municipality.name = row.municipality
                municipality.county = county
                municipality.save(update_fields=["name", "county"])
                result.updated += 1
        if errors:
            # Raising inside the atomic block undoes everything this call wrote.
            raise RegionImportError(errors)
    return result


def import_regions_file(path: Path | str, *, apps=None) -> ImportResult:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = read_rows(handle)
    except UnicodeDecodeError as error:
        raise RegionImportError(
            [_("The file is not UTF-8 encoded (%(error)s).") % {"error": error}]
        ) from error
    return import_rows(rows, apps=apps)
