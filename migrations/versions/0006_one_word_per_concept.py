"""one word per concept: tahap (not stage), status (not state), jenis (not kind)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:40:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (table, old name, new name). RENAME COLUMN keeps the data, and both SQLite (3.25+) and
# PostgreSQL rewrite the indexes and constraints that name the column, including the
# partial unique index on waiting submissions.
RENAMES = [
    ("record_document", "stage", "tahap"),
    ("submission", "state", "status"),
    ("access_request", "state", "status"),
    ("letter", "kind", "jenis"),
    ("letter_sequence", "kind", "jenis"),
    ("unit", "kind", "jenis"),
]


def upgrade() -> None:
    for table, old, new in RENAMES:
        op.execute(f'ALTER TABLE {table} RENAME COLUMN "{old}" TO "{new}"')
    _rename_sanksi_attr("kind", "sifat")


def downgrade() -> None:
    _rename_sanksi_attr("sifat", "kind")
    for table, old, new in RENAMES:
        op.execute(f'ALTER TABLE {table} RENAME COLUMN "{new}" TO "{old}"')


_UPDATE = {
    False: sa.text("UPDATE reference_item SET attrs = :attrs WHERE id = :id"),
    True: sa.text("UPDATE reference_item SET attrs = CAST(:attrs AS JSON) WHERE id = :id"),
}


def _rename_sanksi_attr(old: str, new: str) -> None:
    """A sanction's etika/administratif kind is its `sifat`, as the seed now names it."""
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, attrs FROM reference_item WHERE list_name = 'sanksi'"))
    for item_id, attrs in rows.all():
        attrs = json.loads(attrs) if isinstance(attrs, str) else dict(attrs or {})
        if old in attrs:
            attrs[new] = attrs.pop(old)
            conn.execute(_UPDATE[conn.dialect.name == "postgresql"],
                         {"attrs": json.dumps(attrs), "id": item_id})
