"""anev: wait histograms of completed tasks and the offence counters, filled from the rows

Revision ID: 0015_anev
Revises: 0014
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wf_task_wait",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("process_id", sa.String(100), nullable=False),
        sa.Column("task_name", sa.String(100), nullable=False),
        sa.Column("lane", sa.String(100), nullable=False),
        sa.Column("unit_path", sa.String(400), nullable=False),
        sa.Column("bulan", sa.String(7), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("longest", sa.Integer(), nullable=False),
        sa.UniqueConstraint("unit_path", "bulan", "process_id", "task_name", "lane", "bucket",
                            name="uq_wf_task_wait_key"),
    )
    op.create_table(
        "offence_count",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("unit_path", sa.String(400), nullable=False),
        sa.Column("bulan", sa.String(7), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("value", sa.String(60), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.UniqueConstraint("unit_path", "field", "bulan", "value", name="uq_offence_count_key"),
    )
    # What exists already is counted once, here.
    from engine import waits
    from processes.records import offence_counts

    session = Session(bind=op.get_bind())
    waits.rebuild(session)
    offence_counts.recount(session)
    session.flush()


def downgrade() -> None:
    op.drop_table("offence_count")
    op.drop_table("wf_task_wait")
