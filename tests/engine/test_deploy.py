"""Deploying: one version per content, and a diagram's version holds only what it uses."""

from pathlib import Path

import engine
from engine.deploy import decisions_used
from engine.models import ProcessVersion
from processes.setup.install import install
from processes.workflow.paths import BPMN_DIR


def test_redeploying_unchanged_diagrams_creates_no_version(session):
    before = session.query(ProcessVersion).count()
    results = install(session)
    assert results and not any(r.created for r in results)
    assert session.query(ProcessVersion).count() == before
    current = engine.current_version(session, "pencatatan")
    assert current.start_lane == "Operator" and current.start_form == "pencatatan-data.json"


def test_only_the_decision_tables_a_diagram_calls_are_bundled():
    dmn = {p.name: p.read_bytes() for p in Path(BPMN_DIR).glob("*.dmn")}
    assert decisions_used((BPMN_DIR / "pencatatan.bpmn").read_bytes(), dmn) == {}
    assert sorted(decisions_used((BPMN_DIR / "permohonan_catpers.bpmn").read_bytes(), dmn)) == [
        "kesimpulan_skhp.dmn", "otoritas_skhp.dmn", "temuan_skhp.dmn"
    ]


def test_a_broken_diagram_is_refused_with_a_message(session):
    import pytest

    with pytest.raises(engine.DeployError, match="tidak valid"):
        engine.deploy_bpmn(session, b"<bpmn:definitions", "rusak.bpmn", {}, {})
