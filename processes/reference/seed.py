"""Reference pick-list data that E-CATPERS seeds into its lookup tables.

This module owns the *initial content* of the editable reference lists
(satuan kerja, pangkat, jenis pelanggaran, wujud perbuatan, pasal, jenis
dokumen, sanksi, ditangani oleh). It is pure data: no database access, no
Flask, standard library only. The seeder copies these rows into the
pick-list tables once; after that an office edits them through the settings
(CRUD) screens, so nothing here is a hard-coded business rule.

Source of truth: ``shared/domain/reference.md`` and the Polda Kalteng
presentation of the app. Entries the reference marks as assumed (for example
the KUHP selection) are starting values only.
"""

from __future__ import annotations

from processes.reference.seed_legal import PASAL, SANKSI

# ---------------------------------------------------------------------------
# Satuan kerja (units)
# ---------------------------------------------------------------------------

ROOT_UNIT_CODE = "POLDA-KALTENG"


def _slug(name: str) -> str:
    """Upper-case, hyphen-separated code fragment from a unit name."""
    return "-".join(name.upper().split())


_POLRES_NAMES: list[str] = [
    "Polresta Palangka Raya",
    "Polres Kotawaringin Barat",
    "Polres Kotawaringin Timur",
    "Polres Kapuas",
    "Polres Barito Selatan",
    "Polres Barito Utara",
    "Polres Barito Timur",
    "Polres Murung Raya",
    "Polres Pulang Pisau",
    "Polres Katingan",
    "Polres Seruyan",
    "Polres Gunung Mas",
    "Polres Lamandau",
    "Polres Sukamara",
]

_SATKER_NAMES: list[str] = [
    "Itwasda",
    "Roops",
    "Rorena",
    "Ro SDM",
    "Rolog",
    "Bidpropam",
    "Bidhumas",
    "Bidkum",
    "Bid TIK",
    "SPKT",
    "Ditintelkam",
    "Ditreskrimum",
    "Ditreskrimsus",
    "Ditresnarkoba",
    "Ditbinmas",
    "Ditsamapta",
    "Ditlantas",
    "Ditpamobvit",
    "Ditpolairud",
    "Dittahti",
    "Satbrimob",
    "SPN",
    "Bidkeu",
    "Biddokkes",
]

UNITS: list[dict] = [
    {
        "code": ROOT_UNIT_CODE,
        "name": "Polda Kalimantan Tengah",
        "parent": None,
        "jenis": "POLDA",
    },
    *(
        {
            "code": _slug(name),
            "name": name,
            "parent": ROOT_UNIT_CODE,
            "jenis": "POLRES",
        }
        for name in _POLRES_NAMES
    ),
    *(
        {
            "code": "SATKER-" + "".join(name.upper().split()),
            "name": name,
            "parent": ROOT_UNIT_CODE,
            "jenis": "SATKER",
        }
        for name in _SATKER_NAMES
    ),
]

# ---------------------------------------------------------------------------
# Pangkat (ranks), highest first
# ---------------------------------------------------------------------------

