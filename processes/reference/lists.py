"""Reference lists: seeding them, and serving them as pick-list options."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import Unit, User
from processes.reference import seed
from processes.reference.models import ReferenceItem
from processes.reference.seed_putusan import AMAR_PUTUSAN

PERSONEL = [{"code": "POLRI", "label": "POLRI"}, {"code": "ASN", "label": "ASN (PNS Polri)"}]

#: Stage labels; the KEPP reading of Update III/IV is ours, so an office may relabel them.
TAHAP = [
    {"code": "PENCATATAN", "label": "Pencatatan"},
    {"code": "UPDATE_I", "label": "Update I (DP3D/BP3KEPP)"},
    {"code": "UPDATE_II", "label": "Update II (Putusan sidang)"},
    {"code": "UPDATE_III", "label": "Update III (Putusan banding KEPP)"},
    {"code": "UPDATE_IV", "label": "Update IV (Peninjauan kembali KEPP)"},
    {"code": "PEMUTAKHIRAN", "label": "Pemutakhiran"},
    {"code": "BUKA_KEMBALI", "label": "Pembukaan kembali (koreksi)"},
]

PEMUTAKHIRAN = [
    {"code": "BERAKHIRNYA_HUKUMAN", "label": "Berakhirnya hukuman"},
    {"code": "TIDAK_TERBUKTI", "label": "Tidak terbukti"},
    {"code": "TIDAK_BERSALAH", "label": "Tidak bersalah"},
    {"code": "DIHENTIKAN", "label": "Dihentikan"},
]

#: What a decision task decided, as the Riwayat prints it (the forms' own radio labels say
#: the verb to choose; this says what was done).
KEPUTUSAN = [
    {"code": "SETUJU", "label": "Disetujui"},
    {"code": "KEMBALIKAN", "label": "Dikembalikan untuk perbaikan"},
    {"code": "KOREKSI", "label": "Dikembalikan untuk koreksi"},
    {"code": "TOLAK", "label": "Ditolak"},
    {"code": "CABUT", "label": "SKHP dicabut"},
    {"code": "PERTAHANKAN", "label": "SKHP tetap berlaku"},
]

ALASAN_DIHENTIKAN = [
    {"code": "PERDAMAIAN_RJ", "label": "Perdamaian (RJ)"},
    {"code": "MENINGGAL", "label": "Meninggal dunia"},
    {"code": "PENSIUN", "label": "Pensiun"},
    {"code": "LAINNYA", "label": "Lainnya"},
]

PERUNTUKAN = [
    {"code": "KENAIKAN_PANGKAT", "label": "Kenaikan pangkat"},
    {"code": "PENDIDIKAN", "label": "Pendidikan"},
    {"code": "JABATAN", "label": "Jabatan"},
    {"code": "SELEKSI", "label": "Seleksi"},
    {"code": "LAINNYA", "label": "Lainnya"},
]

AGAMA = [
    {"code": c, "label": c}
    for c in ("Islam", "Kristen Protestan", "Katolik", "Hindu", "Buddha", "Konghucu")
]

#: Starting values for the awards of the rekam jejak; the office edits and adds to them.
JENIS_PENGHARGAAN = [
    {"code": "KPLB", "label": "Kenaikan Pangkat Luar Biasa"},
    {"code": "SATYALANCANA", "label": "Tanda Kehormatan Satyalancana"},
    {"code": "BINTANG_BHAYANGKARA", "label": "Tanda Kehormatan Bintang Bhayangkara"},
    {"code": "PIN_EMAS_KAPOLRI", "label": "Pin Emas Kapolri"},
    {"code": "PIAGAM_PENGHARGAAN", "label": "Piagam Penghargaan"},
    {"code": "PENDIDIKAN_LANJUTAN", "label": "Kesempatan mengikuti pendidikan lanjutan"},
    {"code": "LAINNYA", "label": "Penghargaan lainnya"},
]

#: list name used by forms -> seed rows
_SEEDED_LISTS: dict[str, list[dict]] = {
    "personel": PERSONEL,
    "pangkat": seed.PANGKAT,
    "jenis_pelanggaran": seed.JENIS_PELANGGARAN,
    "wujud_perbuatan": seed.WUJUD_PERBUATAN,
    "pasal": seed.PASAL,
    "jenis_dokumen": seed.JENIS_DOKUMEN,
    "sanksi": seed.SANKSI,
    "amar_putusan": AMAR_PUTUSAN,
    "ditangani_oleh": seed.DITANGANI_OLEH,
    "satker_mabes": seed.SATKER_MABES,
    "tahap": TAHAP,
    "pemutakhiran": PEMUTAKHIRAN,
    "keputusan": KEPUTUSAN,
    "alasan_dihentikan": ALASAN_DIHENTIKAN,
    "peruntukan": PERUNTUKAN,
    "agama": AGAMA,
    "jenis_penghargaan": JENIS_PENGHARGAAN,
}


#: What each editable list is called on the administrator's pages.
LIST_TITLES = {
    "pangkat": "Pangkat / golongan", "jenis_pelanggaran": "Jenis pelanggaran",
    "wujud_perbuatan": "Wujud perbuatan", "pasal": "Pasal yang dilanggar",
    "jenis_dokumen": "Jenis dokumen referensi", "sanksi": "Sanksi / hukuman", "amar_putusan": "Amar putusan",
    "ditangani_oleh": "Ditangani oleh", "satker_mabes": "Satker Mabes Polri penerbit",
    "tahap": "Label tahapan", "pemutakhiran": "Jenis pemutakhiran",
    "alasan_dihentikan": "Alasan dihentikan", "peruntukan": "Peruntukan", "agama": "Agama",
    "jenis_penghargaan": "Jenis penghargaan",
}

#: Every list a form field may take its choices from (`ui.fields[f].options`), by title:
#: the editable lists and those read from the accounts and units.
PICK_LISTS = {**LIST_TITLES, "personel": "Jenis personel (POLRI/ASN)", "unit": "Satuan kerja",
              "pejabat": "Pejabat (akun aktif)"}

#: Lists the administrator may edit (units have their own screen; POLRI/ASN is fixed).
EDITABLE_LISTS = tuple(name for name in _SEEDED_LISTS if name != "personel")


def seed_reference(session: Session) -> None:
    """Insert seed rows that are not there yet; never overwrite an office's edits."""
    have = set(session.execute(select(ReferenceItem.list_name, ReferenceItem.code)).all())
    for list_name, rows in _SEEDED_LISTS.items():
        for order, row in enumerate(rows, start=1):
            if (list_name, row["code"]) in have:
                continue
            attrs = {k: v for k, v in row.items() if k not in ("code", "label", "name")}
            label = row.get("label") or row["name"]
            session.add(
                ReferenceItem(
                    list_name=list_name, code=row["code"], label=label, attrs=attrs,
                    sort_order=order,
                )
            )
    _seed_units(session)


