"""A letter's state on a day: the one rule every page and letter that shows it reads
(letters list, person page, verification page, rekam jejak, tinjau SKHP)."""

from __future__ import annotations

from datetime import date

from processes.letters.models import Letter

BERLAKU, KEDALUWARSA, DICABUT = "BERLAKU", "KEDALUWARSA", "DICABUT"


def state_of(letter: Letter, today: date) -> str:
    """A letter's state on `today`: revoked first, then expired (the day after its last
    valid day), else in force."""
    if letter.revoked_at is not None:
        return DICABUT
    if letter.valid_until is not None and letter.valid_until < today:
        return KEDALUWARSA
    return BERLAKU
