"""The process owner's catalogue: versions listed, a new version deployed by upload (validated,
audited), new instances on it while running ones finish on theirs; others are refused."""

from __future__ import annotations

import io
import json

from sqlalchemy import select

from engine.models import Instance, ProcessVersion
from processes.records.models import Record
from processes.workflow.paths import BPMN_DIR
from tests.engine.test_validation import BAD
from tests.support.accounts import signed_in, tmp_user
from tests.support.audit import entries
from tests.support.pages import parse, post_decision, post_pencatatan, squash, tasks_of

PENCATATAN = (BPMN_DIR / "pencatatan.bpmn").read_bytes()

KABID_LANE = b"""      <bpmn:lane id="Lane_Kabid" name="Kabid Propam">
        <bpmn:flowNodeRef>Task_PersetujuanKabid</bpmn:flowNodeRef>
      </bpmn:lane>
"""
KABID_TASK = b"""    <bpmn:userTask id="Task_PersetujuanKabid" name="Persetujuan Kabid Propam">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formJsonSchemaFilename" value="persetujuan.json" />
      </spiffworkflow:properties></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_Kabid_Setujui" sourceRef="Task_PersetujuanKabid" targetRef="Task_Setujui" />
"""


def with_kabid_approval(xml: bytes) -> bytes:
    """Pencatatan with a Kabid Propam approval after Kasubbid Paminal, in a lane of its own."""
    xml = xml.replace(b'<bpmn:lane id="Lane_Kasubbid"', KABID_LANE + b'      <bpmn:lane id="Lane_Kasubbid"')
    xml = xml.replace(
        b'name="Setuju" sourceRef="Gateway_Persetujuan" targetRef="Task_Setujui"',
        b'name="Setuju" sourceRef="Gateway_Persetujuan" targetRef="Task_PersetujuanKabid"',
    )
    return xml.replace(b"  </bpmn:process>", KABID_TASK + b"  </bpmn:process>")


def upload(client, files: dict[str, bytes], comment: str = ""):
    data = {"komentar": comment, "berkas": [(io.BytesIO(c), n) for n, c in files.items()]}
    return client.post("/admin/katalog/pasang", data=data, content_type="multipart/form-data")


def version_rows(page) -> list[list[str]]:
    return [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in parse(page).xpath('//table[@id="versions"]/tbody/tr')]


