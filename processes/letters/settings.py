"""Office settings with their defaults (letter numbers, place, who signs, where QR links go),
and the administrator's use case that changes them."""

from __future__ import annotations

import os
import string

from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import User
from processes.db import audit
from processes.db.audit_actions import UBAH_PENGATURAN
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.letters.models import OfficeSetting

NUMBER_FIELDS = {"n", "bulan", "tahun"}

DEFAULTS = {
    "format_nomor_skhp": "SKHP/{n}/{bulan}/{tahun}/LITPERS",
    "format_nomor_rekam_jejak": "R/RJ-{n}/{bulan}/{tahun}/LITPERS",
    "tempat_surat": "Palangka Raya",
    "kepada_default": "Karo SDM Polda Kalteng",
    # The address QR codes point to; set it (or ECATPERS_PUBLIC_URL) before issuing letters.
    "alamat_verifikasi": os.environ.get("ECATPERS_PUBLIC_URL", "http://127.0.0.1:5000"),
    "dasar_1": (
        "Peraturan Kepala Divisi Profesi dan Pengamanan Polri Nomor 1 Tahun 2016 tentang "
        "Standar Operasional Prosedur Catatan Personel bagi Pegawai Negeri pada Kepolisian "
        "Negara Republik Indonesia."
    ),
    "dasar_2": (
        "Peraturan Kepolisian Negara Republik Indonesia Nomor 7 Tahun 2022 tentang Kode Etik "
        "Profesi dan Komisi Kode Etik Kepolisian Negara Republik Indonesia."
    ),
    "masa_berlaku_skhp_bulan": "6",
}


def get(session: Session, key: str) -> str:
    row = session.get(OfficeSetting, key)
    return row.value if row is not None else DEFAULTS[key]


def put(session: Session, key: str, value: str) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(OfficeSetting, key)
    if row is None:
        session.add(OfficeSetting(key=key, value=value))
    else:
        row.value = value


def check_number_format(pattern: str) -> str | None:
    fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    if "n" not in fields:
        return "Format nomor harus memuat {n} (nomor urut)."
    if fields - NUMBER_FIELDS:
        return "Format nomor hanya boleh memakai {n}, {bulan} dan {tahun}."
    return None


def update_settings(uow: UnitOfWork, admin: User, values: dict[str, str]) -> None:
    require_admin(admin)
    for key in ("format_nomor_skhp", "format_nomor_rekam_jejak"):
        problem = check_number_format(values.get(key, "")) if key in values else None
        if problem:
            raise Refused(problem)
    if "masa_berlaku_skhp_bulan" in values and not values["masa_berlaku_skhp_bulan"].isdigit():
        raise Refused("Masa berlaku SKHP harus berupa jumlah bulan.")
    with uow:
        before = current_settings(uow.session)
        for key, value in values.items():
            if key in DEFAULTS and value.strip():
                put(uow.session, key, value.strip())
        audit.record_change(uow.session, UBAH_PENGATURAN, user_id=admin.id,
                            target="pengaturan_kantor", before=before,
                            after=current_settings(uow.session))
        uow.commit()


def current_settings(session: Session) -> dict[str, str]:
    return {key: get(session, key) for key in DEFAULTS}
