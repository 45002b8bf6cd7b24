"""The AKSES CATPERS table: which catpers a user reads by virtue of their office.

The table is the decision table `bpmn-models/akses_catpers.dmn` (role and unit level →
lingkup), which a process owner edits. It is read from the file and evaluated through the
engine's decision support once per request for the viewer (`scope_of`); `grounds.py`
turns the answer into one SQL condition. A table that cannot be read or evaluated, or an
answer it does not know, gives no scope at all: access fails closed, and says so in the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import engine
from processes.accounts.models import User
from processes.accounts.roles import ROLES
from processes.workflow.paths import BPMN_DIR

log = logging.getLogger(__name__)

POLICY_FILE = BPMN_DIR / "akses_catpers.dmn"
DECISION = "akses_catpers"

SEMUA_POLDA, TIDAK_ADA = "SEMUA_POLDA", "TIDAK_ADA"
#: What each answer of the table means, as the policy page says it.
LINGKUP = {
    SEMUA_POLDA: "Seluruh catpers Polda dan Polres jajaran",
    TIDAK_ADA: "Tidak ada karena jabatan",
}
#: Unit levels (the unit's `jenis`), as the policy page names them.
TINGKAT = {"POLDA": "Polda", "POLRES": "Polres", "SATKER": "Satker Polda"}


@dataclass(frozen=True)
class Scope:
    """The table's answer for one viewer: `lingkup`, and the unit path it covers."""

    lingkup: str
    unit_path: str = ""

    @property
    def reads_all(self) -> bool:
        return self.lingkup == SEMUA_POLDA


def polda_path(unit_path: str) -> str:
    """The Polda a unit belongs to: the first part of its path ("/POLDA-KALTENG/")."""
    first = unit_path.strip("/").split("/")[0]
    return f"/{first}/"


def read_table() -> bytes | None:
    try:
        return POLICY_FILE.read_bytes()
    except OSError:
        log.exception("tabel akses catpers %s tidak dapat dibaca", POLICY_FILE)
        return None


def lingkup_of(table: bytes | None, peran: str, tingkat: str) -> str:
    """The table's answer for a role at a unit level; TIDAK_ADA when it has none."""
    if table is None:
        return TIDAK_ADA
    try:
        inputs = {"peran": peran, "tingkat": tingkat}
        answer = engine.decide({POLICY_FILE.name: table}, DECISION, inputs)
    except Exception:  # a process owner's broken cell must not open anything, nor crash a page
        log.exception("tabel akses catpers gagal dievaluasi untuk %s/%s", peran, tingkat)
        return TIDAK_ADA
    lingkup = answer.get("lingkup")
    return lingkup if lingkup in LINGKUP else TIDAK_ADA


def scope_of(user: User, table: bytes | None = None) -> Scope:
    """What `user`'s office reads, per the table (read from its file unless given)."""
    table = read_table() if table is None else table
    lingkup = lingkup_of(table, user.role, user.unit.jenis)
    if lingkup == SEMUA_POLDA:
        return Scope(SEMUA_POLDA, polda_path(user.unit.path))
    return Scope(TIDAK_ADA)


@dataclass(frozen=True)
class PolicyRow:
    role: str
    lingkup: list[str]
    code: str = ""


def policy_rows(table: bytes | None = None) -> list[PolicyRow]:
    """The table as its users read it: each role, what it reads at each unit level."""
    table = read_table() if table is None else table
    return [
        PolicyRow(role.title, [LINGKUP[lingkup_of(table, role.code, t)] for t in TINGKAT], role.code)
        for role in ROLES.values()
    ]
