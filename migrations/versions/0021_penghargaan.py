"""award: a penghargaan of a person, on file once approved (the rekam jejak's awards)

Revision ID: 0021
Revises: 0019
Create Date: 2026-12-03 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "award",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=False, unique=True),
        sa.Column("jenis", sa.String(60), nullable=False),
        sa.Column("nomor_keputusan", sa.String(80), nullable=False),
        sa.Column("tanggal_keputusan", sa.Date(), nullable=False),
        sa.Column("pemberi", sa.String(200), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("pangkat", sa.String(20), nullable=False),
        sa.Column("jabatan", sa.String(120), nullable=False),
        sa.Column("unit_kerja", sa.String(60), nullable=False),
        sa.Column("file_hash", sa.String(64), sa.ForeignKey("stored_file.sha256"), nullable=False),
        sa.Column("unit_path", sa.String(400), nullable=False),
        sa.Column("submitted_by", sa.Integer(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("approved_by", sa.Integer(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_award_person_id", "award", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_award_person_id", "award")
    op.drop_table("award")
