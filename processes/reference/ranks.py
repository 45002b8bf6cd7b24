"""Kelompok pangkat: the rank groups the dashboard counts by and the record list filters on.

A pangkat's group is an attribute of its reference item (seeded from the ranks table of
`seed`), so an office that adds a pangkat gives it its group there.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.reference.models import ReferenceItem

#: The spec's rank groups, highest first; ASN of every golongan count as PNS.
RANK_GROUPS = ("PATI", "PAMEN", "PAMA", "BINTARA", "TAMTAMA", "PNS")


def group_of_pangkat(session: Session) -> dict[str, str]:
    """Each pangkat code's group."""
    items = session.scalars(select(ReferenceItem).where(ReferenceItem.list_name == "pangkat"))
    return {item.code: item.attrs.get("group") or "PNS" for item in items}


def pangkat_in_group(session: Session, group: str) -> list[str]:
    return [code for code, found in group_of_pangkat(session).items() if found == group]
