"""Letter numbers: a yearly sequence per jenis of letter, formatted as the office configures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from processes.letters import settings
from processes.letters.models import LetterSequence

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
FORMAT_KEYS = {"SKHP": "format_nomor_skhp", "REKAM_JEJAK": "format_nomor_rekam_jejak"}


def _insert(session: Session):
    dialect = session.get_bind().dialect.name
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


def next_number(session: Session, jenis: str, on: date) -> int:
    """Take the next number of `jenis` for `on`'s year.

    The year's row is created if missing (a concurrent creator is not an error), then the
    UPDATE takes the row lock, so two issuers at once get different numbers (PostgreSQL
    row lock; SQLite's single writer).
    """
    insert = _insert(session)
    session.execute(
        insert(LetterSequence)
        .values(jenis=jenis, year=on.year, last_number=0)
        .on_conflict_do_nothing(index_elements=["jenis", "year"])
    )
    session.execute(
        update(LetterSequence)
        .where(LetterSequence.jenis == jenis, LetterSequence.year == on.year)
        .values(last_number=LetterSequence.last_number + 1)
    )
    return session.scalar(
        select(LetterSequence.last_number).where(
            LetterSequence.jenis == jenis, LetterSequence.year == on.year
        )
    )


def format_number(pattern: str, n: int, on: date) -> str:
    return pattern.format(n=n, bulan=ROMAN_MONTHS[on.month - 1], tahun=on.year)


def letter_number(session: Session, jenis: str, on: date) -> str:
    pattern = settings.get(session, FORMAT_KEYS[jenis])
    return format_number(pattern, next_number(session, jenis, on), on)