def _seed_units(session: Session) -> None:
    by_code = {u.code: u for u in session.scalars(select(Unit))}
    for row in seed.UNITS:
        if row["code"] in by_code:
            continue
        parent = by_code.get(row["parent"]) if row["parent"] else None
        path = (parent.path if parent else "/") + row["code"] + "/"
        unit = Unit(code=row["code"], name=row["name"], jenis=row["jenis"], path=path,
                    parent_id=parent.id if parent else None)
        session.add(unit)
        session.flush()
        by_code[unit.code] = unit


def options(
    session: Session, list_name: str, where: dict[str, Any] | None = None
) -> list[tuple[str, str]]:
    """Active items of a list as (code, label); `where` narrows them (see `matches`)."""
    return [(code, label) for code, label, _ in choices(session, list_name, where)]


def choices(
    session: Session, list_name: str, where: dict[str, Any] | None = None
) -> list[tuple[str, str, dict[str, Any]]]:
    """Active items of a list as (code, label, attrs), the form layer's pick lists."""
    return _fitting(_items(session, list_name), where)


#: Pick lists read from tables other than the reference items.
OWN_TABLES = frozenset({"unit", "pejabat"})


def _items(session: Session, list_name: str) -> list[tuple[str, str, dict[str, Any]]]:
    if list_name == "unit":
        # A deactivated unit is no longer offered; records that name it still show it.
        rows = session.execute(select(Unit.code, Unit.name).where(Unit.active.is_(True))
                               .order_by(Unit.path))
        return [(code, name, {}) for code, name in rows]
    if list_name == "pejabat":  # the active accounts, by user name: who may be given a read
        rows = session.execute(
            select(User.username, User.full_name, User.jabatan, Unit.name)
            .join(Unit, Unit.id == User.unit_id).where(User.is_active.is_(True))
            .order_by(Unit.path, User.full_name)
        )
        return [(login, f"{name}, {jabatan or '–'} ({unit})", {})
                for login, name, jabatan, unit in rows]
    rows = session.execute(
        select(ReferenceItem.code, ReferenceItem.label, ReferenceItem.attrs)
        .where(ReferenceItem.list_name == list_name, ReferenceItem.active.is_(True))
        .order_by(ReferenceItem.sort_order, ReferenceItem.id)
    )
    return [(code, label, attrs or {}) for code, label, attrs in rows]


def _fitting(items: list[tuple], where: dict[str, Any] | None) -> list[tuple]:
    return [item for item in items if matches(item[2], where or {})]


