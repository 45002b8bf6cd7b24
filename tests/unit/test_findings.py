"""SKHP findings per area from a person's records."""

from processes.findings import RecordFact, findings


def by_area(records):
    return {f.area: (f.keadaan, f.rincian) for f in findings(records)}


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
    assert "Tidak masuk dinas (PENGAWASAN)" in result["DISIPLIN"][1]


def test_finished_only_is_sudah_selesai():
    assert by_area([RecordFact("KEPP", "SELESAI", "Arogansi")])["KODE ETIK"] == (
        "SUDAH SELESAI", "Arogansi (SELESAI)",
    )


def test_unapproved_and_cleared_records_are_not_findings():
    result = by_area([
        RecordFact("PIDANA", "DIAJUKAN (DICATAT)", "Penganiayaan"),
        RecordFact("PIDANA", "TIDAK TERBUKTI", "Penipuan"),
        RecordFact("DISIPLIN", "TIDAK BERSALAH", "Lalai"),
        RecordFact("KEPP", "DIHENTIKAN", "Asusila"),
    ])
    assert {a: k for a, (k, _) in result.items()} == {
        "PIDANA": "TIDAK ADA", "KODE ETIK": "TIDAK ADA", "DISIPLIN": "TIDAK ADA",
    }
