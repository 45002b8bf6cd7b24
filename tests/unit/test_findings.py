"""SKHP findings per area from a person's records, as the temuan_skhp table classifies them."""

from pathlib import Path

import pytest

from engine.decisions import decide
from processes.letters.findings import RecordFact, findings
from processes.records.statuses import AKTIF, BATAL, MENUNGGU, STATUSES, TUTUP, in_phase

TABLE = {"temuan_skhp.dmn": (Path(__file__).parents[2] / "bpmn-models" / "temuan_skhp.dmn").read_bytes()}


def counts_as(status: str) -> str:
    return decide(TABLE, "temuan_skhp", {"status": status})["temuan"]


def by_area(records):
    return {f.area: (f.keadaan, f.rincian) for f in findings(records, counts_as)}


@pytest.mark.parametrize(
    ("status", "temuan"),
    [
        ("PROSES", "OPEN"), ("PENGAWASAN", "OPEN"), ("DIAJUKAN (UPDATE)", "OPEN"),
        ("DIAJUKAN (PEMUTAKHIRAN)", "OPEN"), ("SELESAI", "DONE"), ("DIAJUKAN (DICATAT)", "OPEN"),
        ("TIDAK TERBUKTI", ""), ("TIDAK BERSALAH", ""), ("DIHENTIKAN", ""),
    ],
)
def test_the_decision_table_classifies_every_status(status, temuan):
    assert counts_as(status) == temuan


def test_the_open_findings_are_every_case_not_yet_ended():
    # A case counts as "masih dalam proses" from the day it is recorded (still waiting for
    # its first approval) until it ends; once cleared it is no finding, once SELESAI done.
    by_temuan = {t: {s for s in STATUSES if counts_as(s) == t} for t in ("OPEN", "DONE", "")}
    assert by_temuan["OPEN"] == in_phase(AKTIF) | in_phase(MENUNGGU)
    assert by_temuan["DONE"] <= in_phase(TUTUP)
    assert by_temuan[""] <= in_phase(TUTUP) | in_phase(BATAL)  # cleared, or never went on


def test_an_unknown_table_is_a_clear_error():
    from engine import ServiceError

    with pytest.raises(ServiceError, match="tidak disertakan"):
        decide(TABLE, "otoritas_skhp", {})


def test_no_records_means_tidak_ada_everywhere():
    assert {a: k for a, (k, _) in by_area([]).items()} == {
        "PIDANA": "TIDAK ADA", "KODE ETIK": "TIDAK ADA", "DISIPLIN": "TIDAK ADA",
    }


def test_open_beats_finished_in_an_area():
    result = by_area([
        RecordFact("DISIPLIN", "SELESAI", "Mabuk miras"),
        RecordFact("DISIPLIN", "PENGAWASAN", "Tidak masuk dinas"),
    ])
    assert result["DISIPLIN"][0] == "MASIH DALAM PROSES"
    assert "Tidak masuk dinas, status PENGAWASAN" in result["DISIPLIN"][1]


def test_finished_only_is_sudah_selesai():
    assert by_area([RecordFact("KEPP", "SELESAI", "Arogansi")])["KODE ETIK"] == (
        "SUDAH SELESAI", "Arogansi, status SELESAI",
    )


def test_a_record_waiting_for_its_first_approval_is_masih_dalam_proses():
    result = by_area([RecordFact("PIDANA", "DIAJUKAN (DICATAT)", "Penganiayaan")])
    assert result["PIDANA"] == ("MASIH DALAM PROSES", "Penganiayaan, status DIAJUKAN (DICATAT)")


def test_cleared_records_are_not_findings():
    result = by_area([
        RecordFact("PIDANA", "TIDAK TERBUKTI", "Penipuan"),
        RecordFact("DISIPLIN", "TIDAK BERSALAH", "Lalai"),
        RecordFact("KEPP", "DIHENTIKAN", "Asusila"),
    ])
    assert {a: k for a, (k, _) in result.items()} == {
        "PIDANA": "TIDAK ADA", "KODE ETIK": "TIDAK ADA", "DISIPLIN": "TIDAK ADA",
    }
