"""Letter numbers: one yearly sequence per kind, in the office's format."""

from datetime import date

from processes.letters import numbering, settings


def test_numbers_run_per_kind_and_restart_each_year(session):
    on = date(2026, 11, 22)
    assert numbering.letter_number(session, "SKHP", on) == "SKHP/1/XI/2026/LITPERS"
    assert numbering.letter_number(session, "SKHP", on) == "SKHP/2/XI/2026/LITPERS"
    assert numbering.letter_number(session, "REKAM_JEJAK", on).startswith("R/RJ-1/XI/2026")
    assert numbering.letter_number(session, "SKHP", date(2027, 1, 3)) == "SKHP/1/I/2027/LITPERS"
    settings.put(session, "format_nomor_skhp", "{n}/SKHP/PAMINAL/{tahun}")
    assert numbering.letter_number(session, "SKHP", on) == "3/SKHP/PAMINAL/2026"
