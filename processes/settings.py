"""Office settings with their defaults: letter numbers, place, who signs, where QR links go."""

from __future__ import annotations

import os

from sqlalchemy.orm import Session

from .access_models import OfficeSetting

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
