"""Seed rows of a putusan's shape: its amar (sanction, bebas, lepas, tidak terbukti) and the
length each sanction may take (unit and limits, from its regulation).

Pure data, like `seed`. The status each amar gives a record is not here: that is the
decision table `bpmn-models/status_putusan.dmn`. An office corrects these rows through
the reference screens; the server's checks read them (`processes/records/sanction_rules.py`).
"""

from __future__ import annotations

#: Amar putusan: `jenis` the jenis pelanggaran it is given for, `hukuman` whether it
#: imposes sanctions (then at least one is recorded, otherwise none).
AMAR_PUTUSAN: list[dict] = [
    {"code": "DIHUKUM", "label": "Terbukti, dijatuhi hukuman",
     "jenis": ["DISIPLIN", "KEPP", "PIDANA"], "hukuman": True},
    {"code": "TIDAK_TERBUKTI", "label": "Tidak terbukti melakukan pelanggaran",
     "jenis": ["DISIPLIN", "KEPP"], "hukuman": False},
    {"code": "BEBAS", "label": "Bebas (dakwaan tidak terbukti)",
     "jenis": ["PIDANA"], "hukuman": False},
    {"code": "LEPAS", "label": "Lepas dari segala tuntutan hukum",
     "jenis": ["PIDANA"], "hukuman": False},
]

HARI, HARI_KERJA, BULAN, TAHUN = "HARI", "HARI_KERJA", "BULAN", "TAHUN"

#: Units of a sanction's length as the forms and pages name them.
SATUAN_LABELS = {HARI: "hari", HARI_KERJA: "hari kerja", BULAN: "bulan", TAHUN: "tahun"}


def _lama(satuan: str, dasar: str, minimum: int = 1, maximum: int | None = None,
          tetap: int | None = None) -> dict:
    found = {"lama_satuan": satuan, "lama_min": minimum, "dasar": dasar}
    if maximum is not None:
        found["lama_max"] = maximum
    if tetap is not None:
        found.update(lama_min=tetap, lama_max=tetap, lama_tetap=tetap)
    return found


_PP2, _PERPOL7, _PP94, _KUHP = "PP 2/2003", "Perpol 7/2022", "PP 94/2021", "KUHP"

#: The length of each seeded sanction, by code. A sanction not named here has no length
#: (a teguran is served when it is given); `tanpa_akhir` marks one that never ends (PTDH).
LAMA_SANKSI: dict[str, dict] = {
    "DISIPLIN_TUNDA_PENDIDIKAN": _lama(BULAN, _PP2, maximum=12),
    "DISIPLIN_TUNDA_KGB": _lama(BULAN, _PP2, maximum=12),  # (assumed) one year at most
    "DISIPLIN_TUNDA_PANGKAT": _lama(BULAN, _PP2, maximum=12),
    "DISIPLIN_DEMOSI": _lama(TAHUN, _PP2),  # (assumed) as KEPP: at least one year
    "DISIPLIN_PATSUS": _lama(HARI, _PP2, maximum=21),
    "ASN_POTONG_TUKIN_6": _lama(BULAN, _PP94, tetap=6),
    "ASN_POTONG_TUKIN_9": _lama(BULAN, _PP94, tetap=9),
    "ASN_POTONG_TUKIN_12": _lama(BULAN, _PP94, tetap=12),
    "ASN_TURUN_JABATAN": _lama(BULAN, _PP94, tetap=12),
    "ASN_BEBAS_JABATAN_PELAKSANA": _lama(BULAN, _PP94, tetap=12),
    "ASN_PDHTAPS": {"tanpa_akhir": True},
    "KEPP_PEMBINAAN": _lama(BULAN, _PERPOL7, tetap=1),
    "KEPP_DEMOSI": _lama(TAHUN, _PERPOL7),
    "KEPP_TUNDA_PANGKAT": _lama(TAHUN, _PERPOL7, maximum=3),
    "KEPP_TUNDA_PENDIDIKAN": _lama(TAHUN, _PERPOL7, maximum=3),
    "KEPP_PATSUS": _lama(HARI_KERJA, _PERPOL7, maximum=30),
    "KEPP_PTDH": {"tanpa_akhir": True},
    "PIDANA_PENJARA": _lama(BULAN, _KUHP),
    "PIDANA_BERSYARAT": _lama(BULAN, _KUHP),  # the masa percobaan
}

#: Seeded sanksi rows that are not sanctions: an acquittal is an amar now.
WITHDRAWN_SANKSI = ("PIDANA_BEBAS_LEPAS",)
