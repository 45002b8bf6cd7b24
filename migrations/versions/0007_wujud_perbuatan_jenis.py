"""wujud perbuatan tied to the jenis pelanggaran they may be recorded under

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 18:10:00

The seed gives each seeded wujud perbuatan its jenis; rows seeded before keep their
other attributes and get the jenis here, unless an office already set one.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MAPPING = {
    "DESERSI": ["DISIPLIN", "KEPP"],
    "TIDAK_MASUK_DINAS_TANPA_KETERANGAN": ["DISIPLIN", "KEPP"],
    "NARKOBA_PEMAKAI": ["KEPP", "PIDANA"],
    "NARKOBA_PENGEDAR": ["KEPP", "PIDANA"],
    "KDRT": ["KEPP", "PIDANA"],
    "ASUSILA": ["DISIPLIN", "KEPP", "PIDANA"],
    "PERSELINGKUHAN": ["DISIPLIN", "KEPP"],
    "PERZINAHAN": ["KEPP", "PIDANA"],
    "NIKAH_SIRI": ["DISIPLIN", "KEPP"],
    "ISTRI_LEBIH_DARI_SATU": ["DISIPLIN", "KEPP"],
    "CERAI_TANPA_IZIN": ["DISIPLIN", "KEPP"],
    "JUDI": ["DISIPLIN", "KEPP", "PIDANA"],
    "MABUK_MIRAS": ["DISIPLIN", "KEPP"],
    "PENGANIAYAAN": ["KEPP", "PIDANA"],
    "PEMUKULAN": ["DISIPLIN", "KEPP", "PIDANA"],
    "PENGEROYOKAN": ["KEPP", "PIDANA"],
    "PENGANCAMAN": ["KEPP", "PIDANA"],
    "PEMERASAN": ["KEPP", "PIDANA"],
    "PUNGLI": ["DISIPLIN", "KEPP", "PIDANA"],
    "GRATIFIKASI": ["KEPP", "PIDANA"],
    "KORUPSI": ["KEPP", "PIDANA"],
    "PENYALAHGUNAAN_ANGGARAN": ["DISIPLIN", "KEPP", "PIDANA"],
    "PENGGELAPAN": ["KEPP", "PIDANA"],
    "PENIPUAN": ["KEPP", "PIDANA"],
    "PENCURIAN": ["KEPP", "PIDANA"],
    "HUTANG_PIUTANG": ["DISIPLIN", "KEPP"],
    "INGKAR_JANJI": ["DISIPLIN", "KEPP"],
    "AROGANSI": ["DISIPLIN", "KEPP"],
    "PENYALAHGUNAAN_WEWENANG": ["DISIPLIN", "KEPP", "PIDANA"],
    "PENYALAHGUNAAN_MEDIA_SOSIAL": ["DISIPLIN", "KEPP", "PIDANA"],
    "LALAI_DALAM_TUGAS": ["DISIPLIN", "KEPP"],
    "LAKA_LANTAS": ["DISIPLIN", "KEPP", "PIDANA"],
    "MENGELUARKAN_TAHANAN_TIDAK_SESUAI_PROSEDUR": ["DISIPLIN", "KEPP"],
    "TAHANAN_KABUR": ["DISIPLIN", "KEPP"],
    "TIDAK_PROFESIONAL_MENANGANI_PERKARA": ["DISIPLIN", "KEPP"],
}

_SELECT = sa.text("SELECT id, code, attrs FROM reference_item WHERE list_name = 'wujud_perbuatan'")
_UPDATE = {
    False: sa.text("UPDATE reference_item SET attrs = :attrs WHERE id = :id"),
    True: sa.text("UPDATE reference_item SET attrs = CAST(:attrs AS JSON) WHERE id = :id"),
}


def upgrade() -> None:
    _rewrite(lambda code, attrs: {**attrs, "jenis": MAPPING[code]}
             if code in MAPPING and "jenis" not in attrs else None)


def downgrade() -> None:
    _rewrite(lambda code, attrs: {k: v for k, v in attrs.items() if k != "jenis"}
             if "jenis" in attrs else None)


def _rewrite(change) -> None:
    conn = op.get_bind()
    postgresql = conn.dialect.name == "postgresql"
    for item_id, code, attrs in conn.execute(_SELECT).all():
        attrs = json.loads(attrs) if isinstance(attrs, str) else dict(attrs or {})
        new = change(code, attrs)
        if new is not None:
            conn.execute(_UPDATE[postgresql], {"attrs": json.dumps(new), "id": item_id})
