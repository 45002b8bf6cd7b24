"""Reading the personnel master data: what CEK fills a form with, and a person's history.

CEK answers only from `personnel`, never from `person` or `record`, so it says nothing
about whether the person has a catpers.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.accounts.models import Unit
from processes.records.personnel_models import Personnel, PersonnelChange
from processes.reference import lists

#: The form fields CEK may fill, each from the master data's field of the same meaning.
FILLED = ("personel", "nama", "pangkat", "jabatan", "unit", "jenis_kelamin", "tempat_lahir",
          "tanggal_lahir", "agama")
#: How the history names each field of the master data.
FIELD_LABELS = {
    "personel": "POLRI/ASN", "nama": "Nama", "pangkat": "Pangkat/golongan", "jabatan": "Jabatan",
    "unit_id": "Satuan kerja", "tempat_lahir": "Tempat lahir", "tanggal_lahir": "Tanggal lahir",
    "jenis_kelamin": "Jenis kelamin", "agama": "Agama",
}


def identity_on_file(session: Session, nomor: str) -> dict[str, Any] | None:
    """The identity the master data holds for an NRP/NIP, with labels, or None."""
    row = session.execute(
        select(Personnel, Unit.code, Unit.name).join(Unit, Unit.id == Personnel.unit_id)
        .where(Personnel.nomor_identitas == nomor.strip())
    ).first()
    if row is None:
        return None
    person, unit_code, unit_name = row
    return {
        "personel": person.personel, "nama": person.nama, "pangkat": person.pangkat,
        "pangkat_label": lists.label_of(session, "pangkat", person.pangkat),
        "jabatan": person.jabatan, "unit": unit_code, "unit_label": unit_name,
        "jenis_kelamin": person.jenis_kelamin or "", "tempat_lahir": person.tempat_lahir,
        "tanggal_lahir": person.tanggal_lahir.isoformat() if person.tanggal_lahir else "",
        "agama": person.agama,
    }


def same_name(typed: str, on_file: str) -> bool:
    """Names agree when they differ only in case, spacing and punctuation around words."""
    return _name_key(typed) == _name_key(on_file)


def _name_key(name: str) -> str:
    return " ".join("".join(c for c in word if c.isalnum()) for word in name.casefold().split())


def name_warning(typed: str, identity: dict[str, Any] | None) -> str | None:
    """The warning CEK gives when a typed name is not the one on file (issue: a form entry
    must not pass for someone else)."""
    if identity is None or not typed.strip() or same_name(typed, identity["nama"]):
        return None
    return (f"Nama yang diketik ({typed.strip()}) berbeda dengan nama pada data induk "
            f"({identity['nama']}); periksa kembali.")


def history(session: Session, nomor: str) -> list[PersonnelChange]:
    """Every change the master data of one NRP/NIP went through, newest first."""
    return list(session.scalars(
        select(PersonnelChange).join(Personnel, Personnel.id == PersonnelChange.personnel_id)
        .where(Personnel.nomor_identitas == nomor.strip())
        .order_by(PersonnelChange.changed_at.desc(), PersonnelChange.id.desc())
    ))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Personnel)) or 0
