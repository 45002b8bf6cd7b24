"""The process owner's diagram editor over HTTP: the pick lists, the diagram of a version,
checking an edit (every problem named, nothing stored) and deploying it as a new version
(with a comment, audited); everyone else is refused, and the refusal audited."""

from __future__ import annotations

import io
from uuid import uuid4

import pytest
from sqlalchemy import select

from engine.models import ProcessVersion
from processes.workflow.paths import BPMN_DIR
from tests.support.accounts import signed_in, tmp_user
from tests.support.audit import entries

PENCATATAN = (BPMN_DIR / "pencatatan.bpmn").read_text("utf-8")
FORM_OF_ISI = '<spiffworkflow:property name="formJsonSchemaFilename" value="pencatatan-data.json"/>'


def current_id(session, process_id: str = "pencatatan") -> int:
    session.expire_all()
    return session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == process_id, ProcessVersion.is_current.is_(True)))


def check(client, version_id: int, xml: str):
    return client.post(f"/admin/katalog/{version_id}/periksa", json={"xml": xml})


def deploy(client, version_id: int, xml: str, comment: str):
    return client.post(f"/admin/katalog/{version_id}/pasang-suntingan",
                       json={"xml": xml, "komentar": comment})


@pytest.fixture
def office_pencatatan_restored(client, auth):
    # Versions outlive a test: the office's own Pencatatan is current again afterwards.
    yield
    auth.login("admin")
    client.post("/admin/katalog/pasang", content_type="multipart/form-data", data={
        "komentar": "Kembali", "berkas": (io.BytesIO(PENCATATAN.encode()), "pencatatan.bpmn")})


def test_the_pick_lists_offer_the_roles_forms_functions_and_tables_validation_accepts(client, auth):
    auth.login("admin")
    options = client.get("/admin/katalog/pilihan").get_json()
    assert {"lane": "Kaurlitpers", "title": "Kaurlitpers"} in options["roles"]
    assert {"lane": "Operator", "title": "Operator (Pama/BA/ASN)"} in options["roles"]
    assert {"file": "persetujuan.json", "title": "Persetujuan"} in options["forms"]
    tolak = next(s for s in options["services"] if s["name"] == "catpers.tolak")
    assert tolak["parameters"] == ["pesan"]
    assert {"id": "otoritas_skhp", "label": "Otoritas persetujuan SKHP"} in options["decisions"]


def test_the_editor_opens_the_diagram_of_the_chosen_version(client, auth, session):
    auth.login("admin")
    version_id = current_id(session)
    page = client.get(f"/admin/katalog/{version_id}/ubah")
    assert page.status_code == 200
    assert "Ubah diagram: Pencatatan Catatan Personel" in page.get_data(as_text=True)
    diagram = client.get(f"/admin/katalog/{version_id}/diagram.bpmn")
    assert diagram.mimetype == "application/xml"
    assert 'id="Task_IsiData"' in diagram.get_data(as_text=True)
    assert client.get("/admin/katalog/99999/ubah").status_code == 404


def test_checking_names_every_problem_in_indonesian_and_stores_nothing(client, auth, session):
    auth.login("admin")
    version_id = current_id(session)
    assert check(client, version_id, PENCATATAN).get_json() == {
        "ok": True, "problems": [],
        "message": "Tidak ada masalah: diagram siap dipasang sebagai versi baru."}
    broken = PENCATATAN.replace(FORM_OF_ISI, "", 1).replace(
        'name="Operator"', 'name="Operator Baru"')
    assert broken != PENCATATAN
    before = session.query(ProcessVersion).count()
    result = check(client, version_id, broken).get_json()
    assert result["ok"] is False
    texts = {p["element_id"]: p["text"] for p in result["problems"]}
    assert "tidak menyebut formulir" in texts["Task_IsiData"]
    assert any("lajur 'Operator Baru' bukan nama peran yang dikenal" in t for t in texts.values())
    assert result["message"] == f"{len(result['problems'])} masalah: diagram belum dapat dipasang."
    assert session.query(ProcessVersion).count() == before
    assert entries(session, "PASANG_DIAGRAM") == []


