"""The administrator keeps the reference lists (Modul Setting: CRUD data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import Unit
from processes.db import audit
from processes.db.audit_actions import TAMBAH_REFERENSI, TAMBAH_SATUAN, UBAH_REFERENSI
from processes.db.paging import page_window
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.reference.lists import EDITABLE_LISTS
from processes.reference.models import ReferenceItem

CODE = re.compile(r"^[A-Z0-9][A-Z0-9_./-]{0,59}$")
#: Lists an office may extend; the others' codes are used by rules and diagrams, so only
#: their labels and active flags change.
ADDABLE_LISTS = {"wujud_perbuatan", "pasal", "jenis_dokumen", "sanksi", "peruntukan", "agama",
                 "jenis_penghargaan"}
#: Lists whose items carry the one jenis and personel they apply to (to filter choices).
SCOPED_LISTS = {"pasal", "sanksi"}
#: Lists whose items carry the jenis they may be recorded under, several at once.
MULTI_JENIS_LISTS = {"wujud_perbuatan"}
JENIS = {"", "DISIPLIN", "KEPP", "PIDANA"}
PERSONEL = {"", "POLRI", "ASN"}
#: What the audit log keeps of an item's change.
AUDITED = ("list_name", "code", "label", "attrs", "active")


PAGE_SIZE = 25


@dataclass
class ItemPage:
    items: list[ReferenceItem]
    total: int
    page: int
    pages: int


def items(session: Session, list_name: str, q: str = "", page: int = 1) -> ItemPage:
    """One page of a list's items, those whose code or label holds `q` (any case)."""
    if list_name not in EDITABLE_LISTS:
        raise Refused("Daftar tidak dikenal.")
    query = select(ReferenceItem).where(ReferenceItem.list_name == list_name)
    if q.strip():
        pattern = f"%{q.strip().lower()}%"
        query = query.where(or_(func.lower(ReferenceItem.code).like(pattern),
                                func.lower(ReferenceItem.label).like(pattern)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page, offset = page_window(total, page, PAGE_SIZE)
    found = [] if offset is None else list(session.scalars(
        query.order_by(ReferenceItem.sort_order, ReferenceItem.id).offset(offset).limit(PAGE_SIZE)))
    return ItemPage(found, total, page, max(1, -(-total // PAGE_SIZE)))


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


#: Which kind of unit may sit under which: a Polres under the Polda, a satker under the
#: Polda or under a Polres (Satreskrim, Satlantas ... of a Polres).
UNDER = {"POLRES": ("POLDA",), "SATKER": ("POLDA", "POLRES")}
UNIT_JENIS = {"POLDA": "Polda", "POLRES": "Polres", "SATKER": "Satker"}


def parent_for(session: Session, jenis: str, parent_code: str) -> Unit:
    """The unit a new or moved unit of `jenis` goes under (the Polda when none is named);
    refused when that kind of unit cannot hold it."""
    if jenis not in UNDER:
        raise Refused("Jenis satuan harus Polres atau Satker.")
    if parent_code:
        parent = session.scalar(select(Unit).where(Unit.code == parent_code))
    else:
        parent = session.scalar(select(Unit).where(Unit.parent_id.is_(None)))
    if parent is None:
        raise Refused("Satuan induk tidak dikenal.")
    if parent.jenis not in UNDER[jenis]:
        allowed = " atau ".join(UNIT_JENIS[j] for j in UNDER[jenis])
        raise Refused(f"{UNIT_JENIS[jenis]} hanya dapat berada di bawah {allowed}.")
    if not parent.active:
        raise Refused("Satuan induk tidak aktif.")
    return parent


def add_unit(uow: UnitOfWork, admin, data: dict[str, str]) -> None:
    """A new Polres under the Polda, or a satker under the Polda or a Polres."""
    require_admin(admin)
    code, name = data.get("code", "").strip().upper(), data.get("name", "").strip()
    jenis = data.get("jenis", "")
    if not CODE.match(code) or not name or len(name) > 120 or jenis not in ("POLRES", "SATKER"):
        raise Refused("Isi kode (huruf besar, angka, -), nama dan jenis satuan (POLRES/SATKER).")
    with uow:
        session = uow.session
        if session.scalar(select(Unit.id).where(Unit.code == code)):
            raise Refused(f"Kode satuan {code} sudah ada.")
        parent = parent_for(session, jenis, data.get("parent", "").strip())
        unit = Unit(code=code, name=name, jenis=jenis, parent_id=parent.id,
                    path=f"{parent.path}{code}/", active=True)
        session.add(unit)
        audit.record_change(session, TAMBAH_SATUAN, user_id=admin.id, target=code, before={},
                            after=audit.snapshot(unit, ("code", "name", "jenis", "path")))
        uow.commit()
