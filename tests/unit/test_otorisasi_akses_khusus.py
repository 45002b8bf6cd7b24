"""Who authorises an akses khusus, row by row, as the AKSES CATPERS table (column POLDA) says:
a written request of the Kasatker pembina fungsi SDM goes to Kapolda or Kabid Propam, a
special request of Kapolri/Wakapolri/Kapolda to Kabid Propam."""

from pathlib import Path

import pytest

from engine.decisions import decide

TABLE = {"otorisasi_akses_khusus.dmn": (
    Path(__file__).parents[2] / "bpmn-models" / "otorisasi_akses_khusus.dmn").read_bytes()}


def otorisator(dasar: str, kepentingan: str) -> str:
    return decide(TABLE, "otorisasi_akses_khusus",
                  {"dasar": dasar, "kepentingan": kepentingan})["otorisator"]


@pytest.mark.parametrize("kepentingan", ["PENERBITAN_SKHP", "REKAM_JEJAK", "ATENSI"])
def test_a_special_request_of_the_leadership_is_authorised_by_kabid_propam(kepentingan):
    assert otorisator("PERMINTAAN_KHUSUS_KAPOLDA", kepentingan) == "KABID_PROPAM"


def test_a_written_request_for_kepentingan_lain_atas_atensi_is_authorised_by_kapolda():
    assert otorisator("PERMINTAAN_TERTULIS", "ATENSI") == "KAPOLDA"


@pytest.mark.parametrize("kepentingan", ["PENERBITAN_SKHP", "REKAM_JEJAK"])
def test_a_written_request_for_the_offices_own_letters_is_authorised_by_kabid(kepentingan):
    assert otorisator("PERMINTAAN_TERTULIS", kepentingan) == "KABID_PROPAM"


def test_anything_the_table_does_not_know_goes_to_the_highest_authority():
    assert otorisator("LISAN", "ATENSI") == "KAPOLDA"
    assert otorisator("PERMINTAAN_TERTULIS", "LAINNYA") == "KAPOLDA"
