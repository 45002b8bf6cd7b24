"""The approval chain is drawn once: a process owner adds a step to it through HTTP, and a
new Update I and a new Pemutakhiran both pass through that step. No Python changes."""

from __future__ import annotations

import io

import pytest

from processes.records import statuses
from processes.workflow.paths import BPMN_DIR
from tests.support.audit import entries
from tests.support.data import UPDATE_I, pemutakhiran, reference_document
from tests.support.flows import record_in_proses
from tests.support.pages import instance_of, post_decision, tasks_of
from tests.support.web_flows import read_record, start_update

CHAIN = (BPMN_DIR / "persetujuan_berjenjang.bpmn").read_text("utf-8")
KABID = (
    '<bpmn:userTask id="Task_PersetujuanKabid" name="Persetujuan Kabid Propam">'
    "<bpmn:extensionElements><spiffworkflow:properties>"
    '<spiffworkflow:property name="formJsonSchemaFilename" value="persetujuan.json" />'
    "</spiffworkflow:properties></bpmn:extensionElements>"
    "<bpmn:incoming>Flow_Kasubbid_End</bpmn:incoming>"
    "<bpmn:outgoing>Flow_Kabid_End</bpmn:outgoing></bpmn:userTask>"
    '<bpmn:sequenceFlow id="Flow_Kabid_End" sourceRef="Task_PersetujuanKabid"'
    ' targetRef="End_Diputuskan" />'
)


def chain_with_kabid() -> bytes:
    xml = CHAIN.replace(
        'sourceRef="Gateway_Kasubbid" targetRef="End_Diputuskan"',
        'sourceRef="Gateway_Kasubbid" targetRef="Task_PersetujuanKabid"',
    ).replace("</bpmn:process>", KABID + "</bpmn:process>", 1)
    xml = xml.replace(
        "        <bpmn:flowNodeRef>End_Diputuskan</bpmn:flowNodeRef>\n      </bpmn:lane>",
        "        <bpmn:flowNodeRef>End_Diputuskan</bpmn:flowNodeRef>\n      </bpmn:lane>"
        '<bpmn:lane id="Lane_Kabid" name="Kabid Propam">'
        "<bpmn:flowNodeRef>Task_PersetujuanKabid</bpmn:flowNodeRef></bpmn:lane>",
    )
    assert "Lane_Kabid" in xml and 'targetRef="Task_PersetujuanKabid"' in xml
    return xml.encode("utf-8")


def passes_kabid(auth, client, instance_id: int) -> None:
    """Kaurlitpers and Kasubbid approve; the submission then waits for Kabid Propam."""
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kasubbid Paminal")
    auth.login("kabid")
    assert [t.title for t in tasks_of(client, instance_id)] == ["Persetujuan Kabid Propam"]
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kabid Propam")


def test_one_step_added_to_the_shared_chain_holds_update_i_and_pemutakhiran(
    client, auth, session
):
    record = record_in_proses(session)  # recorded before the change
    auth.login("admin")
    response = client.post("/admin/katalog/pasang", content_type="multipart/form-data", data={
        "komentar": "Kabid Propam ikut menyetujui",
        "berkas": (io.BytesIO(chain_with_kabid()), "persetujuan_berjenjang.bpmn")})
    assert response.status_code == 302
    redeployed = {e.target for e in entries(session, "PASANG_DIAGRAM")}
    assert {"pencatatan", "update_i", "update_ii", "pemutakhiran"} <= redeployed

    auth.login("operator")
    update = instance_of(start_update(client, "update_i", record.id, UPDATE_I,
                                      reference_document(nomor="SPRIN/45/XI/2026")))
    passes_kabid(auth, client, update)
    auth.login("operator")
    assert read_record(client, record.id).status == statuses.PROSES

    closing = instance_of(start_update(client, "pemutakhiran", record.id,
                                       pemutakhiran("TIDAK_TERBUKTI"),
                                       reference_document(nomor="SKTT/3/XI/2026")))
    passes_kabid(auth, client, closing)
    auth.login("operator")
    assert read_record(client, record.id).status == statuses.TIDAK_TERBUKTI


@pytest.fixture(autouse=True)
def _office_chain_restored(client, auth):
    # Versions outlive a test: put the office's own chain back as the current copy.
    yield
    auth.login("admin")
    client.post("/admin/katalog/pasang", content_type="multipart/form-data", data={
        "komentar": "Kembali", "berkas": (io.BytesIO(CHAIN.encode("utf-8")),
                                          "persetujuan_berjenjang.bpmn")})
