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

import string

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

_WUJUD_LABELS: list[str] = [
    "Desersi",
    "Tidak masuk dinas tanpa keterangan",
    "Narkoba (pemakai)",
    "Narkoba (pengedar)",
    "KDRT",
    "Asusila",
    "Perselingkuhan",
    "Perzinahan",
    "Nikah siri",
    "Istri lebih dari satu",
    "Cerai tanpa izin",
    "Judi",
    "Mabuk miras",
    "Penganiayaan",
    "Pemukulan",
    "Pengeroyokan",
    "Pengancaman",
    "Pemerasan",
    "Pungli",
    "Gratifikasi",
    "Korupsi",
    "Penyalahgunaan anggaran",
    "Penggelapan",
    "Penipuan",
    "Pencurian",
    "Hutang piutang",
    "Ingkar janji",
    "Arogansi",
    "Penyalahgunaan wewenang",
    "Penyalahgunaan media sosial",
    "Lalai dalam tugas",
    "Laka lantas",
    "Mengeluarkan tahanan tidak sesuai prosedur",
    "Tahanan kabur",
    "Tidak profesional menangani perkara",
]


def _snake(label: str) -> str:
    """Upper snake code from a label: letters and digits only."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in label.upper())
    return "_".join(cleaned.split())


WUJUD_PERBUATAN: list[dict] = [{"code": _snake(label), "label": label} for label in _WUJUD_LABELS]

# ---------------------------------------------------------------------------
# Pasal yang dilanggar
# ---------------------------------------------------------------------------


def _huruf(last: str) -> list[str]:
    """Letters 'a' up to and including ``last``."""
    return list(string.ascii_lowercase[: string.ascii_lowercase.index(last) + 1])


def _pasal_huruf(
    prefix: str,
    title: str,
    pasal: int,
    last: str,
    nature: str,
    jenis: str,
    personel: str | None,
) -> list[dict]:
    return [
        {
            "code": f"{prefix}-P{pasal}-{letter}",
            "label": f"{title} Pasal {pasal} huruf {letter} ({nature})",
            "jenis": jenis,
            "personel": personel,
        }
        for letter in _huruf(last)
    ]


# PP 2/2003 (disiplin anggota Polri): Pasal 3-4 kewajiban, Pasal 5-6 larangan.
_PP2_2003: list[dict] = [
    row
    for pasal, last, nature in [
        (3, "j", "kewajiban"),
        (4, "o", "kewajiban"),
        (5, "j", "larangan"),
        (6, "x", "larangan"),
    ]
    for row in _pasal_huruf("PP2-2003", "PP 2/2003", pasal, last, nature, "DISIPLIN", "POLRI")
]

# Perpol 7/2022 (KEPP): Pasal 4-8 kewajiban, Pasal 9-13 larangan.
_PERPOL_7_2022: list[dict] = [
    {
        "code": f"PERPOL7-2022-P{pasal}",
        "label": (f"Perpol 7/2022 Pasal {pasal} ({'kewajiban' if pasal <= 8 else 'larangan'})"),
        "jenis": "KEPP",
        "personel": "POLRI",
    }
    for pasal in range(4, 14)
]

# PP 94/2021 (disiplin ASN): Pasal 3-4 kewajiban, Pasal 5 larangan.
_PP94_2021: list[dict] = [
    row
    for pasal, last, nature in [
        (3, "h", "kewajiban"),
        (4, "i", "kewajiban"),
        (5, "n", "larangan"),
    ]
    for row in _pasal_huruf("PP94-2021", "PP 94/2021", pasal, last, nature, "DISIPLIN", "ASN")
]

# Common criminal provisions (starting set; an office extends it as needed).
_PIDANA: list[dict] = [
    {"code": code, "label": label, "jenis": "PIDANA", "personel": None}
    for code, label in [
        ("KUHP-170", "KUHP Pasal 170 (kekerasan bersama/pengeroyokan)"),
        ("KUHP-263", "KUHP Pasal 263 (pemalsuan surat)"),
        ("KUHP-284", "KUHP Pasal 284 (perzinahan)"),
        ("KUHP-303", "KUHP Pasal 303 (perjudian)"),
        ("KUHP-351", "KUHP Pasal 351 (penganiayaan)"),
        ("KUHP-362", "KUHP Pasal 362 (pencurian)"),
        ("KUHP-368", "KUHP Pasal 368 (pemerasan)"),
        ("KUHP-372", "KUHP Pasal 372 (penggelapan)"),
        ("KUHP-374", "KUHP Pasal 374 (penggelapan dalam jabatan)"),
        ("KUHP-378", "KUHP Pasal 378 (penipuan)"),
        ("UU23-2004-P44", "UU 23/2004 (PKDRT) Pasal 44 (kekerasan fisik)"),
        ("UU35-2009-P112", "UU 35/2009 (Narkotika) Pasal 112 (memiliki/menguasai)"),
        ("UU35-2009-P114", "UU 35/2009 (Narkotika) Pasal 114 (mengedarkan)"),
        ("UU35-2009-P127", "UU 35/2009 (Narkotika) Pasal 127 (penyalah guna)"),
        ("UU31-1999-P2", "UU 31/1999 jo. UU 20/2001 (Tipikor) Pasal 2"),
        ("UU31-1999-P3", "UU 31/1999 jo. UU 20/2001 (Tipikor) Pasal 3"),
        ("UU31-1999-P12B", "UU 31/1999 jo. UU 20/2001 (Tipikor) Pasal 12B (gratifikasi)"),
    ]
]

PASAL: list[dict] = _PP2_2003 + _PERPOL_7_2022 + _PP94_2021 + _PIDANA

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
# Sanksi / hukuman / putusan
# ---------------------------------------------------------------------------


def _sanksi(jenis: str, personel: str | None, sifat: str, rows: list[tuple[str, str]]) -> list[dict]:
    return [
        {
            "code": code,
            "label": label,
            "jenis": jenis,
            "personel": personel,
            "sifat": sifat,
        }
        for code, label in rows
    ]


SANKSI: list[dict] = [
    # Hukuman disiplin anggota Polri (PP 2/2003).
    *_sanksi(
        "DISIPLIN",
        "POLRI",
        "HUKUMAN_DISIPLIN",
        [
            ("DISIPLIN_TEGURAN_TERTULIS", "Teguran tertulis"),
            (
                "DISIPLIN_TUNDA_PENDIDIKAN",
                "Penundaan mengikuti pendidikan paling lama 1 tahun",
            ),
            ("DISIPLIN_TUNDA_KGB", "Penundaan kenaikan gaji berkala"),
            (
                "DISIPLIN_TUNDA_PANGKAT",
                "Penundaan kenaikan pangkat paling lama 1 tahun",
            ),
            ("DISIPLIN_DEMOSI", "Mutasi yang bersifat demosi"),
            ("DISIPLIN_BEBAS_JABATAN", "Pembebasan dari jabatan"),
            (
                "DISIPLIN_PATSUS",
                "Penempatan dalam tempat khusus (patsus) paling lama 21 hari",
            ),
        ],
    ),
    # Hukuman disiplin ASN (PP 94/2021), by tingkat ringan/sedang/berat.
    *_sanksi(
        "DISIPLIN",
        "ASN",
        "RINGAN",
        [
            ("ASN_TEGURAN_LISAN", "Teguran lisan"),
            ("ASN_TEGURAN_TERTULIS", "Teguran tertulis"),
            ("ASN_PERNYATAAN_TIDAK_PUAS", "Pernyataan tidak puas secara tertulis"),
        ],
    ),
    *_sanksi(
        "DISIPLIN",
        "ASN",
        "SEDANG",
        [
            (
                "ASN_POTONG_TUKIN_6",
                "Pemotongan tunjangan kinerja 25% selama 6 bulan",
            ),
            (
                "ASN_POTONG_TUKIN_9",
                "Pemotongan tunjangan kinerja 25% selama 9 bulan",
            ),
            (
                "ASN_POTONG_TUKIN_12",
                "Pemotongan tunjangan kinerja 25% selama 12 bulan",
            ),
        ],
    ),
    *_sanksi(
        "DISIPLIN",
        "ASN",
        "BERAT",
        [
            (
                "ASN_TURUN_JABATAN",
                "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
            ),
            (
                "ASN_BEBAS_JABATAN_PELAKSANA",
                "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan",
            ),
            (
                "ASN_PDHTAPS",
                "Pemberhentian dengan hormat tidak atas permintaan sendiri",
            ),
        ],
    ),
    # Sanksi KEPP (Perpol 7/2022): etika.
    *_sanksi(
        "KEPP",
        "POLRI",
        "ETIKA",
        [
            ("KEPP_PERBUATAN_TERCELA", "Perilaku pelanggar dinyatakan perbuatan tercela"),
            ("KEPP_MEMINTA_MAAF", "Kewajiban meminta maaf secara lisan dan/atau tertulis"),
            (
                "KEPP_PEMBINAAN",
                "Pembinaan rohani, mental, dan pengetahuan profesi (1 bulan)",
            ),
        ],
    ),
    # Sanksi KEPP (Perpol 7/2022): administratif.
    *_sanksi(
        "KEPP",
        "POLRI",
        "ADMINISTRATIF",
        [
            ("KEPP_DEMOSI", "Mutasi bersifat demosi paling singkat 1 tahun"),
            ("KEPP_TUNDA_PANGKAT", "Penundaan kenaikan pangkat 1-3 tahun"),
            ("KEPP_TUNDA_PENDIDIKAN", "Penundaan pendidikan 1-3 tahun"),
            (
                "KEPP_PATSUS",
                "Penempatan pada tempat khusus (patsus) paling lama 30 hari kerja",
            ),
            ("KEPP_PTDH", "Pemberhentian tidak dengan hormat (PTDH)"),
        ],
    ),
    # Putusan pengadilan (pidana).
    *_sanksi(
        "PIDANA",
        None,
        "PIDANA",
        [
            ("PIDANA_PENJARA", "Pidana penjara"),
            ("PIDANA_BERSYARAT", "Pidana bersyarat"),
        ],
    ),
    *_sanksi("PIDANA", None, "BEBAS", [("PIDANA_BEBAS_LEPAS", "Bebas/lepas")]),
]

# ---------------------------------------------------------------------------
# Ditangani oleh / limpah
# ---------------------------------------------------------------------------

DITANGANI_OLEH: list[dict] = [
    {"code": "POLDA", "label": "Polda"},
    {"code": "MABES", "label": "Mabes Polri"},
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