# (code, name, group) for Polri members, highest first.
_POLRI_RANKS: list[tuple[str, str, str]] = [
    ("JENDERAL", "Jenderal Polisi (Jenderal Pol)", "PATI"),
    ("KOMJEN", "Komisaris Jenderal Polisi (Komjen Pol)", "PATI"),
    ("IRJEN", "Inspektur Jenderal Polisi (Irjen Pol)", "PATI"),
    ("BRIGJEN", "Brigadir Jenderal Polisi (Brigjen Pol)", "PATI"),
    ("KOMBES", "Komisaris Besar Polisi (Kombes Pol)", "PAMEN"),
    ("AKBP", "Ajun Komisaris Besar Polisi (AKBP)", "PAMEN"),
    ("KOMPOL", "Komisaris Polisi (Kompol)", "PAMEN"),
    ("AKP", "Ajun Komisaris Polisi (AKP)", "PAMA"),
    ("IPTU", "Inspektur Polisi Satu (IPTU)", "PAMA"),
    ("IPDA", "Inspektur Polisi Dua (IPDA)", "PAMA"),
    ("AIPTU", "Ajun Inspektur Polisi Satu (AIPTU)", "BINTARA"),
    ("AIPDA", "Ajun Inspektur Polisi Dua (AIPDA)", "BINTARA"),
    ("BRIPKA", "Brigadir Polisi Kepala (BRIPKA)", "BINTARA"),
    ("BRIGPOL", "Brigadir Polisi (BRIGPOL)", "BINTARA"),
    ("BRIPTU", "Brigadir Polisi Satu (BRIPTU)", "BINTARA"),
    ("BRIPDA", "Brigadir Polisi Dua (BRIPDA)", "BINTARA"),
    ("ABRIP", "Ajun Brigadir Polisi (ABRIP)", "TAMTAMA"),
    ("ABRIPTU", "Ajun Brigadir Polisi Satu (ABRIPTU)", "TAMTAMA"),
    ("ABRIPDA", "Ajun Brigadir Polisi Dua (ABRIPDA)", "TAMTAMA"),
    ("BHARAKA", "Bhayangkara Kepala (BHARAKA)", "TAMTAMA"),
    ("BHARATU", "Bhayangkara Satu (BHARATU)", "TAMTAMA"),
    ("BHARADA", "Bhayangkara Dua (BHARADA)", "TAMTAMA"),
]

# (golongan, ruang, name) for ASN, highest first.
_ASN_GOLONGAN: list[tuple[str, str, str]] = [
    ("IV", "e", "Pembina Utama"),
    ("IV", "d", "Pembina Utama Madya"),
    ("IV", "c", "Pembina Utama Muda"),
    ("IV", "b", "Pembina Tk I"),
    ("IV", "a", "Pembina"),
    ("III", "d", "Penata Tk I"),
    ("III", "c", "Penata"),
    ("III", "b", "Penata Muda Tk I"),
    ("III", "a", "Penata Muda"),
    ("II", "d", "Pengatur Tk I"),
    ("II", "c", "Pengatur"),
    ("II", "b", "Pengatur Muda Tk I"),
    ("II", "a", "Pengatur Muda"),
    ("I", "d", "Juru Tk I"),
    ("I", "c", "Juru"),
    ("I", "b", "Juru Muda Tk I"),
    ("I", "a", "Juru Muda"),
]

PANGKAT: list[dict] = [
    {
        "code": code,
        "name": name,
        "group": group,
        "personel": "POLRI",
        "golongan": None,
        "order": index,
    }
    for index, (code, name, group) in enumerate(_POLRI_RANKS, start=1)
] + [
    {
        "code": f"{golongan}/{ruang}",
        "name": f"{name} ({golongan}/{ruang})",
        "group": "PNS",
        "personel": "ASN",
        "golongan": golongan,
        "order": index,
    }
    for index, (golongan, ruang, name) in enumerate(_ASN_GOLONGAN, start=len(_POLRI_RANKS) + 1)
]

# ---------------------------------------------------------------------------
# Jenis pelanggaran
# ---------------------------------------------------------------------------

JENIS_PELANGGARAN: list[dict] = [
    {"code": "DISIPLIN", "label": "Disiplin"},
    {"code": "KEPP", "label": "Kode Etik (KEPP)"},
    {"code": "PIDANA", "label": "Pidana"},
]

# ---------------------------------------------------------------------------
# Wujud perbuatan
# ---------------------------------------------------------------------------

