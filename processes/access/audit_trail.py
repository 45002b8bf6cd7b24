"""Kabid Propam's view of the audit log: filter, page, read it with labels, export it (CSV,
itself logged), with whether its chain holds (`audit_integrity`) at the top.

Only Kabid Propam reads the log: it says who read whose catpers, and why.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from engine import as_utc
from processes.access import grounds
from processes.access.audit_integrity import (
    RUSAK,
    UTUH,
    ChainStatus,
    chain_status,
    keep_checkpoint,
)
from processes.accounts import sign_ins
from processes.accounts.models import User
from processes.accounts.roles import DIREKTUR
from processes.db import audit
from processes.db.audit import AuditEntry
from processes.db.audit_actions import ACTIONS, EKSPOR_LOG_AUDIT, GROUPS, codes_in, label
from processes.db.paging import (
    COUNT_CAP,
    capped_count,
    decode_key,
    encode_key,
    keyset_rows,
)
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.reference import lists as reference

PAGE_SIZE = 50
#: The office keeps WIB: a day in the filter is a day in Palangka Raya.
OFFICE_TIME = ZoneInfo("Asia/Jakarta")
REFUSED = "Hanya Kabid Propam yang dapat membuka log audit."

OUTCOMES = {
    grounds.SEMUA: "Pejabat yang membaca semua catpers",
    grounds.PENGAJU: "Pengaju catatan ini",
    grounds.MENANGANI: "Menangani tugas tentang personel ini",
    grounds.AKSES_KHUSUS: "Akses khusus dari Kabid Propam",
    grounds.PEMOHON: "Pemohon surat ini",
    sign_ins.AKUN_TIDAK_DIKENAL: "Nama pengguna tidak dikenal",
    sign_ins.KATA_SANDI_SALAH: "Kata sandi salah",
    sign_ins.AKUN_NONAKTIF: "Akun nonaktif",
    sign_ins.SESI_DICABUT: "Sesi dicabut (keluar di perangkat lain atau peran diubah)",
    sign_ins.AKUN_TIDAK_ADA: "Akun tidak ada lagi",
    sign_ins.DITAHAN: "Ditahan sementara (terlalu banyak percobaan gagal)",
    sign_ins.BATAS_WAKTU: "Batas waktu sesi (tidak aktif 30 menit atau lewat 12 jam)",
    "DISETUJUI": "Disetujui",
    "DITOLAK": "Ditolak",
    UTUH: "Rantai utuh",
    RUSAK: "Rantai rusak",
}
DETAIL_NAMES = {"ref": "rujukan", "perubahan": "perubahan", "metode": "metode", "kode": "kode HTTP"}


def outcome_label(code: str) -> str:
    return OUTCOMES.get(code, code)


@dataclass(frozen=True)
class TrailFilter:
    pengguna: str = ""
    nomor: str = ""
    jenis: str = ""  # a group of GROUPS or one action code
    dari: date | None = None
    sampai: date | None = None
    page: int = 1
    # Keyset paging: the id of the last row shown (next page) or of the first (previous).
    setelah: str = ""
    sebelum: str = ""


@dataclass(frozen=True)
class TrailRow:
    entry: AuditEntry
    username: str
    name: str
    action: str
    outcome: str
    detail: str


@dataclass
class TrailPage:
    rows: list[TrailRow]
    total: int
    page: int
    next_key: str = ""
    prev_key: str = ""
    keyset = True
    cap = COUNT_CAP

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP

    @property
    def pages(self) -> int | None:
        """How many pages, or None past the count's cap (the page says "lebih dari")."""
        return None if self.capped else max(1, -(-self.total // PAGE_SIZE))

    @property
    def cap_pages(self) -> int:
        return COUNT_CAP // PAGE_SIZE


#: Who reads the audit log (the Hak akses page lists it from here).
AUDIT_READERS = frozenset({DIREKTUR})


def require_kabid(user: User) -> None:
    if user.role not in AUDIT_READERS:
        raise Forbidden(REFUSED)


def search(session: Session, user: User, f: TrailFilter) -> TrailPage:
    require_kabid(user)
    query = _filtered(f)
    total = capped_count(session, query)
    after, before = (decode_key(k, (int,)) for k in (f.setelah, f.sebelum))
    # Past the last page (by number) is the last page; past the cap, a key goes on.
    page = min(max(1, f.page), max(1, -(-min(total, COUNT_CAP) // PAGE_SIZE)))
    offset = (page - 1) * PAGE_SIZE
    found = keyset_rows(session, query, (AuditEntry.id,), PAGE_SIZE, after=after, before=before,
                        offset=0 if after or before else offset)
    if before is not None and not found.has_prev:
        page = 1
    names = reference.field_labels(session)
    rows = [_row(*row, names) for row in found.rows]
    return TrailPage(rows, total, page,
                     encode_key((rows[-1].entry.id,)) if found.has_next else "",
                     encode_key((rows[0].entry.id,)) if found.has_prev and rows else "")


def _filtered(f: TrailFilter) -> Select:
    query = select(AuditEntry, User.username, User.full_name).outerjoin(
        User, User.id == AuditEntry.user_id)
    if f.pengguna:
        who = f.pengguna.strip().lower()
        query = query.where(or_(
            User.username == who, func.lower(User.full_name).contains(who, autoescape=True),
            and_(AuditEntry.user_id.is_(None), AuditEntry.target == who),
        ))
    if f.nomor:
        query = query.where(AuditEntry.target == f.nomor.strip())
    if f.jenis in GROUPS:
        query = query.where(AuditEntry.action.in_(codes_in(f.jenis)))
    elif f.jenis:
        query = query.where(AuditEntry.action == f.jenis)
    start = _start_of(f.dari, 0) if f.dari else None
    end = _start_of(f.sampai, 1) if f.sampai else None
    if start:
        query = query.where(AuditEntry.at >= start)
    if end:
        query = query.where(AuditEntry.at < end)
    return query


def _start_of(day: date, days_after: int) -> datetime | None:
    """Midnight WIB `days_after` days after `day`, in UTC; None past the calendar's ends
    (year 1 or 9999), where the bound selects everything anyway."""
    try:
        return datetime.combine(day + timedelta(days=days_after), time.min,
                                tzinfo=OFFICE_TIME).astimezone(UTC)
    except OverflowError:
        return None


def _row(entry: AuditEntry, username: str | None, name: str | None,
         names: dict[str, dict[str, str]] | None = None) -> TrailRow:
    return TrailRow(entry, username or "", name or "", label(entry.action),
                    outcome_label(entry.outcome), describe(entry.detail, names))


def describe(detail: dict[str, Any], names: dict[str, dict[str, str]] | None = None) -> str:
    """A detail as a line to read: `status: PROSES → PENGAWASAN · catatan: 12`; a field
    whose codes come from a reference list shows their labels (`names`, by field)."""
    names = names or {}

    def shown(field: str, value: Any) -> str:
        known = names.get(field, {})
        return _value(known.get(value, value) if isinstance(value, str) else value)

    parts = []
    for field, (before, after) in (detail.get("perubahan") or {}).items():
        parts.append(f"{_name(field)}: {shown(field, before)} → {shown(field, after)}")
    parts += [f"{_name(k)}: {shown(k, v)}" for k, v in detail.items() if k != "perubahan"]
    return " · ".join(parts)


def _name(field: str) -> str:
    return DETAIL_NAMES.get(field, field.replace("_", " "))


def _value(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# -- export --------------------------------------------------------------------------

CSV_HEADER = ["No", "Waktu (WIB)", "Pengguna", "Nama", "Tindakan", "Kode tindakan", "Sasaran",
              "Dasar / hasil", "Rincian", "Alamat", "Hash sebelumnya", "Hash baris"]


def export_csv(uow: UnitOfWork, user: User, f: TrailFilter) -> str:
    """Every row the filter selects, oldest first, as CSV; the export is logged first."""
    require_kabid(user)
    with uow:
        session = uow.session
        count = session.scalar(select(func.count()).select_from(_filtered(f).subquery())) or 0
        audit.record(session, EKSPOR_LOG_AUDIT, user_id=user.id, target=f.nomor.strip(),
                     detail={"baris": count, "saringan": _filter_detail(f)})
        uow.commit()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        query = _filtered(f).order_by(AuditEntry.id).execution_options(yield_per=1000)
        names = reference.field_labels(session)
        for row in session.execute(query):
            writer.writerow([_cell(v) for v in _csv_values(_row(*row, names))])
        return out.getvalue()


def _filter_detail(f: TrailFilter) -> dict[str, str]:
    values = {"pengguna": f.pengguna, "nomor": f.nomor, "jenis": f.jenis,
              "dari": f.dari.isoformat() if f.dari else "",
              "sampai": f.sampai.isoformat() if f.sampai else ""}
    return {k: v for k, v in values.items() if v}


def _csv_values(row: TrailRow) -> list[Any]:
    e = row.entry
    return [e.id, as_utc(e.at).astimezone(OFFICE_TIME).strftime("%Y-%m-%d %H:%M:%S"), row.username,
            row.name, row.action, e.action, e.target, row.outcome,
            json.dumps(e.detail, ensure_ascii=False, sort_keys=True), e.address or "",
            e.prev_hash, e.row_hash]


def _cell(value: Any) -> Any:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: keep it text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# -- the page -----------------------------------------------------------------------


def action_choices() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(group, its label, [(action, label)]) for the filter's menu."""
    return [(g, text, [(a.code, a.label) for a in ACTIONS.values() if a.group == g])
            for g, text in GROUPS.items()]


@dataclass(frozen=True)
class TrailView:
    page: TrailPage
    chain: ChainStatus


def view_trail(uow: UnitOfWork, user: User, f: TrailFilter) -> TrailView:
    """The viewer's page: the rows the filter selects, and whether the chain holds (how far
    this view checked it is kept, so the next view need not check it again)."""
    with uow:
        page = search(uow.session, user, f)
        shown = [row.entry.id for row in page.rows]
        chain = chain_status(uow.session, min(shown, default=0), max(shown, default=0))
        if keep_checkpoint(uow.session, chain):
            uow.commit()
        return TrailView(page, chain)
