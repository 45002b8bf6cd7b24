"""Office settings with their defaults (letter numbers, place, who signs, where QR links go),
and the administrator's use case that changes them."""

from __future__ import annotations

import ipaddress
import os
import string
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import User
from processes.db import audit
from processes.db.audit_actions import UBAH_PENGATURAN
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.letters import signing
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


class LocalAddress(Refused):
    """A letter refused because its QR code would point at a local address."""


#: Why no letter is issued while its QR code would point at this computer only.
LOCAL_ADDRESS = (
    "Surat tidak dapat diterbitkan: alamat verifikasi ({alamat}) adalah alamat lokal, sehingga "
    "kode QR pada surat tidak dapat dibuka oleh penerima. Administrator perlu mengisi alamat "
    "situs publik kantor pada Pengaturan kantor (atau ECATPERS_PUBLIC_URL)."
)


def is_local_address(url: str) -> bool:
    """True for an address only this computer reaches: localhost, a loopback or an
    unspecified IP, or no host at all."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def local_address_problem(session: Session, demo: bool) -> str | None:
    """The reason letters are refused while the verification address is a local one; a demo
    (signed with the demo key) may use it."""
    address = get(session, "alamat_verifikasi")
    if demo or not is_local_address(address):
        return None
    return LOCAL_ADDRESS.format(alamat=address)


def address_warning(session: Session) -> str | None:
    """What the settings page tells the administrator while letters would be refused for a
    local verification address under this app's signing key."""
    key = signing.configured()
    return local_address_problem(session, demo=bool(key and key.demo))
