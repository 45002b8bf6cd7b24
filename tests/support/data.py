"""Valid submissions and files the tests start from: what a user types into each form."""

from __future__ import annotations

from processes.reference.seed_putusan import LAMA_SANKSI
from processes.setup.demo import DEMO_PDF

#: The smallest PDF the upload check accepts: the demo data's one-page document.
MINIMAL_PDF = DEMO_PDF

#: The person most tests are about (the one `pencatatan_data` records), and two others.
NRP_AIPDA, NAMA_AIPDA = "85051234", "Budi Hartono"
NRP_AKP, NAMA_AKP = "88110987", "Rudi Santoso"
NRP_OTHER = "90030456"


#: The AIPDA Budi Hartono of Polres Kapuas as a start form names him.
AIPDA_IDENTITY = {
    "personel": "POLRI",
    "nomor_identitas": NRP_AIPDA,
    "nama": NAMA_AIPDA,
    "pangkat": "AIPDA",
    "jabatan": "Banit Reskrim",
    "unit_kerja": "POLRES-KAPUAS",
}


def pencatatan_data(**overrides: str) -> dict[str, str]:
    data = {
        **AIPDA_IDENTITY,
        "jenis_pelanggaran": "DISIPLIN",
        "wujud_perbuatan": "TIDAK_MASUK_DINAS_TANPA_KETERANGAN",
        "pasal": "PP2-2003-P4-f",
        "dokumen_nomor": "LP/A/12/X/2026/Yanduan",
        "dokumen_jenis": "LAPORAN_POLISI",
        "dokumen_tanggal": "2026-10-02",
        "dokumen_perihal": "Laporan tidak masuk dinas",
        "uraian": "Tidak masuk dinas 5 hari berturut-turut tanpa keterangan.",
        "ditangani_oleh": "POLDA",
    }
    data.update(overrides)
    return data


def penghargaan_data(**overrides: str) -> dict[str, str]:
    """The start form of Penghargaan: a piagam from Kapolda for the AIPDA of `pencatatan_data`."""
    data = {
        **AIPDA_IDENTITY,
        "jenis_penghargaan": "PIAGAM_PENGHARGAAN",
        "nomor_keputusan": "Kep/123/X/2026",
        "tanggal_keputusan": "2026-10-05",
        "pemberi": "Kapolda Kalimantan Tengah",
        "uraian": "Pengungkapan kasus curanmor di Kapuas.",
    }
    data.update(overrides)
    return data


#: `pencatatan_data` overrides for a KEPP record of another member.
KEPP = {"nomor_identitas": NRP_OTHER, "nama": "Andika Prasetyo", "pangkat": "BRIPTU",
        "jenis_pelanggaran": "KEPP", "wujud_perbuatan": "PENYALAHGUNAAN_WEWENANG",
        "pasal": "PERPOL7-2022-P10"}


def reference_document(
    nomor: str = "SPRIN/45/XI/2026", jenis: str = "SURAT_PERINTAH",
    tanggal: str = "2026-11-05", perihal: str = "Dokumen tahap",
) -> dict[str, str]:
    """The reference document's fields of a start form (its PDF goes separately)."""
    return {
        "dokumen_nomor": nomor, "dokumen_jenis": jenis,
        "dokumen_tanggal": tanggal, "dokumen_perihal": perihal,
    }


# -- a record's updates ---------------------------------------------------------------

UPDATE_I = {"nomor_berkas": "DP3D/12/XI/2026", "limpah": "POLDA"}


def putusan(
    *hukuman: str | dict, nomor: str = "KEP/77/XI/2026", tanggal: str = "2026-11-10",
    isi: str = "Terbukti melanggar; dijatuhi hukuman.", amar: str = "DIHUKUM",
) -> dict:
    """A putusan's fields: each sanction a code (its shortest length, starting on the
    putusan's date) or a row {"kode", "lama", "mulai"}; no sanction for an acquittal."""
    rows = [h if isinstance(h, dict) else sanction_row(h, mulai=tanggal) for h in hukuman]
    data = {"putusan_nomor": nomor, "putusan_tanggal": tanggal, "putusan_isi": isi,
            "amar_putusan": amar}
    if rows:
        data["daftar_hukuman"] = rows
    return data