#: (label, the jenis pelanggaran it may be recorded under: D disiplin, K kode etik, P pidana).
#: Starting values: an office changes them on the reference screen.
_WUJUD: list[tuple[str, str]] = [
    ("Desersi", "DK"),
    ("Tidak masuk dinas tanpa keterangan", "DK"),
    ("Narkoba (pemakai)", "KP"),
    ("Narkoba (pengedar)", "KP"),
    ("KDRT", "KP"),
    ("Asusila", "DKP"),
    ("Perselingkuhan", "DK"),
    ("Perzinahan", "KP"),
    ("Nikah siri", "DK"),
    ("Istri lebih dari satu", "DK"),
    ("Cerai tanpa izin", "DK"),
    ("Judi", "DKP"),
    ("Mabuk miras", "DK"),
    ("Penganiayaan", "KP"),
    ("Pemukulan", "DKP"),
    ("Pengeroyokan", "KP"),
    ("Pengancaman", "KP"),
    ("Pemerasan", "KP"),
    ("Pungli", "DKP"),
    ("Gratifikasi", "KP"),
    ("Korupsi", "KP"),
    ("Penyalahgunaan anggaran", "DKP"),
    ("Penggelapan", "KP"),
    ("Penipuan", "KP"),
    ("Pencurian", "KP"),
    ("Hutang piutang", "DK"),
    ("Ingkar janji", "DK"),
    ("Arogansi", "DK"),
    ("Penyalahgunaan wewenang", "DKP"),
    ("Penyalahgunaan media sosial", "DKP"),
    ("Lalai dalam tugas", "DK"),
    ("Laka lantas", "DKP"),
    ("Mengeluarkan tahanan tidak sesuai prosedur", "DK"),
    ("Tahanan kabur", "DK"),
    ("Tidak profesional menangani perkara", "DK"),
]
_JENIS_LETTER = {"D": "DISIPLIN", "K": "KEPP", "P": "PIDANA"}


def _snake(label: str) -> str:
    """Upper snake code from a label: letters and digits only."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in label.upper())
    return "_".join(cleaned.split())


WUJUD_PERBUATAN: list[dict] = [
    {"code": _snake(label), "label": label, "jenis": [_JENIS_LETTER[c] for c in letters]}
    for label, letters in _WUJUD
]

# ---------------------------------------------------------------------------
# Jenis dokumen referensi
# ---------------------------------------------------------------------------

JENIS_DOKUMEN: list[dict] = [
    {"code": "LAPORAN_POLISI", "label": "Laporan Polisi"},
    {"code": "SURAT_PERINTAH", "label": "Surat Perintah"},
    {"code": "NOTA_DINAS", "label": "Nota Dinas"},
    {"code": "SURAT_TELEGRAM", "label": "Surat Telegram"},
    {"code": "DP3D", "label": "DP3D"},
    {"code": "BP3KEPP", "label": "BP3KEPP"},
    {"code": "PUTUSAN_SIDANG", "label": "Putusan Sidang/KHD"},
    {"code": "PUTUSAN_PENGADILAN", "label": "Putusan Pengadilan"},
    {"code": "SURAT_PERMOHONAN", "label": "Surat Permohonan"},
    {"code": "LAINNYA", "label": "Lainnya"},
]

# ---------------------------------------------------------------------------
# Ditangani oleh / limpah
# ---------------------------------------------------------------------------

DITANGANI_OLEH: list[dict] = [
    {"code": "POLDA", "label": "Polda"},
    {"code": "MABES", "label": "Mabes Polri"},
]

#: Who at Mabes Polri issues the putusan or letter of a record Mabes handles (the Polda
#: still records it): the administrator adds or relabels units.
SATKER_MABES: list[dict] = [
    {"code": "DIVPROPAM", "label": "Divpropam Polri"},
    {"code": "ROPAMINAL", "label": "Ropaminal Divpropam Polri"},
    {"code": "ROPROVOS", "label": "Roprovos Divpropam Polri"},
    {"code": "ROWABPROF", "label": "Rowabprof Divpropam Polri"},
    {"code": "BARESKRIM", "label": "Bareskrim Polri"},
    {"code": "ITWASUM", "label": "Itwasum Polri"},
]

# Every seeded list by name, for the seeder and for checks over all lists.
REFERENCE_LISTS: dict[str, list[dict]] = {
    "UNITS": UNITS,
    "PANGKAT": PANGKAT,
    "JENIS_PELANGGARAN": JENIS_PELANGGARAN,
    "WUJUD_PERBUATAN": WUJUD_PERBUATAN,
    "PASAL": PASAL,
    "JENIS_DOKUMEN": JENIS_DOKUMEN,
    "SANKSI": SANKSI,
    "DITANGANI_OLEH": DITANGANI_OLEH,
}
