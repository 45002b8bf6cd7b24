"""The administrator's incidents: diagram steps that failed at run time, and their retry."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

import engine
from engine import EngineError, IncidentInfo, ProcessStopped
from processes.accounts.models import User
from processes.accounts.roles import ADMIN
from processes.accounts.users import actor_for
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.letters import issue as letter_issue
from processes.work.runtime import RUNTIME

STATUS_LABELS = {"open": "Terbuka", "resolved": "Teratasi", "retried": "Dicoba ulang, gagal lagi"}


@dataclass(frozen=True)
class IncidentRow:
    incident: IncidentInfo
    process_name: str
    status_label: str


@dataclass(frozen=True)
class RetryOutcome:
    ok: bool
    message: str


def _administrator(user: User) -> None:
    if user.role != ADMIN:
        raise Forbidden("Hanya administrator yang menangani insiden.")


def incident_rows(session: Session, user: User, include_closed: bool = False) -> list[IncidentRow]:
    """Incidents newest first, each with its process's name and a readable status."""
    _administrator(user)
    names: dict[int, str] = {}
    rows = []
    for incident in engine.incident_list(session, open_only=not include_closed):
        if incident.instance_id not in names:
            names[incident.instance_id] = engine.instance_version(session, incident.instance_id).name
        rows.append(IncidentRow(incident, names[incident.instance_id],
                                STATUS_LABELS.get(incident.status, incident.status)))
    return rows


def retry_incident(uow: UnitOfWork, user: User, incident_id: int) -> RetryOutcome:
    """Run the failed step again (after a fix), as the user whose step it was."""
    with uow:
        _administrator(user)
        try:
            RUNTIME.retry_incident(uow.session, actor_for(user), incident_id)
        except ProcessStopped as stop:
            uow.commit()  # the new incident, and the old one marked as retried
            return RetryOutcome(False, f"Langkah masih gagal; insiden baru dicatat: {stop.incident.error}")
        except EngineError as err:
            return RetryOutcome(False, str(err))
        uow.commit()
    letter_issue.render_pending(uow)  # a step run again may have issued a letter
    return RetryOutcome(True, "Langkah dijalankan ulang; proses berlanjut.")