def sanction_row(kode: str, lama: int | None = None, mulai: str = "2026-11-10") -> dict:
    """One sanction row; without `lama`, the shortest its regulation allows (none if it has
    no length or a fixed one)."""
    attrs = LAMA_SANKSI.get(kode, {})
    if lama is None and attrs.get("lama_satuan") and not attrs.get("lama_tetap"):
        lama = attrs["lama_min"]
    return {"kode": kode, "mulai": mulai, **({"lama": lama} if lama is not None else {})}


def as_posted(fields: dict) -> dict:
    """Form fields as a browser posts them: a repeating group's rows as "group-row-field"."""
    posted = {}
    for name, value in fields.items():
        if isinstance(value, list):
            for index, row in enumerate(value):
                posted.update({f"{name}-{index}-{k}": str(v) for k, v in row.items()})
        else:
            posted[name] = value
    return posted


def pemutakhiran(jenis: str, alasan: str | None = None, keterangan: str | None = None) -> dict:
    data = {"jenis_pemutakhiran": jenis}
    if alasan:
        data["alasan_dihentikan"] = alasan
    if keterangan:
        data["keterangan"] = keterangan
    return data


# -- access requests ------------------------------------------------------------------


def permohonan_fields(**overrides: str) -> dict[str, str]:
    """A complete permohonan SKHP for the AIPDA Budi Hartono, as the form posts it."""
    data = {
        "jenis_permohonan": "SKHP",
        "peruntukan": "KENAIKAN_PANGKAT",
        "keterangan_peruntukan": "periode 1 Januari 2027",
        "kepada": "Karo SDM Polda Kalteng",
        **reference_document("B/456/XI/2026/Ro SDM", tanggal="2026-11-02",
                             perihal="Permintaan SKHP kenaikan pangkat"),
        "personel": "POLRI",
        "nomor_identitas": NRP_AIPDA,
        "nama": NAMA_AIPDA,
        "jenis_kelamin": "L",
        "pangkat": "AIPDA",
        "jabatan": "Banit Reskrim",
        "kesatuan": "POLRES-KAPUAS",
        "tempat_lahir": "Sampit",
        "tanggal_lahir": "1985-05-17",
        "agama": "Islam",
    }
    data.update(overrides)
    return data


def akses_khusus_fields(**overrides: str) -> dict[str, str]:
    data = {
        "personel": "POLRI",
        "nomor_identitas": NRP_AIPDA,
        "nama": NAMA_AIPDA,
        "dasar": "PERMINTAAN_KHUSUS_KAPOLDA",
        "peminta_khusus": "KAPOLDA",
        "kepentingan": "ATENSI",
        # Kaurlitpers reads every catpers already: the grant adds a read to the requester only.
        "pejabat_pembaca": "kaurlitpers",
        "alasan": "Atensi Kapolda atas laporan masyarakat di Barito Selatan",
        **reference_document("ST/12/XI/2026/Polres Barsel", tanggal="2026-11-03",
                             perihal="Permintaan akses catpers"),
    }
    data.update(overrides)
    return data

#: `pencatatan_data` overrides for a pidana record of a Polres member and for an ASN.
PIDANA = {"nomor_identitas": "88110987", "nama": "Rudi Santoso", "pangkat": "AKP",
          "jenis_pelanggaran": "PIDANA", "wujud_perbuatan": "PENGANIAYAAN", "pasal": "KUHP-351",
          "unit_kerja": "POLRES-BARITO-SELATAN"}
ASN = {"personel": "ASN", "nomor_identitas": "199002152015032001", "jenis_kelamin": "P",
       "nama": "Siti Aminah", "pangkat": "III/a", "jabatan": "Staf Urmin",
       "unit_kerja": "SATKER-BIDPROPAM", "wujud_perbuatan": "TIDAK_MASUK_DINAS_TANPA_KETERANGAN",
       "pasal": "PP94-2021-P3-a"}
