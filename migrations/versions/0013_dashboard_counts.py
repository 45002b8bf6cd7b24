"""dashboard counts: the Dasbor's counters, kept with every change, filled by a recount

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_count",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("unit_path", sa.String(400), nullable=False),
        sa.Column("bulan", sa.String(7), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("tahap", sa.String(20), nullable=False),
        sa.Column("jenis", sa.String(20), nullable=False),
        sa.Column("pangkat", sa.String(20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.UniqueConstraint("kind", "unit_path", "bulan", "status", "tahap", "jenis", "pangkat",
                            name="uq_dashboard_count_key"),
    )
    op.create_index("ix_dashboard_count_bulan", "dashboard_count", ["bulan"])
    # No recount here: 0020 replaces this table with a smaller key and counts what exists
    # (the counting code is today's, which no longer fits these columns).


def downgrade() -> None:
    op.drop_index("ix_dashboard_count_bulan", "dashboard_count")
    op.drop_table("dashboard_count")
