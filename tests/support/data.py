"""Valid submissions and files the tests start from."""

from __future__ import annotations

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pencatatan_data(**overrides: str) -> dict[str, str]:
    data = {
        "personel": "POLRI",
        "nomor_identitas": "85051234",
        "nama": "Budi Hartono",
        "pangkat": "AIPDA",
        "jabatan": "Banit Reskrim",
        "unit_kerja": "POLRES-KAPUAS",
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
