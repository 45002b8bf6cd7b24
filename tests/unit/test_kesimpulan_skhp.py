"""The SKHP verdict table, row by row: MEMENUHI SYARAT or not for the letter's purpose."""

from datetime import date
from pathlib import Path

import pytest

from engine.decisions import decide
from processes.letters.verdict import MEMENUHI, TIDAK_MEMENUHI, whole_months

TABLE = {"kesimpulan_skhp.dmn": (Path(__file__).parents[2] / "bpmn-models" / "kesimpulan_skhp.dmn").read_bytes()}


def kesimpulan(peruntukan, ada_proses, bulan_bersih):
    return decide(TABLE, "kesimpulan_skhp", {
        "peruntukan": peruntukan, "ada_proses": ada_proses, "bulan_bersih": bulan_bersih})


@pytest.mark.parametrize("peruntukan", ["KENAIKAN_PANGKAT", "PENDIDIKAN", "JABATAN", "SELEKSI", "LAINNYA"])
def test_row_1_an_open_catpers_fails_every_purpose(peruntukan):
    result = kesimpulan(peruntukan, True, None)
    assert result == {"kesimpulan": TIDAK_MEMENUHI,
                      "alasan": "masih terdapat catatan personel yang dalam proses"}


@pytest.mark.parametrize(("bulan", "hasil"), [(0, TIDAK_MEMENUHI), (5, TIDAK_MEMENUHI),
                                              (6, MEMENUHI), (30, MEMENUHI), (None, MEMENUHI)])
def test_row_2_kenaikan_pangkat_waits_six_months_after_a_sanction_ends(bulan, hasil):
    result = kesimpulan("KENAIKAN_PANGKAT", False, bulan)
    assert result["kesimpulan"] == hasil
    if hasil == TIDAK_MEMENUHI:
        assert result["alasan"] == "hukuman berakhir kurang dari 6 bulan sebelum surat ini diterbitkan"


@pytest.mark.parametrize("peruntukan", ["PENDIDIKAN", "JABATAN", "SELEKSI", "LAINNYA"])
def test_row_3_other_purposes_need_only_no_open_catpers(peruntukan):
    assert kesimpulan(peruntukan, False, 0) == {"kesimpulan": MEMENUHI, "alasan": ""}


def test_a_clean_person_meets_the_requirements_for_kenaikan_pangkat():
    assert kesimpulan("KENAIKAN_PANGKAT", False, None) == {"kesimpulan": MEMENUHI, "alasan": ""}


@pytest.mark.parametrize(("since", "today", "months"), [
    (date(2026, 6, 15), date(2026, 12, 14), 5), (date(2026, 6, 15), date(2026, 12, 15), 6),
    (date(2026, 12, 3), date(2026, 12, 3), 0), (date(2025, 12, 31), date(2026, 6, 30), 5),
])
def test_whole_months_count_only_months_fully_passed(since, today, months):
    assert whole_months(since, today) == months