def matches(attrs: dict[str, Any], where: dict[str, Any]) -> bool:
    """An item fits when each attribute it has equals the wanted value (or, for a list of
    values such as a wujud perbuatan's jenis, holds it); an attribute it lacks fits all."""
    return all(_fits(attrs.get(key), value) for key, value in where.items())


def _fits(have: Any, wanted: Any) -> bool:
    if have is None:
        return True
    return wanted in have if isinstance(have, list) else have == wanted


class OptionsReader:
    """`choices` for one form's checks or page: each list is read once however many fields
    (and filters) ask for it, and the lists a form names are read in one statement."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.read: dict[str, list[tuple]] = {}

    def prefetch(self, names: list[str]) -> None:
        wanted = sorted({n for n in names if n not in self.read and n not in OWN_TABLES})
        if not wanted:
            return
        rows = self.session.execute(
            select(ReferenceItem.list_name, ReferenceItem.code, ReferenceItem.label,
                   ReferenceItem.attrs)
            .where(ReferenceItem.list_name.in_(wanted), ReferenceItem.active.is_(True))
            .order_by(ReferenceItem.sort_order, ReferenceItem.id)
        )
        for name in wanted:
            self.read[name] = []
        for list_name, code, label, attrs in rows:
            self.read[list_name].append((code, label, attrs or {}))

    def __call__(self, name: str, where: dict[str, Any] | None = None) -> list[tuple]:
        if name not in self.read:
            self.read[name] = _items(self.session, name)
        return _fitting(self.read[name], where)


def options_source(session: Session) -> OptionsReader:
    return OptionsReader(session)


def item(session: Session, list_name: str, code: str) -> ReferenceItem | None:
    return session.scalar(
        select(ReferenceItem).where(ReferenceItem.list_name == list_name, ReferenceItem.code == code)
    )


def label_of(session: Session, list_name: str, code: str) -> str:
    if list_name == "unit":
        return session.scalar(select(Unit.name).where(Unit.code == code)) or code
    found = item(session, list_name, code)
    return found.label if found else code


def labels(session: Session, list_name: str) -> dict[str, str]:
    """Every item of a list, withdrawn ones too, as code → label: what a page prints for a
    stored code."""
    if list_name == "unit":
        return dict(session.execute(select(Unit.code, Unit.name)).all())
    rows = session.execute(
        select(ReferenceItem.code, ReferenceItem.label).where(ReferenceItem.list_name == list_name)
    )
    return dict(rows.all())


class LabelBook:
    """code -> label of the lists a page prints, read in one pass for the whole page (the
    units in one statement, the reference items of every list named in another), however
    many rows it shows; a list not named is read whole when first asked for. Withdrawn
    items are in, as in `labels`; an unknown code is its own label, as in `label_of`."""

    def __init__(self, session: Session, lists: Iterable[str]) -> None:
        self.session = session
        self._named = frozenset(lists)
        self._lists: dict[str, dict[str, str]] | None = None

    def of(self, list_name: str, code: Any) -> Any:
        if self._lists is None:
            self._lists = self._read()
        if list_name not in self._lists:
            self._lists[list_name] = labels(self.session, list_name)
        return self._lists[list_name].get(code, code)

    def _read(self) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {name: {} for name in self._named}
        if "unit" in self._named:
            found["unit"] = labels(self.session, "unit")
        items = self._named - {"unit"}
        if items:
            rows = self.session.execute(
                select(ReferenceItem.list_name, ReferenceItem.code, ReferenceItem.label)
                .where(ReferenceItem.list_name.in_(sorted(items))))
            for list_name, code, label in rows:
                found[list_name][code] = label
        return found


#: Which list a stored field's code comes from, wherever the field is shown by name (the
#: audit log's details): the page prints the list's label for it.
FIELD_LISTS = {
    "pangkat": "pangkat", "unit_kerja": "unit", "kesatuan": "unit",
    "jenis_pelanggaran": "jenis_pelanggaran", "wujud_perbuatan": "wujud_perbuatan",
    "pasal": "pasal", "ditangani_oleh": "ditangani_oleh", "limpah": "ditangani_oleh",
    "dokumen_penerbit": "satker_mabes",
    "hukuman": "sanksi", "jenis_pemutakhiran": "pemutakhiran",
    "alasan_dihentikan": "alasan_dihentikan", "tahap": "tahap", "peruntukan": "peruntukan",
    "jenis": "jenis_dokumen", "jenis_penghargaan": "jenis_penghargaan",
}


def field_labels(session: Session) -> dict[str, dict[str, str]]:
    """code → label for each field of FIELD_LISTS, each list read once."""
    by_list = {name: labels(session, name) for name in set(FIELD_LISTS.values())}
    return {field: by_list[name] for field, name in FIELD_LISTS.items()}
