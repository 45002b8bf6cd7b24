"""sanctions: every sanction of a putusan with its length and dates; the sanksi list's
lengths for databases seeded before (the new amar putusan list is seeded by `flask setup`)

Revision ID: 0015_sanctions
Revises: 0014
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sanction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("tahap", sa.String(length=20), nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=60), nullable=False),
        sa.Column("lama", sa.Integer(), nullable=True),
        sa.Column("satuan", sa.String(length=12), nullable=True),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("berakhir", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sanction_record_id", "sanction", ["record_id"])
    _lengths_on_seeded_sanksi()


def _lengths_on_seeded_sanksi() -> None:
    """A database seeded before knows its sanksi rows without their lengths: add them
    where an office has not set them, and withdraw the acquittal that is an amar now."""
    from processes.reference.seed_putusan import LAMA_SANKSI, WITHDRAWN_SANKSI

    bind = op.get_bind()
    item = sa.table("reference_item", sa.column("id"), sa.column("list_name"),
                    sa.column("code"), sa.column("attrs", sa.JSON), sa.column("active"))
    rows = bind.execute(sa.select(item.c.id, item.c.code, item.c.attrs)
                        .where(item.c.list_name == "sanksi")).all()
    for row_id, code, attrs in rows:
        if code in WITHDRAWN_SANKSI:
            bind.execute(item.update().where(item.c.id == row_id).values(active=False))
        elif code in LAMA_SANKSI:
            merged = {**LAMA_SANKSI[code], **(attrs or {})}
            bind.execute(item.update().where(item.c.id == row_id).values(attrs=merged))


def downgrade() -> None:
    op.drop_index("ix_sanction_record_id", "sanction")
    op.drop_table("sanction")
