"""`flask setup` refuses a set of diagrams with a bad one: the problems in Indonesian, exit 1,
no traceback, nothing deployed."""

from __future__ import annotations

import shutil

from engine.models import ProcessVersion
from processes.setup import install
from processes.workflow.paths import BPMN_DIR
from tests.engine.test_validation import BAD


def test_setup_lists_the_problems_of_a_bad_diagram_and_deploys_nothing(
    app, session, tmp_path, monkeypatch
):
    models = tmp_path / "bpmn-models"
    shutil.copytree(BPMN_DIR, models)
    (models / "salah_semua.bpmn").write_bytes(BAD)
    monkeypatch.setattr(install, "BPMN_DIR", models)
    before = session.query(ProcessVersion).count()
    with app.app_context():  # as `flask --app web setup` runs it
        result = app.test_cli_runner().invoke(args=["setup"])
    assert result.exit_code == 1
    assert "Berkas salah_semua.bpmn tidak dapat dipasang" in result.output
    assert "- Flow_Jahat (Jahat): syarat alur `__import__('os').system('id')`" in result.output
    assert "Traceback" not in result.output
    session.expire_all()
    assert session.query(ProcessVersion).count() == before
