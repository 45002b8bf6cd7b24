"""The tahap of a record's life (pencatatan, Update I-IV, pemutakhiran) and what each keeps.

Which tahap may follow which is decided by the diagrams; this module only says which
fields of a submission each tahap stores, and how they are titled when shown or printed.
"""

from __future__ import annotations

PENCATATAN = "PENCATATAN"
PEMUTAKHIRAN = "PEMUTAKHIRAN"
#: Kabid Propam's authorised correction of a closed record (bpmn-models/buka_kembali.bpmn).
BUKA_KEMBALI = "BUKA_KEMBALI"

#: What a putusan (Update II–IV) keeps: `daftar_hukuman` the sanctions as submitted,
#: `hukuman` their description in words (what pages and letters print).
#: `dokumen_penerbit` the Mabes Polri unit that issued the document, on the Mabes form
#: variant (a record handled by Mabes: forms/update-putusan-mabes.json).
PUTUSAN_FIELDS = ("putusan_nomor", "putusan_tanggal", "putusan_isi", "amar_putusan",
                  "daftar_hukuman", "hukuman", "dokumen_penerbit")

#: What each tahap keeps of its form, beside the reference document.
TAHAP_FIELDS = {
    "UPDATE_I": ("nomor_berkas", "limpah"),
    "UPDATE_II": PUTUSAN_FIELDS,
    "UPDATE_III": PUTUSAN_FIELDS,
    "UPDATE_IV": PUTUSAN_FIELDS,
    "PEMUTAKHIRAN": ("jenis_pemutakhiran", "alasan_dihentikan", "keterangan"),
    BUKA_KEMBALI: ("alasan_buka_kembali",),
}

#: Tahap data: field -> (title, reference list for its label or None)
TAHAP_DATA = {
    "nomor_berkas": ("Nomor DP3D/BP3KEPP", None),
    "limpah": ("Limpah", "ditangani_oleh"),
    "dokumen_penerbit": ("Dokumen dari Mabes Polri, diterbitkan oleh", "satker_mabes"),
    "putusan_nomor": ("Nomor putusan", None),
    "putusan_tanggal": ("Tanggal putusan", None),
    "putusan_isi": ("Isi putusan", None),
    "amar_putusan": ("Amar putusan", "amar_putusan"),
    "hukuman": ("Hukuman", "sanksi"),
    "jenis_pemutakhiran": ("Pemutakhiran", "pemutakhiran"),
    "alasan_dihentikan": ("Alasan dihentikan", "alasan_dihentikan"),
    "keterangan": ("Keterangan", None),
    "alasan_buka_kembali": ("Alasan koreksi", None),
}
