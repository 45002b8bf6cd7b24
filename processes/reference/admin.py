"""The administrator keeps the reference lists (Modul Setting: CRUD data)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import Unit
from processes.db import audit
from processes.db.audit_actions import TAMBAH_REFERENSI, TAMBAH_SATUAN, UBAH_REFERENSI
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.reference.lists import EDITABLE_LISTS
from processes.reference.models import ReferenceItem

CODE = re.compile(r"^[A-Z0-9][A-Z0-9_./-]{0,59}$")
#: Lists an office may extend; the others' codes are used by rules and diagrams, so only
#: their labels and active flags change.
ADDABLE_LISTS = {"wujud_perbuatan", "pasal", "jenis_dokumen", "sanksi", "peruntukan", "agama"}
#: Lists whose items carry the one jenis and personel they apply to (to filter choices).
SCOPED_LISTS = {"pasal", "sanksi"}
#: Lists whose items carry the jenis they may be recorded under, several at once.
MULTI_JENIS_LISTS = {"wujud_perbuatan"}
JENIS = {"", "DISIPLIN", "KEPP", "PIDANA"}
PERSONEL = {"", "POLRI", "ASN"}
#: What the audit log keeps of an item's change.
AUDITED = ("list_name", "code", "label", "attrs", "active")


def items(session: Session, list_name: str) -> list[ReferenceItem]:
    if list_name not in EDITABLE_LISTS:
        raise Refused("Daftar tidak dikenal.")
    return list(
        session.scalars(
            select(ReferenceItem).where(ReferenceItem.list_name == list_name)
            .order_by(ReferenceItem.sort_order, ReferenceItem.id)
        )
    )


def _values(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    return [v for v in ([value] if isinstance(value, str) else value) if v]


def _attrs(list_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The scope an item is given on the form: one jenis and personel, or several jenis.

    `jenis` may come as one value or a list (checkboxes); none chosen means every jenis.
    """
    jenis, personel = _values(data, "jenis"), _values(data, "personel")
    if not set(jenis) <= JENIS or not set(personel) <= PERSONEL:
        raise Refused("Jenis atau personel tidak dikenal.")
    if list_name in MULTI_JENIS_LISTS:
        return {"jenis": jenis or None}
    if list_name not in SCOPED_LISTS:
        return {}
    if len(jenis) > 1 or len(personel) > 1:
        raise Refused("Pilih satu jenis dan satu personel.")
    return {"jenis": (jenis or [None])[0], "personel": (personel or [None])[0]}


def _label(data: dict[str, str]) -> str:
    label = data.get("label", "").strip()
    if not label or len(label) > 300:
        raise Refused("Keterangan wajib diisi (paling banyak 300 karakter).")
    return label


def add_item(uow: UnitOfWork, admin, list_name: str, data: dict[str, str]) -> None:
    require_admin(admin)
    code = data.get("code", "").strip().upper()
    if list_name not in ADDABLE_LISTS:
        raise Refused("Daftar ini tidak dapat ditambah; kodenya dipakai aturan dan diagram.")
    if not CODE.match(code):
        raise Refused("Kode hanya huruf besar, angka, titik, garis miring, - atau _ (maks. 60).")
    label, attrs = _label(data), _attrs(list_name, data)
    with uow:
        session = uow.session
        taken = session.scalar(
            select(ReferenceItem.id).where(
                ReferenceItem.list_name == list_name, ReferenceItem.code == code)
        )
        if taken:
            raise Refused(f"Kode {code} sudah ada di daftar ini.")
        last = session.scalar(
            select(func.max(ReferenceItem.sort_order)).where(ReferenceItem.list_name == list_name)
        )
        item = ReferenceItem(list_name=list_name, code=code, label=label, attrs=attrs,
                             sort_order=(last or 0) + 1, active=True)
        session.add(item)
        audit.record_change(session, TAMBAH_REFERENSI, user_id=admin.id,
                            target=f"{list_name}/{code}", before={}, after=audit.snapshot(item, AUDITED))
        uow.commit()


def update_item(uow: UnitOfWork, admin, item_id: int, data: dict[str, str]) -> str:
    """Relabel or (de)activate an item; codes stay, since records refer to them."""
    require_admin(admin)
    label = _label(data)
    with uow:
        item = uow.session.get(ReferenceItem, item_id)
        if item is None or item.list_name not in EDITABLE_LISTS:
            raise Refused("Butir tidak ditemukan.")
        before = audit.snapshot(item, AUDITED)
        item.label = label
        item.active = data.get("active") == "1"
        if item.list_name in SCOPED_LISTS | MULTI_JENIS_LISTS and data.get("scope"):
            # Only a form that showed the scope sets it: unticked boxes send nothing.
            item.attrs = {**(item.attrs or {}), **_attrs(item.list_name, data)}
        audit.record_change(uow.session, UBAH_REFERENSI, user_id=admin.id,
                            target=f"{item.list_name}/{item.code}", before=before,
                            after=audit.snapshot(item, AUDITED))
        uow.commit()
        return item.list_name


def units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(Unit.path)))


def add_unit(uow: UnitOfWork, admin, data: dict[str, str]) -> None:
    """A new Polres or satker directly under the Polda."""
    require_admin(admin)
    code, name = data.get("code", "").strip().upper(), data.get("name", "").strip()
    jenis = data.get("jenis", "")
    if not CODE.match(code) or not name or jenis not in ("POLRES", "SATKER"):
        raise Refused("Isi kode (huruf besar, angka, -), nama dan jenis satuan (POLRES/SATKER).")
    with uow:
        session = uow.session
        if session.scalar(select(Unit.id).where(Unit.code == code)):
            raise Refused(f"Kode satuan {code} sudah ada.")
        root = session.scalar(select(Unit).where(Unit.parent_id.is_(None)))
        unit = Unit(code=code, name=name, jenis=jenis, parent_id=root.id, path=f"{root.path}{code}/")
        session.add(unit)
        audit.record_change(session, TAMBAH_SATUAN, user_id=admin.id, target=code, before={},
                            after=audit.snapshot(unit, ("code", "name", "jenis", "path")))
        uow.commit()
