"""personnel master data (data induk personel) and its change history; units deactivate

Revision ID: 0015_personnel
Revises: 0014
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table(
        "personnel",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("personel", sa.String(10), nullable=False),
        sa.Column("nomor_identitas", sa.String(18), nullable=False, unique=True),
        sa.Column("nama", sa.String(120), nullable=False),
        sa.Column("pangkat", sa.String(20), nullable=False),
        sa.Column("jabatan", sa.String(120), nullable=False),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False),
        sa.Column("tempat_lahir", sa.String(80), nullable=False),
        sa.Column("tanggal_lahir", sa.Date(), nullable=True),
        sa.Column("jenis_kelamin", sa.String(1), nullable=True),
        sa.Column("agama", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_personnel_unit_id", "personnel", ["unit_id"])
    op.create_table(
        "personnel_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("personnel_id", sa.Integer(), sa.ForeignKey("personnel.id"), nullable=False),
        sa.Column("field", sa.String(30), nullable=False),
        sa.Column("old", sa.String(120), nullable=False),
        sa.Column("new", sa.String(120), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("changed_by", sa.Integer(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_personnel_change_personnel_id", "personnel_change", ["personnel_id"])


def downgrade() -> None:
    op.drop_index("ix_personnel_change_personnel_id", "personnel_change")
    op.drop_table("personnel_change")
    op.drop_index("ix_personnel_unit_id", "personnel")
    op.drop_table("personnel")
    op.drop_column("unit", "active")
