"""audit log: one append-only, hash-chained log; the read log's rows become its first rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 09:00:00

The read log's rows are chained into the audit log in id order (a read of X becomes
BACA_X, its ground the outcome, its ref in the detail), then read_log is dropped. Chaining
needs the audit key: `flask --app web setup` passes it; with rows to copy and no key
the migration stops and says so. Triggers refuse UPDATE and DELETE on the table (and
TRUNCATE on PostgreSQL). Note for later migrations: never alter audit_log in SQLite batch
mode, which rebuilds a table by copying it.
"""

import os

import sqlalchemy as sa
from alembic import context, op

from processes.db.audit_chain import GENESIS, chain_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log hanya dapat ditambah (UPDATE ditolak)'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log hanya dapat ditambah (DELETE ditolak)'); END""",
]
PG_TRIGGERS = [
    """CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log hanya dapat ditambah (% ditolak)', TG_OP;
       END $$""",
    """CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""",
]

audit_log = sa.table(
    "audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user_id", sa.Integer()), sa.column("action", sa.String()),
    sa.column("target", sa.String()), sa.column("outcome", sa.String()),
    sa.column("detail", sa.JSON()), sa.column("address", sa.String()),
    sa.column("prev_hash", sa.String()), sa.column("row_hash", sa.String()),
)
read_log = sa.table(
    "read_log", sa.column("id", sa.Integer()), sa.column("user_id", sa.Integer()),
    sa.column("read_at", sa.DateTime(timezone=True)), sa.column("nomor_identitas", sa.String()),
    sa.column("what", sa.String()), sa.column("ref", sa.String()), sa.column("ground", sa.String()),
)


def upgrade() -> None:
    # Asked before anything is made: SQLite would keep a half-done migration.
    key = _audit_key() if _read_count() else None
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=120), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("at", "user_id", "action", "target"):
        op.create_index(f"ix_audit_log_{column}", "audit_log", [column], unique=False)
    if key:
        _chain_read_log(key)
    op.drop_index("ix_read_log_user_id", table_name="read_log")
    op.drop_index("ix_read_log_read_at", table_name="read_log")
    op.drop_index("ix_read_log_nomor_identitas", table_name="read_log")
    op.drop_table("read_log")
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in PG_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)


def _audit_key() -> bytes:
    key = context.config.attributes.get("audit_key") or os.environ.get("ECATPERS_AUDIT_KEY")
    if not key:
        raise RuntimeError(
            "Log akses lama harus dirantai ke log audit: atur ECATPERS_AUDIT_KEY atau jalankan "
            "`flask --app web setup`, yang memakai kunci instance/audit_key."
        )
    return key if isinstance(key, bytes) else key.encode()


def _read_count() -> int:
    return op.get_bind().execute(sa.select(sa.func.count()).select_from(read_log)).scalar()


def _chain_read_log(key: bytes) -> None:
    conn = op.get_bind()
    last_hash, rows = GENESIS, []
    reads = conn.execute(sa.select(read_log).order_by(read_log.c.id)).all()
    for number, read in enumerate(reads, start=1):
        row = {
            "id": number, "at": read.read_at, "user_id": read.user_id,
            "action": f"BACA_{read.what}"[:40], "target": read.nomor_identitas,
            "outcome": read.ground, "detail": {"ref": read.ref} if read.ref else {},
            "address": None, "prev_hash": last_hash,
        }
        row["row_hash"] = last_hash = chain_hash(key, last_hash, row)
        rows.append(row)
    op.bulk_insert(audit_log, rows)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_no_update_delete ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute("DROP TRIGGER audit_log_no_delete")
    op.create_table(
        "read_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nomor_identitas", sa.String(length=18), nullable=False),
        sa.Column("what", sa.String(length=40), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.Column("ground", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_read_log_nomor_identitas", "read_log", ["nomor_identitas"], unique=False)
    op.create_index("ix_read_log_read_at", "read_log", ["read_at"], unique=False)
    op.create_index("ix_read_log_user_id", "read_log", ["user_id"], unique=False)
    # The reads go back to the read log; every other event has no place there.
    conn = op.get_bind()
    reads = conn.execute(
        sa.select(audit_log).where(audit_log.c.action.like("BACA\\_%", escape="\\"),
                                   audit_log.c.user_id.is_not(None))
        .order_by(audit_log.c.id)
    ).all()
    op.bulk_insert(read_log, [
        {"id": r.id, "user_id": r.user_id, "read_at": r.at, "nomor_identitas": r.target[:18],
         "what": r.action.removeprefix("BACA_"), "ref": str((r.detail or {}).get("ref", ""))[:80],
         "ground": r.outcome[:40]}
        for r in reads
    ])
    for column in ("target", "action", "user_id", "at"):
        op.drop_index(f"ix_audit_log_{column}", table_name="audit_log")
    op.drop_table("audit_log")
