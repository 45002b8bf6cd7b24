"""`flask --app web periksa`: exit code 0 and one summary line when all agrees, else 1."""

from __future__ import annotations

from sqlalchemy import delete

from engine.models import OpenTask
from tests.support.flows import record_in_proses, submitted_record


def test_a_consistent_database_exits_0(app, session):
    record_in_proses(session)
    result = app.test_cli_runner().invoke(args=["periksa"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Semua konsisten: 1 proses dan 1 catatan diperiksa dalam ")


def test_each_disagreement_is_one_line_and_exits_1(app, session):
    record = submitted_record(session)
    session.execute(delete(OpenTask).where(OpenTask.instance_id == record.instance_id))
    session.commit()
    result = app.test_cli_runner().invoke(args=["periksa"])
    assert result.exit_code == 1
    first, summary = result.output.splitlines()
    assert first.startswith(f"Proses #{record.instance_id} (pencatatan, catatan #{record.id}): "
                            "tugas 'Periksa pencatatan (Kaurlitpers)' siap dikerjakan")
    assert summary.startswith("Ditemukan 1 ketidaksesuaian (1 proses dan 1 catatan diperiksa")