def test_an_edit_deploys_as_a_new_version_with_its_comment(
        client, auth, session, office_pencatatan_restored):
    auth.login("admin")
    version_id = current_id(session)
    step = f"Isi data pelanggaran {uuid4().hex[:6]}"  # content no earlier test deployed
    renamed = PENCATATAN.replace('name="Isi data pencatatan"', f'name="{step}"')
    assert deploy(client, version_id, renamed, "  ").get_json()["message"].startswith(
        "Tulis komentar")
    response = deploy(client, version_id, renamed, "Nama langkah diperjelas")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["redirect"] == "/admin/katalog"
    new_id = current_id(session)
    assert new_id != version_id
    assert step in session.get(ProcessVersion, new_id).bpmn_xml
    [deployed] = entries(session, "PASANG_DIAGRAM")
    assert (deployed.target, deployed.outcome) == ("pencatatan", "versi baru")
    assert deployed.detail["komentar"] == "Nama langkah diperjelas"
    catalogue = client.get("/admin/katalog").get_data(as_text=True)
    assert "Nama langkah diperjelas" in catalogue


def test_a_broken_edit_is_not_deployed_and_the_refusal_is_audited(client, auth, session):
    auth.login("admin")
    version_id = current_id(session)
    broken = PENCATATAN.replace(FORM_OF_ISI, "", 1)
    response = deploy(client, version_id, broken, "Formulir dihapus")
    assert response.status_code == 422
    assert [p["element_id"] for p in response.get_json()["problems"]] == ["Task_IsiData"]
    assert current_id(session) == version_id
    [refusal] = entries(session, "TOLAK_DIAGRAM")
    assert refusal.target == "pencatatan.bpmn"


def test_a_request_without_a_diagram_gets_a_message_not_an_error(client, auth, session):
    auth.login("admin")
    version_id = current_id(session)
    for body in ({}, {"xml": ""}, {"xml": 5}):
        response = client.post(f"/admin/katalog/{version_id}/periksa", json=body)
        assert response.status_code == 400
        assert response.get_json()["message"] == "Permintaan tidak berisi diagram (XML BPMN)."
    not_xml = check(client, version_id, "bukan xml").get_json()
    assert "bukan XML yang sah" in not_xml["problems"][0]["text"]


def test_others_than_process_owners_are_refused_and_audited(
        app, client, auth, session, session_factory):
    version_id = current_id(session)
    auth.login("kasubbid")
    asked = [f"/admin/katalog/{version_id}/ubah", f"/admin/katalog/{version_id}/diagram.bpmn",
             "/admin/katalog/pilihan"]
    for address in asked:
        assert client.get(address).status_code == 403
    assert check(client, version_id, PENCATATAN).status_code == 403
    assert deploy(client, version_id, PENCATATAN, "x").status_code == 403
    refused = [e.target for e in entries(session, "AKSES_DITOLAK")]
    assert refused[-5:] == [*asked, f"/admin/katalog/{version_id}/periksa",
                            f"/admin/katalog/{version_id}/pasang-suntingan"]
    owner = signed_in(app, tmp_user(session_factory, "tmp-pemilik-editor", "PEMILIK_PROSES"))
    assert owner.get(f"/admin/katalog/{version_id}/ubah").status_code == 200
    assert owner.post(f"/admin/katalog/{version_id}/periksa",
                      json={"xml": PENCATATAN}).get_json()["ok"] is True


OTORITAS = (BPMN_DIR / "otoritas_skhp.dmn").read_text("utf-8")
PERMOHONAN = (BPMN_DIR / "permohonan_catpers.bpmn").read_text("utf-8")


def test_a_decision_table_is_checked_with_the_diagram_and_only_its_own(client, auth, session):
    auth.login("admin")
    version_id = current_id(session, "permohonan_catpers")
    table = client.get(f"/admin/katalog/{version_id}/tabel/otoritas_skhp.dmn")
    assert table.mimetype == "application/xml" and 'id="otoritas_skhp"' in table.get_data(True)
    assert client.get(f"/admin/katalog/{version_id}/tabel/lain.dmn").status_code == 404
    bad = OTORITAS.replace('<text>"PAMA"</text>', "<text>__import__('os')</text>")
    result = client.post(f"/admin/katalog/{version_id}/periksa", json={
        "xml": PERMOHONAN, "tables": {"otoritas_skhp.dmn": bad}}).get_json()
    assert [p["element_id"] for p in result["problems"]] == ["Rule_Pama"]
    assert "sel masukan `__import__('os')`" in result["problems"][0]["text"]
    foreign = client.post(f"/admin/katalog/{version_id}/periksa", json={
        "xml": PERMOHONAN, "tables": {"akses_lain.dmn": OTORITAS}}).get_json()
    assert foreign == {"ok": False, "problems": [],
                       "message": "Tabel keputusan akses_lain.dmn bukan bagian versi ini."}
    wrong_shape = client.post(f"/admin/katalog/{version_id}/periksa",
                              json={"xml": PERMOHONAN, "tables": ["x"]})
    assert wrong_shape.status_code == 400
