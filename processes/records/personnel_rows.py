"""Checking the rows of a personnel import, one by one, against the office's rules: the
NRP/NIP rules of `identity`, a known pangkat that fits POLRI or ASN, a known active unit,
real dates, a known agama. Each bad row gets every reason it is refused, in Indonesian.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import Unit
from processes.records.identity import check_identity, nip_birth_date, nip_gender
from processes.reference import lists

#: The template's columns: key and the header an office reads (either is accepted).
COLUMNS = (
    ("nomor_identitas", "NRP/NIP"), ("nama", "Nama"), ("pangkat", "Pangkat/golongan"),
    ("jabatan", "Jabatan"), ("satuan", "Satuan kerja"), ("tempat_lahir", "Tempat lahir"),
    ("tanggal_lahir", "Tanggal lahir"), ("jenis_kelamin", "Jenis kelamin (L/P)"),
    ("agama", "Agama"),
)
REQUIRED = ("nomor_identitas", "nama", "pangkat", "jabatan", "satuan")
_GENDER = {"L": "L", "P": "P", "LAKI-LAKI": "L", "PEREMPUAN": "P", "PRIA": "L", "WANITA": "P"}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass
class BadRow:
    row: int  # the row's number in the file, header = 1
    nomor: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class References:
    """What a row is checked against, read once per import."""

    pangkat: dict[str, tuple[str, str]]  # code or label (upper) -> (code, personel)
    units: dict[str, int]  # code or name (upper) -> id, active units only
    agama: dict[str, str]  # upper -> code

    @classmethod
    def read(cls, session: Session) -> References:
        pangkat: dict[str, tuple[str, str]] = {}
        for code, label, attrs in lists.choices(session, "pangkat"):
            found = (code, attrs.get("personel") or "")
            pangkat[code.upper()] = pangkat[label.upper()] = found
        units: dict[str, int] = {}
        for unit_id, code, name in session.execute(
                select(Unit.id, Unit.code, Unit.name).where(Unit.active.is_(True))):
            units[code.upper()] = units[name.upper()] = unit_id
        agama = {code.upper(): code for code, _ in lists.options(session, "agama")}
        return cls(pangkat, units, agama)


def header_keys(header: list[Any]) -> dict[str, int]:
    """Column key -> position, from a header row of keys or labels."""
    names = {key.lower(): key for key, _ in COLUMNS} | {label.lower(): key for key, label in COLUMNS}
    found = {}
    for position, cell in enumerate(header):
        key = names.get(str(cell or "").strip().lower())
        if key and key not in found:
            found[key] = position
    return found


def text(value: Any, limit: int = 200) -> str:
    if value is None:
        return ""
    if type(value) is str:  # the common case, kept quick: 100,000 rows × 9 cells
        return " ".join(value.split())[:limit]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())[:limit]


def _number(value: Any, reasons: list[str]) -> str:
    # A spreadsheet keeps a number typed into a cell as a float: exact up to 15 digits (an
    # NRP), not for 18 (a NIP, whose last digits are lost).
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        reasons.append("NRP/NIP tersimpan sebagai angka pecahan (digit bisa hilang); "
                       "format kolomnya sebagai Teks.")
        return text(value)
    return text(value, 30)


def _date(value: Any, reasons: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value, 30)
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, form).date()
        except ValueError:
            continue
    reasons.append(f"Tanggal lahir '{raw}' bukan tanggal yang valid (TTTT-BB-HH atau HH-BB-TTTT).")
    return None


def check_row(cells: dict[str, Any], refs: References, today: dt.date) -> tuple[dict, list[str]]:
    """The row's values as the table stores them, and every reason it is refused."""
    reasons: list[str] = []
    nomor = _number(cells.get("nomor_identitas"), reasons)
    personel = {8: "POLRI", 18: "ASN"}.get(len(nomor), "")
    gender_raw = text(cells.get("jenis_kelamin")).upper()
    gender = _GENDER.get(gender_raw)
    if gender_raw and gender is None:
        reasons.append(f"Jenis kelamin '{gender_raw}' tidak dikenal; tulis L atau P.")
    if not personel:
        reasons.append("NRP harus 8 digit atau NIP 18 digit angka.")
    else:
        reasons += check_identity(personel, nomor, gender).errors
    if personel == "ASN" and gender is None:
        gender = nip_gender(nomor)
    values = {"nomor_identitas": nomor, "personel": personel, "jenis_kelamin": gender}
    for key, limit in (("nama", 120), ("jabatan", 120), ("tempat_lahir", 80)):
        values[key] = text(cells.get(key), 1000)
        if len(values[key]) > limit:
            reasons.append(f"{_label(key)} paling banyak {limit} karakter.")
    for key in REQUIRED:
        if key != "nomor_identitas" and not text(cells.get(key)):
            reasons.append(f"{_label(key)} wajib diisi.")
    pangkat_raw = text(cells.get("pangkat"))
    pangkat = refs.pangkat.get(pangkat_raw.upper())
    if pangkat_raw and pangkat is None:
        reasons.append(f"Pangkat/golongan '{pangkat_raw}' tidak dikenal.")
    elif pangkat and personel and pangkat[1] and pangkat[1] != personel:
        kind = "Polri" if pangkat[1] == "POLRI" else "ASN"
        reasons.append(f"Pangkat/golongan {pangkat[0]} untuk {kind}, tidak cocok dengan "
                       f"{'NRP' if personel == 'POLRI' else 'NIP'} ini.")
    values["pangkat"] = pangkat[0] if pangkat else ""
    unit_raw = text(cells.get("satuan"))
    values["unit_id"] = refs.units.get(unit_raw.upper())
    if unit_raw and values["unit_id"] is None:
        reasons.append(f"Satuan kerja '{unit_raw}' tidak dikenal atau tidak aktif.")
    born = _date(cells.get("tanggal_lahir"), reasons)
    if born and born > today:
        reasons.append("Tanggal lahir tidak boleh melewati hari ini.")
    if born and personel == "ASN" and nip_birth_date(nomor) not in (None, born):
        reasons.append("Tanggal lahir berbeda dengan tanggal lahir pada NIP.")
    values["tanggal_lahir"] = born or (nip_birth_date(nomor) if personel == "ASN" else None)
    agama_raw = text(cells.get("agama"))
    values["agama"] = refs.agama.get(agama_raw.upper(), "")
    if agama_raw and not values["agama"]:
        reasons.append(f"Agama '{agama_raw}' tidak dikenal.")
    return values, reasons


def _label(key: str) -> str:
    return dict(COLUMNS)[key]
