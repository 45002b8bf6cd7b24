"""The SKHP's verdict: MEMENUHI SYARAT or TIDAK MEMENUHI SYARAT for its stated purpose.

The rule is the decision table `bpmn-models/kesimpulan_skhp.dmn` (a process owner edits
its rows and figures); this module only gathers its inputs. "Bersih sejak" is asked of
`processes.records.sanctions.clean_since` (from the sanctions' end dates), here and
nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.letters.findings import MASIH_PROSES
from processes.records.models import Person
from processes.records.sanctions import clean_since

#: decide(decision_id, inputs) -> outputs (a service context's `decide`)
Decide = Callable[[str, dict[str, Any]], dict[str, Any]]

MEMENUHI, TIDAK_MEMENUHI = "MEMENUHI SYARAT", "TIDAK MEMENUHI SYARAT"


@dataclass(frozen=True)
class Verdict:
    kesimpulan: str
    alasan: str


def whole_months(since: date, today: date) -> int:
    """Full calendar months from `since` to `today` (0 until the first month has passed)."""
    months = (today.year - since.year) * 12 + today.month - since.month
    return months - 1 if today.day < since.day else months


def months_clean(session: Session, nomor: str, today: date) -> int | None:
    """Whole months since the person is clean of sanctions; None when none is on file. A
    sanction still served (a day to come, or never for PTDH) counts as 0 months."""
    person_id = session.scalar(select(Person.id).where(Person.nomor_identitas == nomor))
    since = clean_since(session, person_id) if person_id is not None else None
    return None if since is None else max(0, whole_months(since, today))


def verdict(
    session: Session, nomor: str, peruntukan: str, keadaan: list[str], today: date, decide: Decide
) -> Verdict:
    """The table's verdict for the person `nomor`, whose areas read `keadaan`."""
    result = decide("kesimpulan_skhp", {
        "peruntukan": peruntukan,
        "ada_proses": MASIH_PROSES in keadaan,
        "bulan_bersih": months_clean(session, nomor, today),
    })
    return Verdict(result["kesimpulan"], result.get("alasan") or "")
