"""`flask --app web audit-verify` and `audit-head`: the office checks the chain from cron,
and with the head it exported earlier (kept elsewhere) it also sees a cut-off tail."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from processes.db import audit
from processes.db.audit_actions import MASUK
from processes.db.uow import UnitOfWork
from tests.support.audit import triggers_lifted

HEAD_KEY = b"kunci-kepala-uji"


@pytest.fixture
def cli(app):
    app.config["AUDIT_HEAD_KEY"] = HEAD_KEY
    runner = app.test_cli_runner()

    def run(*args: str):
        with app.app_context():
            return runner.invoke(args=list(args))

    return run


def sign_ins(session_factory, count: int) -> None:
    for n in range(count):
        with UnitOfWork(session_factory) as uow:
            audit.record(uow.session, MASUK, user_id=n + 1, target=f"pengguna{n}")
            uow.commit()


def test_verify_says_the_log_holds(cli, session_factory):
    sign_ins(session_factory, 3)
    result = cli("audit-verify")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Log audit utuh: 3 baris, kepala #3 ")


def test_verify_names_the_first_broken_row(cli, session_factory, db_engine):
    sign_ins(session_factory, 4)
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("UPDATE audit_log SET target = 'kabid' WHERE id = 3"))
    result = cli("audit-verify")
    assert result.exit_code == 1
    assert "RUSAK pada baris #3" in result.output and "diubah" in result.output


def test_an_exported_head_catches_a_cut_off_tail(cli, session_factory, db_engine, tmp_path):
    sign_ins(session_factory, 3)
    head_file = tmp_path / "kepala.json"
    exported = cli("audit-head", "--out", str(head_file))
    assert exported.exit_code == 0, exported.output
    head = json.loads(head_file.read_text())
    assert head["id"] == 3 and head["signature"]
    assert cli("audit-verify", "--head", str(head_file)).exit_code == 0
    sign_ins(session_factory, 1)  # the log grows after the export: still fine
    assert cli("audit-verify", "--head", str(head_file)).exit_code == 0

    with triggers_lifted(db_engine) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id >= 3"))
    result = cli("audit-verify", "--head", str(head_file))
    assert result.exit_code == 1 and "ujung log dipotong" in result.output
    assert cli("audit-verify").exit_code == 0  # what is left chains, and grows again ...
    result = cli("audit-verify", "--head", str(head_file))
    assert result.exit_code == 1 and "disambung lagi" in result.output  # ... still caught


def test_a_head_file_changed_by_hand_is_not_trusted(cli, session_factory, tmp_path):
    sign_ins(session_factory, 2)
    head_file = tmp_path / "kepala.json"
    cli("audit-head", "--out", str(head_file))
    head = json.loads(head_file.read_text())
    head_file.write_text(json.dumps({**head, "id": 1}))
    result = cli("audit-verify", "--head", str(head_file))
    assert result.exit_code == 1 and "tidak sah" in result.output
    head_file.write_text("bukan json")
    result = cli("audit-verify", "--head", str(head_file))
    assert result.exit_code != 0 and "tidak dapat dibaca" in result.output
