"""Dates read as an Indonesian office writes them."""

from datetime import date, datetime

from processes.reference.dates import long_date, short_date


def test_a_date_is_written_with_the_month_in_words():
    assert long_date(date(2026, 12, 2)) == "2 Desember 2026"
    assert long_date(datetime(2026, 1, 31, 23, 0)) == "31 Januari 2026"
    assert long_date("2026-05-09") == "9 Mei 2026"


def test_dense_tables_use_day_month_year():
    assert short_date(date(2026, 12, 2)) == "02-12-2026"
    assert short_date("2026-05-09") == "09-05-2026"


def test_empty_and_non_dates():
    assert long_date(None) == "–" and short_date("") == "–"
    assert long_date("bukan tanggal") == "bukan tanggal"
