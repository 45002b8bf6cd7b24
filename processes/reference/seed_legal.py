"""Seed rows taken from the regulations: the pasal a record may cite and the sanctions
(hukuman) a putusan may impose, each scoped to its jenis pelanggaran and personel.

Pure data, like `seed`; an office extends or relabels these through the reference screens.
"""

from __future__ import annotations

import string

from processes.reference.seed_putusan import LAMA_SANKSI

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
    # An acquittal (bebas/lepas) is an amar putusan, not a sanction (`seed_putusan`).
]
SANKSI = [{**row, **LAMA_SANKSI.get(row["code"], {})} for row in SANKSI]
