"""dashboard small key: the Dasbor's counters per unit (and Polda roll-up), month, field
and value, so a year's figures read a few hundred rows; filled by a recount

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 16:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def _create(columns: list[sa.Column], key: list[str]) -> None:
    op.create_table("dashboard_count", sa.Column("id", sa.Integer(), primary_key=True), *columns,
                    sa.Column("n", sa.Integer(), nullable=False),
                    sa.UniqueConstraint(*key, name="uq_dashboard_count_key"))


def upgrade() -> None:
    op.drop_index("ix_dashboard_count_bulan", "dashboard_count")
    op.drop_table("dashboard_count")
    _create([sa.Column("kind", sa.String(20), nullable=False),
             sa.Column("unit_path", sa.String(400), nullable=False),
             sa.Column("field", sa.String(20), nullable=False),
             sa.Column("bulan", sa.String(7), nullable=False),
             sa.Column("value", sa.String(40), nullable=False)],
            ["kind", "unit_path", "field", "bulan", "value"])
    # Records and permohonan that exist already are counted once, here.
    from processes.access import request_counts  # noqa: F401  (counts permohonan too)
    from processes.records import counters

    session = Session(bind=op.get_bind())
    counters.recount(session)
    session.flush()


def downgrade() -> None:
    # The old key's table, empty: the code of that revision fills it (`counters.recount`).
    op.drop_table("dashboard_count")
    _create([sa.Column(name, sa.String(size), nullable=False) for name, size in (
        ("kind", 20), ("unit_path", 400), ("bulan", 7), ("status", 40), ("tahap", 20),
        ("jenis", 20), ("pangkat", 20))],
        ["kind", "unit_path", "bulan", "status", "tahap", "jenis", "pangkat"])
    op.create_index("ix_dashboard_count_bulan", "dashboard_count", ["bulan"])
