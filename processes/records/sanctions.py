"""A record's sanctions: writing them when a putusan is approved, when they end, and the
date a person is clean again ("bersih sejak").

The sanctions of a record that count are those of its last approved tahap (a banding or
PK putusan replaces the earlier one's). Their lengths and limits are reference data
(`processes/reference/seed_putusan.py`); the checks on the form are `sanction_rules.py`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from processes.records import statuses
from processes.records.models import Record, Sanction
from processes.records.sanction_dates import last_day
from processes.reference import lists as reference
from processes.reference.dates import long_date
from processes.reference.seed_putusan import SATUAN_LABELS

#: Stands for "never": the day after a sanction that does not end (PTDH, PDHTAPS).
NEVER = date.max

#: A record whose case ended with these had no sanction to serve, whatever was recorded.
CLEARED = frozenset({statuses.TIDAK_TERBUKTI, statuses.TIDAK_BERSALAH})


def length_of(row: dict[str, Any], attrs: dict[str, Any]) -> int | None:
    """The length the putusan gave, or the one the regulation fixes for this sanction."""
    if not attrs.get("lama_satuan"):
        return None
    given = row.get("lama")
    return int(given) if given not in (None, "") else attrs.get("lama_tetap")


def describe(session: Session, rows: list[dict]) -> str:
    """A putusan's sanctions in words, as pages and letters print them:
    "Penempatan dalam tempat khusus (patsus) … (14 hari, mulai 10 November 2026); …"."""
    parts = []
    for row in rows:
        item = reference.item(session, "sanksi", str(row.get("kode")))
        attrs = dict(item.attrs or {}) if item is not None else {}
        text = item.label if item is not None else str(row.get("kode"))
        lama = length_of(row, attrs)
        when = long_date(row.get("mulai"))
        if lama:
            when = f"{lama} {SATUAN_LABELS.get(attrs['lama_satuan'], '')}, mulai {when}"
        parts.append(f"{text} ({when})")
    return "; ".join(parts)


def record_sanctions(
    session: Session, record: Record, tahap: str, instance_id: int, rows: list[dict]
) -> list[Sanction]:
    """Store the approved putusan's sanctions (the form's `hukuman` rows, already checked)."""
    found = []
    for row in rows:
        attrs = _attrs(session, row["kode"])
        lama, satuan = length_of(row, attrs), attrs.get("lama_satuan")
        mulai = date.fromisoformat(row["mulai"])
        sanction = Sanction(
            record_id=record.id, tahap=tahap, instance_id=instance_id, kode=row["kode"],
            lama=lama, satuan=satuan if lama else None, mulai=mulai,
            berakhir=None if attrs.get("tanpa_akhir") else last_day(mulai, lama, satuan),
        )
        session.add(sanction)
        found.append(sanction)
    session.flush()
    return found


def _attrs(session: Session, kode: str) -> dict[str, Any]:
    item = reference.item(session, "sanksi", kode)
    return dict(item.attrs or {}) if item is not None else {}


def current_sanctions(session: Session, record: Record) -> list[Sanction]:
    """The sanctions of the record's last approved putusan (none after an acquittal)."""
    return list(session.scalars(
        select(Sanction)
        .where(Sanction.record_id == record.id, Sanction.tahap == record.tahap)
        .order_by(Sanction.mulai, Sanction.id)
    ))


def _day_after(sanctions: list[Sanction]) -> date | None:
    if not sanctions:
        return None
    if any(s.berakhir is None for s in sanctions):
        return NEVER
    return max(s.berakhir for s in sanctions) + timedelta(days=1)


def record_clean_from(session: Session, record: Record) -> date | None:
    """The day after the record's last sanction ends; NEVER if one never ends; None if the
    record has no sanction."""
    return _day_after(current_sanctions(session, record))


def clean_since(session: Session, person_id: int) -> date | None:
    """The date the person is clean again ("bersih sejak"): the day after the last day of
    the latest-ending sanction of any of their records.

    - None: no sanction on file (never sanctioned, or every putusan acquitted);
    - a date after today: a sanction is still being served;
    - `NEVER` (date.max): a sanction that does not end (PTDH, PDHTAPS).
    Sanctions of a record later closed as TIDAK TERBUKTI or TIDAK BERSALAH do not count.
    An open case without a putusan is not a sanction: callers ask the record statuses
    for that (the SKHP findings do).
    """
    # `current_sanctions` of every such record, in one statement for all of them.
    found = session.scalars(
        select(Sanction)
        .join(Record, and_(Record.id == Sanction.record_id, Record.tahap == Sanction.tahap))
        .where(Record.person_id == person_id, Record.status.not_in(CLEARED))
    )
    return _day_after(list(found))
