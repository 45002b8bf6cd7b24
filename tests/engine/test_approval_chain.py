"""The approval chain is drawn once: every submission calls persetujuan_berjenjang."""

import json
import shutil
from pathlib import Path

from engine.deploy import deploy_directory
from engine.models import ProcessVersion
from processes.workflow.paths import BPMN_DIR

FORMS_DIR = Path(BPMN_DIR).parent / "forms"
KABID_TASK = (
    '<bpmn:userTask id="Task_PersetujuanKabid" name="Persetujuan Kabid Propam">'
    '<bpmn:incoming>Flow_Kasubbid_End</bpmn:incoming>'
    '<bpmn:outgoing>Flow_Kabid_End</bpmn:outgoing></bpmn:userTask>'
    '<bpmn:sequenceFlow id="Flow_Kabid_End" sourceRef="Task_PersetujuanKabid"'
    ' targetRef="End_Diputuskan" />'
)


def _add_kabid_step(bpmn_dir: Path) -> None:
    path = bpmn_dir / "persetujuan_berjenjang.bpmn"
    xml = path.read_text("utf-8")
    xml = xml.replace(
        'targetRef="End_Diputuskan" />', 'targetRef="Task_PersetujuanKabid" />', 1
    ).replace("</bpmn:process>", KABID_TASK + "</bpmn:process>")
    xml = xml.replace(
        "<bpmn:flowNodeRef>End_Diputuskan</bpmn:flowNodeRef>",
        "<bpmn:flowNodeRef>End_Diputuskan</bpmn:flowNodeRef></bpmn:lane>"
        '<bpmn:lane id="Lane_Kabid" name="Kabid Propam">'
        "<bpmn:flowNodeRef>Task_PersetujuanKabid</bpmn:flowNodeRef>",
    )
    path.write_text(xml, "utf-8")


def _called_tasks(session, process_id: str) -> dict:
    version = session.query(ProcessVersion).filter_by(process_id=process_id, is_current=True).one()
    chain = json.loads(version.spec_json)["subprocess_specs"]["persetujuan_berjenjang"]
    return chain["task_specs"]


def test_every_submission_calls_the_one_chain(session):
    for process_id in ("pencatatan", "update_i", "update_iv", "pemutakhiran"):
        tasks = _called_tasks(session, process_id)
        assert {"Task_PeriksaKaurlitpers", "Task_PersetujuanKasubbid"} <= set(tasks)
    assert not session.query(ProcessVersion).filter_by(process_id="persetujuan_berjenjang").count()


def test_one_edit_of_the_chain_gives_update_i_and_pemutakhiran_a_kabid_step(session, tmp_path):
    bpmn_dir = tmp_path / "bpmn"
    shutil.copytree(BPMN_DIR, bpmn_dir)
    _add_kabid_step(bpmn_dir)
    created = {d.process_id for d in deploy_directory(session, bpmn_dir, FORMS_DIR) if d.created}
    assert {"pencatatan", "update_i", "update_ii", "pemutakhiran"} <= created
    for process_id in ("update_i", "pemutakhiran"):
        kabid = _called_tasks(session, process_id)["Task_PersetujuanKabid"]
        assert kabid["lane"] == "Kabid Propam"
