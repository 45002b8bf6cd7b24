"""Which pages each role is required for, read from the role checks on the routes
themselves (`role_required` marks each view with the roles it lets in), with the
Indonesian name of each page. A role-checked route without a name here fails its test."""

from __future__ import annotations

from collections import defaultdict

from flask import Flask

#: The name each role-checked route has on the Hak akses page.
PAGE_LABELS = {
    "admin.users": "Pengguna: membuat, mengubah peran dan status",
    "admin.update_user": "Pengguna: mengubah peran dan status",
    "admin.reset_password": "Pengguna: memberi kata sandi sementara",
    "admin.approvals": "Persetujuan akun istimewa (admin kedua)",
    "admin.decide": "Persetujuan akun istimewa: memutuskan",
    "admin.settings": "Pengaturan kantor (penomoran surat, alamat verifikasi)",
    "admin.lists": "Data referensi dan satuan kerja",
    "admin.list_items": "Data referensi: menambah butir",
    "admin.update_item": "Data referensi: mengubah dan menonaktifkan butir",
    "admin.add_unit": "Satuan kerja: menambah",
    "admin.update_unit": "Satuan kerja: mengubah nama, induk, status",
    "admin.personnel_page": "Data induk personel",
    "admin.personnel_import_file": "Data induk personel: impor XLSX/CSV",
    "admin.personnel_lookup": "Data induk personel: melihat satu personel dan riwayatnya",
    "admin.personnel_template_file": "Data induk personel: unduh templat",
    "admin.personnel_import_progress": "Data induk personel: kemajuan impor",
    "admin.incidents": "Insiden proses",
    "admin.retry_incident": "Insiden proses: coba lagi",
    "admin.backups": "Cadangan",
    "admin.maintenance_page": "Pemeliharaan",
    "admin.run_check": "Pemeliharaan: menjalankan pemeriksaan konsistensi",
    "admin.catalogue": "Katalog proses",
    "admin.deploy": "Katalog proses: memasang versi diagram",
    "admin.export": "Katalog proses: ekspor versi",
    "admin.import_version": "Katalog proses: impor versi",
    "admin.version_diff_page": "Katalog proses: membandingkan dua versi",
    "admin.move_instances": "Katalog proses: memindahkan proses berjalan ke versi baru",
    "admin.edit": "Penyunting diagram (modeler dan tabel keputusan)",
    "admin.diagram": "Penyunting diagram: membuka diagram versi",
    "admin.table": "Penyunting diagram: membuka tabel keputusan versi",
    "admin.editor_options": "Penyunting diagram: daftar pilihan (peran, formulir, fungsi)",
    "admin.check_edit": "Penyunting diagram: memeriksa suntingan",
    "admin.deploy_edit": "Penyunting diagram: memasang suntingan sebagai versi baru",
    "admin.form": "Penyunting formulir: membuka formulir versi",
    "admin.form_preview": "Penyunting formulir: pratinjau",
    "letters.revoke": "Mencabut surat (SKHP/rekam jejak)",
}


def role_checked(app: Flask) -> dict[str, frozenset[str]]:
    """Endpoint → the roles its route lets in, for every role-checked route."""
    return {endpoint: view.required_roles for endpoint, view in app.view_functions.items()
            if getattr(view, "required_roles", None)}


def pages_by_role(app: Flask) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for endpoint, roles in role_checked(app).items():
        for role in roles:
            found[role].append(PAGE_LABELS.get(endpoint, endpoint))
    return found
