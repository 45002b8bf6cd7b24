"""The audit log's action codes, each with the label Kabid Propam reads and its group.

One catalogue for the whole app: every area writes to the log (`processes.db.audit`), and
the viewer shows every row, so the codes and their Indonesian labels live here, at the
bottom, where every area may import them. A code that is not here cannot be recorded.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    group: str


#: Groups the viewer filters on, in the order its menu lists them.
BACA, TOLAK, UBAH, SESI, AUDIT = "BACA", "TOLAK", "UBAH", "SESI", "AUDIT"
GROUPS = {
    BACA: "Membaca data rahasia",
    TOLAK: "Penolakan akses",
    UBAH: "Perubahan data",
    SESI: "Masuk dan keluar",
    AUDIT: "Log audit",
}

# Reads of secret data (the former read log). The "what" of `log_read` follows BACA_.
BACA_CATATAN, BACA_DOKUMEN, BACA_PERSONEL = "BACA_CATATAN", "BACA_DOKUMEN", "BACA_PERSONEL"
BACA_DAFTAR, BACA_TUGAS, BACA_DOKUMEN_TUGAS = "BACA_DAFTAR", "BACA_TUGAS", "BACA_DOKUMEN_TUGAS"
BACA_SURAT_SKHP, BACA_SURAT_REKAM_JEJAK = "BACA_SURAT_SKHP", "BACA_SURAT_REKAM_JEJAK"
BACA_PROSES, BACA_TUGAS_CATPERS = "BACA_PROSES", "BACA_TUGAS_CATPERS"
# Refusals, sign-in and sessions.
AKSES_DITOLAK = "AKSES_DITOLAK"
MASUK, MASUK_GAGAL, KELUAR, SESI_BERAKHIR = "MASUK", "MASUK_GAGAL", "KELUAR", "SESI_BERAKHIR"
# Writes, each with what changed (before → after).
TAMBAH_PERSONEL, UBAH_PERSONEL = "TAMBAH_PERSONEL", "UBAH_PERSONEL"
TAMBAH_CATATAN, UBAH_CATATAN = "TAMBAH_CATATAN", "UBAH_CATATAN"
UBAH_STATUS_CATATAN, SIMPAN_DOKUMEN_CATATAN = "UBAH_STATUS_CATATAN", "SIMPAN_DOKUMEN_CATATAN"
TAMBAH_PENGAJUAN, UBAH_PENGAJUAN = "TAMBAH_PENGAJUAN", "UBAH_PENGAJUAN"
TAMBAH_PERMOHONAN, UBAH_PERMOHONAN = "TAMBAH_PERMOHONAN", "UBAH_PERMOHONAN"
TERBITKAN_SURAT, CABUT_SURAT = "TERBITKAN_SURAT", "CABUT_SURAT"
PERTAHANKAN_SURAT = "PERTAHANKAN_SURAT"
BERI_AKSES_KHUSUS, TOLAK_AKSES_KHUSUS = "BERI_AKSES_KHUSUS", "TOLAK_AKSES_KHUSUS"
TAMBAH_PENGGUNA, UBAH_PENGGUNA = "TAMBAH_PENGGUNA", "UBAH_PENGGUNA"
MINTA_PERSETUJUAN_AKUN, PUTUSKAN_PERUBAHAN_AKUN = "MINTA_PERSETUJUAN_AKUN", "PUTUSKAN_PERUBAHAN_AKUN"
ATUR_ULANG_SANDI, GANTI_SANDI = "ATUR_ULANG_SANDI", "GANTI_SANDI"
TAMBAH_REFERENSI, UBAH_REFERENSI, TAMBAH_SATUAN = "TAMBAH_REFERENSI", "UBAH_REFERENSI", "TAMBAH_SATUAN"
UBAH_PENGATURAN = "UBAH_PENGATURAN"
PASANG_DIAGRAM, TOLAK_DIAGRAM = "PASANG_DIAGRAM", "TOLAK_DIAGRAM"
EKSPOR_DIAGRAM = "BACA_EKSPOR_DIAGRAM"
PINDAH_VERSI, TOLAK_PINDAH_VERSI = "PINDAH_VERSI", "TOLAK_PINDAH_VERSI"
EKSPOR_LOG_AUDIT, PERIKSA_RANTAI = "EKSPOR_LOG_AUDIT", "PERIKSA_RANTAI"
PERIKSA_RANTAI_LIHAT, PERIKSA_KONSISTENSI = "PERIKSA_RANTAI_LIHAT", "PERIKSA_KONSISTENSI"
EKSPOR_LAPORAN = "EKSPOR_LAPORAN"
IMPOR_DATA_INDUK, UBAH_SATUAN = "IMPOR_DATA_INDUK", "UBAH_SATUAN"
TAMBAH_PENGHARGAAN, TOLAK_PENGHARGAAN = "TAMBAH_PENGHARGAAN", "TOLAK_PENGHARGAAN"

ACTIONS: dict[str, Action] = {
    a.code: a
    for a in [
        Action(BACA_CATATAN, "Membuka catatan personel", BACA),
        Action(BACA_DOKUMEN, "Membuka dokumen catatan", BACA),
        Action(BACA_PERSONEL, "Membuka halaman personel", BACA),
        Action(BACA_DAFTAR, "Melihat catatan di daftar", BACA),
        Action(BACA_TUGAS, "Membuka halaman tugas", BACA),
        Action(BACA_DOKUMEN_TUGAS, "Membuka dokumen pengajuan pada tugas", BACA),
        Action(BACA_SURAT_SKHP, "Membuka SKHP", BACA),
        Action(BACA_SURAT_REKAM_JEJAK, "Membuka surat rekam jejak", BACA),
        Action(BACA_PROSES, "Membuka halaman proses (riwayat dan catatan)", BACA),
        Action(BACA_TUGAS_CATPERS, "Melihat catatan personel pada tugas yang diputuskan", BACA),
        Action(AKSES_DITOLAK, "Akses ditolak", TOLAK),
        Action(MASUK, "Masuk", SESI),
        Action(MASUK_GAGAL, "Gagal masuk", SESI),
        Action(KELUAR, "Keluar", SESI),
        Action(SESI_BERAKHIR, "Sesi berakhir", SESI),
        Action(TAMBAH_PERSONEL, "Personel baru dicatat", UBAH),
        Action(UBAH_PERSONEL, "Data personel diubah", UBAH),
        Action(TAMBAH_CATATAN, "Catatan personel diajukan", UBAH),
        Action(UBAH_CATATAN, "Catatan personel diubah", UBAH),
        Action(UBAH_STATUS_CATATAN, "Status catatan berubah", UBAH),
        Action(TAMBAH_PENGHARGAAN, "Penghargaan dicatat", UBAH),
        Action(TOLAK_PENGHARGAAN, "Pengajuan penghargaan ditolak", UBAH),
        Action(SIMPAN_DOKUMEN_CATATAN, "Dokumen referensi catatan disimpan", UBAH),
        Action(TAMBAH_PENGAJUAN, "Pengajuan tahap dicatat", UBAH),
        Action(UBAH_PENGAJUAN, "Pengajuan tahap diubah", UBAH),
        Action(TAMBAH_PERMOHONAN, "Permohonan dicatat", UBAH),
        Action(UBAH_PERMOHONAN, "Permohonan diperbaiki", UBAH),
        Action(TERBITKAN_SURAT, "Surat diterbitkan", UBAH),
        Action(CABUT_SURAT, "Surat dicabut", UBAH),
        Action(PERTAHANKAN_SURAT, "Surat dipertahankan setelah ditinjau", UBAH),
        Action(BERI_AKSES_KHUSUS, "Akses khusus diberikan", UBAH),
        Action(TOLAK_AKSES_KHUSUS, "Akses khusus ditolak", UBAH),
        Action(TAMBAH_PENGGUNA, "Pengguna dibuat", UBAH),
        Action(UBAH_PENGGUNA, "Pengguna diubah", UBAH),
        Action(MINTA_PERSETUJUAN_AKUN, "Perubahan akun istimewa diminta (menunggu admin lain)", UBAH),
        Action(PUTUSKAN_PERUBAHAN_AKUN, "Perubahan akun istimewa diputuskan", UBAH),
        Action(ATUR_ULANG_SANDI, "Kata sandi sementara diberikan", UBAH),
        Action(GANTI_SANDI, "Kata sandi diganti pemiliknya", SESI),
        Action(TAMBAH_REFERENSI, "Butir referensi ditambah", UBAH),
        Action(UBAH_REFERENSI, "Butir referensi diubah", UBAH),
        Action(TAMBAH_SATUAN, "Satuan kerja ditambah", UBAH),
        Action(UBAH_PENGATURAN, "Pengaturan kantor diubah", UBAH),
        Action(PASANG_DIAGRAM, "Versi diagram dipasang", UBAH),
        Action(TOLAK_DIAGRAM, "Diagram ditolak validasi", UBAH),
        Action(EKSPOR_DIAGRAM, "Versi diagram diekspor", BACA),
        Action(PINDAH_VERSI, "Proses berjalan dipindahkan ke versi baru", UBAH),
        Action(TOLAK_PINDAH_VERSI, "Pemindahan proses ke versi baru ditolak", UBAH),
        Action(EKSPOR_LOG_AUDIT, "Log audit diekspor (CSV)", AUDIT),
        Action(PERIKSA_RANTAI, "Rantai log audit diperiksa penuh", AUDIT),
        Action(PERIKSA_RANTAI_LIHAT, "Rantai log audit diperiksa saat dilihat (titik periksa)",
               AUDIT),
        Action(EKSPOR_LAPORAN, "Laporan catpers diekspor", BACA),
        Action(IMPOR_DATA_INDUK, "Data induk personel diimpor", UBAH),
        Action(UBAH_SATUAN, "Satuan kerja diubah", UBAH),
        Action(PERIKSA_KONSISTENSI, "Pemeriksaan konsistensi data dijalankan", AUDIT),
    ]
}


def label(code: str) -> str:
    """The label of a code; a code from an older version of the app shows as itself."""
    found = ACTIONS.get(code)
    return found.label if found else code


def codes_in(group: str) -> list[str]:
    return [a.code for a in ACTIONS.values() if a.group == group]
