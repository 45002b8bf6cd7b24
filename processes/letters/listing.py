"""The letters list: issued letters a user may see, searched by number, name or NRP/NIP and
paged, each with its state today (BERLAKU, KEDALUWARSA once past its validity, DICABUT)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from processes.access.grounds import reads_all
from processes.access.models import AccessRequest
from processes.accounts.models import User
from processes.db.paging import page_window
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.state import state_of

PAGE_SIZE = 25


@dataclass
class LetterFilter:
    q: str = ""
    page: int = 1


@dataclass(frozen=True)
class LetterRow:
    letter: Letter
    state: str


@dataclass(frozen=True)
class LetterPage:
    rows: list[LetterRow]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def letters_page(session: Session, user: User, f: LetterFilter) -> LetterPage:
    """One page of the letters `user` may see (all for who reads all, else their own
    requests'), newest first."""
    query = _visible(select(Letter), user)
    text = f.q.strip()
    if text:
        like = f"%{text.lower()}%"
        query = query.where(or_(func.lower(Letter.nomor).like(like),
                                func.lower(Letter.nama).like(like),
                                Letter.nomor_identitas == text))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page, offset = page_window(total, f.page, PAGE_SIZE)
    if offset is None:
        return LetterPage([], total, page, PAGE_SIZE)
    letters = session.scalars(
        query.order_by(Letter.issued_on.desc(), Letter.id.desc()).offset(offset).limit(PAGE_SIZE)
    )
    today = office_today()
    return LetterPage([LetterRow(letter, state_of(letter, today)) for letter in letters],
                      total, page, PAGE_SIZE)


def _visible(query: Select, user: User) -> Select:
    """The letters `user` may see: all for who reads all, else their own requests'."""
    if reads_all(user):
        return query
    mine = select(AccessRequest.id).where(AccessRequest.requested_by == user.id)
    return query.where(Letter.request_id.in_(mine))


def person_letters(session: Session, user: User, nomor: str) -> list[LetterRow]:
    """The letters issued about the person `nomor` that `user` may see (as on the letters
    list), newest first, each with its state today."""
    letters = session.scalars(
        _visible(select(Letter).where(Letter.nomor_identitas == nomor), user)
        .order_by(Letter.issued_on.desc(), Letter.id.desc())
    )
    today = office_today()
    return [LetterRow(letter, state_of(letter, today)) for letter in letters]
