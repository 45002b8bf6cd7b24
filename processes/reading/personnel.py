"""How many personnel each unit has, for the Anev's "per 100 personnel".

The one place the Anev reads it. There is no personnel table yet (another change adds
one), so today every count is unknown: this returns {} and the Anev shows "—" for each
unit. When the table lands, only this function changes.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def personnel_by_unit(session: Session) -> dict[str, int]:
    """Personnel per unit path; a unit missing from the result has an unknown count."""
    return {}
