"""When a sanction's last day falls, from its start, length and unit."""

from __future__ import annotations

from datetime import date

import pytest

from processes.records.sanction_dates import last_day, start_of
from processes.reference.seed_putusan import BULAN, HARI, HARI_KERJA, TAHUN


@pytest.mark.parametrize(("mulai", "lama", "satuan", "last"), [
    (date(2026, 11, 10), 21, HARI, date(2026, 11, 30)),  # patsus 21 hari: the start counts
    (date(2026, 11, 2), 5, HARI_KERJA, date(2026, 11, 6)),  # Monday to Friday
    (date(2026, 11, 6), 2, HARI_KERJA, date(2026, 11, 9)),  # Friday, then Monday
    (date(2026, 11, 7), 1, HARI_KERJA, date(2026, 11, 9)),  # begun on a Saturday
    (date(2026, 11, 2), 30, HARI_KERJA, date(2026, 12, 11)),  # patsus KEPP at most
    (date(2026, 1, 31), 1, BULAN, date(2026, 2, 28)),  # no 31 Februari: its last day
    (date(2026, 11, 10), 6, BULAN, date(2027, 5, 9)),
    (date(2026, 11, 10), 1, TAHUN, date(2027, 11, 9)),
    (date(2028, 2, 29), 1, TAHUN, date(2029, 2, 28)),
    (date(2026, 11, 10), None, None, date(2026, 11, 10)),  # a teguran: served the same day
])
def test_last_day_served(mulai, lama, satuan, last):
    assert last_day(mulai, lama, satuan) == last


def test_the_reminder_is_due_at_midnight_wib():
    assert start_of(date(2026, 12, 1)) == "2026-12-01T00:00:00+07:00"
