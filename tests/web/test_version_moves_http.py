"""Moving running instances to the version in force, from the catalogue: a safe one moves and
finishes on the new route, one whose done step changed is refused with the reason, each
outcome is audited; an instance stopped by a bad condition is moved to the fixed diagram
and Coba lagi takes it on."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

import engine
from engine.models import Instance, ProcessVersion
from processes.records.models import Record
from tests.support.audit import entries
from tests.support.pages import parse, post_decision, post_pencatatan, squash, tasks_of
from tests.web.test_catalogue_http import PENCATATAN, upload, with_kabid_approval


@pytest.fixture(autouse=True)
def _office_pencatatan_restored(client, auth):
    # Versions outlive a test: the office's own Pencatatan is current again afterwards.
    yield
    auth.login("admin")
    client.post("/admin/katalog/pasang", content_type="multipart/form-data", data={
        "komentar": "Kembali", "berkas": (io.BytesIO(PENCATATAN), "pencatatan.bpmn")})


def marked(xml: bytes, note: str) -> bytes:
    """The diagram with a comment of its own: a version no other test deployed."""
    return xml.replace(b"</bpmn:definitions>", f"<!-- {note} --></bpmn:definitions>".encode())


def newest_instance(session) -> int:
    return session.scalar(select(Instance.id).order_by(Instance.id.desc()))


def current_pencatatan(session) -> int:
    return session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))


def move(client, target: int, *instance_ids: int):
    return client.post("/admin/katalog/pindahkan",
                       data={"ke": str(target), "proses": [str(i) for i in instance_ids]})


def outcomes(response) -> dict[int, str]:
    return {int(li.get("data-instance")): squash(li.text_content())
            for li in parse(response).xpath('//div[@id="move-outcomes"]//li')}


def test_a_waiting_pencatatan_moved_to_the_kabid_version_finishes_on_the_new_route(
    client, auth, session
):
    auth.login("operator")
    post_pencatatan(client)
    instance_id = newest_instance(session)
    auth.login("admin")
    assert upload(client, {"pencatatan.bpmn": marked(with_kabid_approval(PENCATATAN), "pindah")}).status_code == 302
    target = current_pencatatan(session)
    page = client.get("/admin/katalog")
    [button] = parse(page).xpath('//section[@class="move"]//button')
    assert squash(button.text_content()) == f"Pindahkan ke versi {target}"
    response = move(client, target, instance_id)
    assert response.status_code == 200
    assert outcomes(response) == {instance_id: f"Proses {instance_id}: Dipindahkan ke versi {target}."}
    [moved] = entries(session, "PINDAH_VERSI")
    assert moved.detail["ke_versi"] == target and moved.detail["proses"] == instance_id
    session.expire_all()
    assert session.get(Instance, instance_id).version_id == target

    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kasubbid Paminal")
    auth.login("kabid")
    [waiting] = tasks_of(client, instance_id)
    assert waiting.title == "Persetujuan Kabid Propam"
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kabid Propam")
    session.expire_all()
    assert session.get(Instance, instance_id).status == "complete"
    assert session.scalar(select(Record.status).where(Record.instance_id == instance_id)) == "PROSES"
    assert list(engine.check_instances(session)) == []


def test_an_instance_whose_submitted_step_changed_is_refused_with_the_reason(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    instance_id = newest_instance(session)
    before = session.get(Instance, instance_id).version_id
    auth.login("admin")
    renamed = PENCATATAN.replace(b'name="Isi data pencatatan"', b'name="Isi data catatan"')
    assert upload(client, {"pencatatan.bpmn": renamed}).status_code == 302
    response = move(client, current_pencatatan(session), instance_id)
    assert outcomes(response) == {instance_id: (
        f"Proses {instance_id}: Tidak aman dipindahkan: langkah \u201cIsi data pencatatan\u201d "
        "yang sudah selesai diubah.")}
    [refused] = entries(session, "TOLAK_PINDAH_VERSI")
    assert refused.detail["alasan"].startswith("Tidak aman dipindahkan")
    session.expire_all()
    assert session.get(Instance, instance_id).version_id == before
    assert list(engine.check_instances(session)) == []


def test_only_the_process_owner_moves_instances(client, auth, session):
    auth.login("kasubbid")
    assert move(client, 1, 1).status_code == 403
    assert entries(session, "AKSES_DITOLAK")[-1].target == "/admin/katalog/pindahkan"


def test_a_pencatatan_stopped_by_a_bad_condition_is_moved_to_the_fix_and_retried(
    client, auth, session
):
    auth.login("admin")
    bad = marked(PENCATATAN, "salah").replace(b'keputusan == "SETUJU"', b'keputusan == SETUJU_SALAH_KETIK')
    assert upload(client, {"pencatatan.bpmn": bad}).status_code == 302
    auth.login("operator")
    post_pencatatan(client)
    instance_id = newest_instance(session)
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kasubbid Paminal")
    session.expire_all()
    assert session.get(Instance, instance_id).status == "stopped"
    [incident] = engine.incident_list(session)

    auth.login("admin")
    fixed = marked(PENCATATAN, "diperbaiki")
    assert upload(client, {"pencatatan.bpmn": fixed}, "Kondisi diperbaiki").status_code == 302
    target = current_pencatatan(session)
    assert outcomes(move(client, target, instance_id))[instance_id].endswith(
        f"Dipindahkan ke versi {target}.")
    client.post(f"/admin/insiden/{incident.id}/coba-lagi")
    session.expire_all()
    assert session.get(Instance, instance_id).status == "complete"
    assert session.scalar(select(Record.status).where(Record.instance_id == instance_id)) == "PROSES"
    assert engine.incident_list(session) == []
    assert list(engine.check_instances(session)) == []