def test_the_catalogue_lists_every_process_version_with_its_instances(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("admin")
    page = client.get("/admin/katalog")
    assert page.status_code == 200
    rows = {row[0]: row for row in version_rows(page)}
    assert rows["Pencatatan Catatan Personel"][6:9] == ["1", "0", "berlaku"]
    assert rows["Pencatatan Catatan Personel"][4] == "Pemasangan awal (setup)"


def test_others_than_the_process_owner_are_refused_and_audited(client, auth, session):
    auth.login("kasubbid")
    assert client.get("/admin/katalog").status_code == 403
    assert upload(client, {"x.bpmn": PENCATATAN}).status_code == 403
    refused = [e.target for e in entries(session, "AKSES_DITOLAK")]
    assert refused[-2:] == ["/admin/katalog", "/admin/katalog/pasang"]


def test_a_bad_diagram_is_refused_with_every_problem_and_nothing_deploys(client, auth, session):
    auth.login("admin")
    before = session.query(ProcessVersion).count()
    response = upload(client, {"salah_semua.bpmn": BAD})
    assert response.status_code == 422
    listed = parse(response).xpath('//ul[@id="problems"]/li/@data-element')
    assert {"Task_Lajur", "Flow_Jahat", "Script_Buka", "Service_Asing", "Call_Hilang"} <= set(listed)
    session.expire_all()
    assert session.query(ProcessVersion).count() == before
    [refusal] = entries(session, "TOLAK_DIAGRAM")
    assert refusal.target == "salah_semua.bpmn"


def test_a_kabid_approval_added_by_upload_holds_new_instances_only(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    old = session.scalar(select(Instance.id).order_by(Instance.id.desc()))
    auth.login("admin")
    response = upload(client, {"pencatatan.bpmn": with_kabid_approval(PENCATATAN)},
                      "Persetujuan Kabid Propam ditambahkan")
    assert response.status_code == 302, squash(parse(response).text_content())[:2000]
    [deployed] = entries(session, "PASANG_DIAGRAM")
    assert deployed.detail["komentar"] == "Persetujuan Kabid Propam ditambahkan"
    rows = version_rows(client.get("/admin/katalog"))
    newest = next(r for r in rows if r[0] == "Pencatatan Catatan Personel")
    assert newest[4:9] == ["Penata Dewi Lestari", "Persetujuan Kabid Propam ditambahkan",
                           "0", "0", "berlaku"]
    earlier = [r[6:9] for r in rows if r[0] == "Pencatatan Catatan Personel" and r != newest]
    assert ["1", "0", ""] in earlier  # the instance started before stays on its version

    auth.login("operator")
    post_pencatatan(client, nrp="85061234")
    new = session.scalar(select(Instance.id).order_by(Instance.id.desc()))
    for instance_id in (old, new):
        auth.login("kaurlitpers")
        post_decision(client, instance_id, "SETUJU")
        auth.login("kasubbid")
        post_decision(client, instance_id, "SETUJU", title="Persetujuan Kasubbid Paminal")
    session.expire_all()
    assert session.get(Instance, old).status == "complete"  # the old route: done after Kasubbid
    assert session.get(Instance, new).status == "running"
    auth.login("kabid")
    [waiting] = tasks_of(client, new)
    assert waiting.title == "Persetujuan Kabid Propam"
    post_decision(client, new, "SETUJU", title="Persetujuan Kabid Propam")
    session.expire_all()
    assert session.get(Instance, new).status == "complete"
    assert session.scalar(select(Record.status).where(Record.instance_id == new)) == "PROSES"


def test_a_process_owner_who_is_not_an_administrator_deploys_too(app, client, session_factory, session):
    owner = signed_in(app, tmp_user(session_factory, "tmp-pemilik", "PEMILIK_PROSES"))
    assert owner.get("/admin/katalog").status_code == 200
    assert owner.get("/admin/pengguna").status_code == 403
    renamed = PENCATATAN.replace(b'name="Isi data pencatatan"', b'name="Isi data pelanggaran"')
    assert upload(owner, {"pencatatan.bpmn": renamed}, "Nama langkah").status_code == 302
    [deployed] = entries(session, "PASANG_DIAGRAM")
    assert deployed.target == "pencatatan" and deployed.outcome == "versi baru"


def test_a_version_exported_as_one_file_imports_as_a_new_version_elsewhere(client, auth, session):
    auth.login("admin")
    current = session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))
    exported = client.get(f"/admin/katalog/{current}/ekspor")
    assert exported.status_code == 200
    assert "attachment" in exported.headers["Content-Disposition"]
    [read] = entries(session, "BACA_EKSPOR_DIAGRAM")
    assert read.detail["versi"] == current
    bundle = json.loads(exported.data)
    assert bundle["process_id"] == "pencatatan" and "persetujuan-pengajuan.json" in bundle["forms"]
    bundle["bpmn"] += "<!-- diubah oleh kantor lain -->"
    changed = json.dumps(bundle).encode()
    response = client.post("/admin/katalog/impor", content_type="multipart/form-data", data={
        "komentar": "Dari Polda lain", "berkas": (io.BytesIO(changed), "pencatatan.json")})
    assert response.status_code == 302
    [deployed] = entries(session, "PASANG_DIAGRAM")
    assert deployed.outcome == "versi baru" and deployed.detail["komentar"] == "Dari Polda lain"
    not_an_export = client.post("/admin/katalog/impor", content_type="multipart/form-data", data={
        "berkas": (io.BytesIO(b"{}"), "lain.json")})
    assert not_an_export.status_code == 422
    assert "bukan ekspor versi proses" in squash(parse(not_an_export).text_content())
