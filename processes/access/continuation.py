"""Who continues a record: one place for the right to submit its next tahap (or withdraw
a waiting submission of it), which is a different right from reading it.

A record belongs to its unit, not to the operator who first submitted it: any active
operator of the record's own unit, or of the Polda above it, continues it (the diagrams'
gateways still decide when each flow may start). A disabled
submitter locks nothing. Continuing reads nothing more: the record's pages still follow
the need-to-know grounds (`grounds.py`); the operator who starts an update is its
instance's starter and then the holder of its tasks, and reads that submission on those
grounds only.
"""

from __future__ import annotations

from processes.access.policy import polda_path
from processes.accounts.models import User
from processes.accounts.roles import OPERATOR
from processes.records.models import Record

REFUSED = "Hanya operator satuan kerja catatan ini atau Polda-nya yang dapat melanjutkannya."


def may_continue(user: User, record: Record) -> bool:
    """Whether `user` submits `record`'s next tahap (or withdraws its waiting submission):
    an active operator of its unit or of its Polda."""
    if not user.is_active or user.role != OPERATOR:
        return False
    own = user.unit.path
    return record.unit_path == own or polda_path(record.unit_path) == own
