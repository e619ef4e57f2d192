"""Acceptance 4: the region import is all-or-nothing and names the bad row."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from providers.models import County, FederalState, Municipality
from providers.regions import SHIPPED_REGIONS

HEADER = "state_code,state,district,county,county_kind,ags,municipality\n"


@pytest.mark.django_db
def test_the_shipped_regions_are_loaded_by_the_migration():
    viersen = County.objects.get(name="Kreis Viersen")
    assert viersen.district.name == "Düsseldorf"
    assert sorted(viersen.municipalities.values_list("name", flat=True)) == [
        "Brüggen",
        "Grefrath",
        "Kempen",
        "Nettetal",
        "Niederkrüchten",
        "Schwalmtal",
        "Tönisvorst",
        "Viersen",
        "Willich",
    ]
    assert Municipality.objects.get(ags="05166016").name == "Nettetal"
    assert Municipality.objects.get(ags="05958036").name == "Olsberg"
    assert Municipality.objects.get(ags="05562020").name == "Herten"
    assert Municipality.objects.get(ags="06535001").county.state.name == "Hessen"
    assert County.objects.get(name="Duisburg").kind == County.Kind.CITY
    assert Municipality.objects.filter(county__name="Vogelsbergkreis").count() == 19
    assert Municipality.objects.filter(county__name="Kreis Wesel").count() == 13


@pytest.mark.django_db
def test_importing_the_shipped_file_again_changes_nothing(capsys):
    before = Municipality.objects.count()
    call_command("import_regions", str(SHIPPED_REGIONS))
    assert Municipality.objects.count() == before
    assert "0 Gemeinden angelegt" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_good_file_adds_a_new_county_with_its_municipalities(tmp_path, capsys):
    path = tmp_path / "kleve.csv"
    path.write_text(
        HEADER
        + "NW,Nordrhein-Westfalen,Düsseldorf,Kreis Kleve,county,05154008,Bedburg-Hau\n"
        + "NW,Nordrhein-Westfalen,Düsseldorf,Kreis Kleve,county,05154036,Kleve\n",
        encoding="utf-8",
    )
    call_command("import_regions", str(path))
    assert set(
        Municipality.objects.filter(county__name="Kreis Kleve").values_list("name", flat=True)
    ) == {"Bedburg-Hau", "Kleve"}
    assert "2 Gemeinden angelegt" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_bad_row_is_named_and_nothing_is_imported(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(
        HEADER
        + "NW,Nordrhein-Westfalen,Düsseldorf,Kreis Kleve,county,05154008,Bedburg-Hau\n"
        + "NW,Nordrhein-Westfalen,Düsseldorf,Kreis Kleve,county,5154036,Kleve\n"
        + "HE,Hessen,Gießen,Landkreis Gießen,county,06531001,Allendorf (Lumda)\n",
        encoding="utf-8",
    )
    counts = (FederalState.objects.count(), County.objects.count(), Municipality.objects.count())
    with translation.override("de"), pytest.raises(CommandError) as raised:
        call_command("import_regions", str(path))
    message = str(raised.value)
    assert "Es wurde nichts importiert" in message
    assert "Zeile 3" in message
    assert "5154036" in message
    assert "genau 8 Ziffern" in message
    assert "Zeile 2" not in message and "Zeile 4" not in message
    assert (
        FederalState.objects.count(),
        County.objects.count(),
        Municipality.objects.count(),
    ) == counts
    assert not Municipality.objects.filter(name="Bedburg-Hau").exists()


@pytest.mark.django_db
def test_a_conflict_found_while_writing_rolls_back_the_rows_before_it(tmp_path):
    # Row 2 is fine and written first; row 3 contradicts the known state code NW.
    path = tmp_path / "regions.csv"
    path.write_text(
        HEADER
        + "NW,Nordrhein-Westfalen,Düsseldorf,Kreis Kleve,county,05154008,Bedburg-Hau\n"
        + "NW,Niedersachsen,,Landkreis Emsland,county,03454001,Meppen\n",
        encoding="utf-8",
    )
    with translation.override("de"), pytest.raises(CommandError) as raised:
        call_command("import_regions", str(path))
    assert "Zeile 3" in str(raised.value)
    assert not Municipality.objects.filter(ags__in=["05154008", "03454001"]).exists()
    assert not County.objects.filter(name="Kreis Kleve").exists()


@pytest.mark.django_db
def test_a_file_without_the_expected_columns_is_rejected(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("name;ags\nKleve;05154036\n", encoding="utf-8")
    with translation.override("de"), pytest.raises(CommandError) as raised:
        call_command("import_regions", str(path))
    assert "Kopfzeile" in str(raised.value)
