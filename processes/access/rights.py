"""The "Hak akses" page's content, built from the rules the app enforces, never copied:
the steps each role works (the lanes of the deployed diagrams, through `roles.lanes_of`),
what each role reads by office (the AKSES CATPERS decision table, `policy`), and the
pages a role is required for (the web layer's role checks, handed in by it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from engine.catalogue import current_user_tasks
from processes.access import policy
from processes.accounts.roles import PRIVILEGED_ROLES, ROLES, lanes_of


@dataclass
class RoleRights:
    code: str
    title: str
    privileged: bool
    #: (process name, step name) of every user task in the role's lanes.
    steps: list[tuple[str, str]] = field(default_factory=list)
    #: What the role reads by office at each unit level, as the decision table answers.
    reads: list[str] = field(default_factory=list)
    #: Pages only some roles open, this one among them.
    pages: list[str] = field(default_factory=list)


def rights(session: Session, pages_by_role: Mapping[str, list[str]]) -> list[RoleRights]:
    """One row per role, in the order of `ROLES`."""
    tasks = current_user_tasks(session)
    reads = {row.code: row.lingkup for row in policy.policy_rows()}
    found = []
    for role in ROLES.values():
        lanes = lanes_of(role.code)
        steps = sorted({(t.process_name, _step(t.task_name)) for t in tasks if t.lane in lanes})
        found.append(RoleRights(role.code, role.title, role.code in PRIVILEGED_ROLES, steps,
                                reads.get(role.code, []), sorted(pages_by_role.get(role.code, []))))
    return found


def _step(name: str) -> str:
    # A called chain's step names its caller at run time ("Periksa {caller} (Kaurlitpers)").
    return name.replace("{caller}", "pengajuan")


def unlaned_steps(session: Session) -> list[tuple[str, str, str]]:
    """Steps whose lane no role works: nobody could ever take them (shown as a warning)."""
    worked = {lane for role in ROLES for lane in lanes_of(role)}
    return [(t.process_name, t.task_name, t.lane) for t in current_user_tasks(session)
            if t.lane not in worked]
