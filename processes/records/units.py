"""The administrator edits a unit (satuan kerja): its name, its parent, and whether it is
still active. A unit is never deleted. Moving a unit changes its path, which records,
users and running processes carry, so only a unit nothing names yet may move; any unit
may be renamed, and deactivated (no longer offered) once no active user works in it.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import Unit, User
from processes.db import audit
from processes.db.audit_actions import UBAH_SATUAN
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.records.models import Record
from processes.records.personnel_models import Personnel
from processes.reference.admin import parent_for

AUDITED = ("code", "name", "jenis", "path", "active")


def in_use(session: Session, unit: Unit) -> str | None:
    """What still names the unit (or a unit under it), in words, or None."""
    below = select(Unit.id).where(Unit.path.startswith(unit.path, autoescape=True))
    checks = (
        (select(Unit.id).where(Unit.parent_id == unit.id), "satuan di bawahnya"),
        (select(Record.id).where(or_(Record.unit_path.startswith(unit.path, autoescape=True),
                                     Record.unit_kerja == unit.code)), "catatan personel"),
        (select(User.id).where(User.unit_id.in_(below)), "pengguna"),
        (select(Personnel.id).where(Personnel.unit_id.in_(below)), "data induk personel"),
    )
    for query, words in checks:
        if session.scalar(query.limit(1)) is not None:
            return words
    return None


def update_unit(uow: UnitOfWork, admin, unit_id: int, data: dict[str, str]) -> str:
    """Rename, move or (de)activate a unit; the message to show."""
    require_admin(admin)
    name = data.get("name", "").strip()
    if not name or len(name) > 120:
        raise Refused("Nama satuan wajib diisi (paling banyak 120 karakter).")
    with uow:
        session = uow.session
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise Refused("Satuan tidak ditemukan.")
        before = audit.snapshot(unit, AUDITED)
        active = data.get("active", "1") == "1"
        if unit.parent_id is None and not active:
            raise Refused("Polda tidak dapat dinonaktifkan.")
        if not active and unit.active and session.scalar(select(User.id).where(
                User.unit_id == unit.id, User.is_active.is_(True)).limit(1)):
            raise Refused("Masih ada pengguna aktif di satuan ini; pindahkan atau nonaktifkan dulu.")
        parent_code = data.get("parent", "").strip()
        current_parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        if unit.parent_id is not None and parent_code and parent_code != current_parent.code:
            _move(session, unit, parent_code)
        unit.name, unit.active = name, active
        audit.record_change(session, UBAH_SATUAN, user_id=admin.id, target=unit.code,
                            before=before, after=audit.snapshot(unit, AUDITED))
        uow.commit()
        return f"Satuan {unit.name} disimpan."


def _move(session: Session, unit: Unit, parent_code: str) -> None:
    used = in_use(session, unit)
    if used:
        raise Refused(f"Satuan {unit.name} sudah dipakai ({used}); satuan yang sudah dipakai "
                      "tidak dapat dipindah. Buat satuan baru dan nonaktifkan yang lama.")
    parent = parent_for(session, unit.jenis, parent_code)
    if parent.path.startswith(unit.path):
        raise Refused("Satuan tidak dapat dipindah ke bawah dirinya sendiri.")
    unit.parent_id, unit.path = parent.id, f"{parent.path}{unit.code}/"
