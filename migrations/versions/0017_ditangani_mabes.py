"""ditangani_mabes: a record handled by, or limpah'd to, Mabes Polri is marked so

Revision ID: 0015_ditangani_mabes
Revises: 0014
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("record", sa.Column("ditangani_mabes", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    record = sa.table("record", sa.column("id", sa.Integer), sa.column("ditangani_oleh", sa.String),
                      sa.column("ditangani_mabes", sa.Boolean))
    submission = sa.table("submission", sa.column("record_id", sa.Integer),
                          sa.column("tahap", sa.String), sa.column("status", sa.String),
                          sa.column("data", sa.JSON), sa.column("decided_at", sa.DateTime),
                          sa.column("id", sa.Integer))
    bind = op.get_bind()
    # The pencatatan's "ditangani oleh", then the latest approved Update I's limpah.
    mabes = {rid: oleh == "MABES" for rid, oleh in bind.execute(
        sa.select(record.c.id, record.c.ditangani_oleh))}
    for rid, data in bind.execute(
        sa.select(submission.c.record_id, submission.c.data)
        .where(submission.c.tahap == "UPDATE_I", submission.c.status == "DISETUJUI")
        .order_by(submission.c.decided_at, submission.c.id)
    ):
        if isinstance(data, dict) and data.get("limpah"):
            mabes[rid] = data["limpah"] == "MABES"
    for rid in [rid for rid, is_mabes in mabes.items() if is_mabes]:
        bind.execute(record.update().where(record.c.id == rid).values(ditangani_mabes=True))


def downgrade() -> None:
    op.drop_column("record", "ditangani_mabes")
