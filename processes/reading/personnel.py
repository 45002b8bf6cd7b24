"""How many personnel each unit has, for the Anev's "per 100 personnel".

The one place the Anev reads it: counted from the data induk personel
(`processes/records/personnel_models.py`), each unit's count including the satker under it.
A unit with nobody on file is missing from the result, and the Anev shows "—" for it.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.accounts.models import Unit
from processes.records.personnel_models import Personnel


def personnel_by_unit(session: Session) -> dict[str, int]:
    """Personnel per unit path, a unit's count holding those of the units under it."""
    # One grouped read over the personnel's unit index: the roster, not a yearly table.
    rows = session.execute(
        select(Unit.path, func.count(Personnel.id))
        .join(Unit, Unit.id == Personnel.unit_id)
        .group_by(Unit.path)
    )
    counts: Counter[str] = Counter()
    for path, n in rows:
        parts = path.strip("/").split("/")
        for depth in range(1, len(parts) + 1):
            counts["/" + "/".join(parts[:depth]) + "/"] += n
    return dict(counts)
