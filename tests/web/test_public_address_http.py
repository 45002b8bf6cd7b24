"""No letter goes out whose QR code points at this computer only: while the verification
address is a local one (127.0.0.1, localhost) and the office key is a real one, the
authority's approval is refused with the reason, the refusal is audited, and the
administrator's settings page says so. A demo (the demo key) may issue with it."""

from __future__ import annotations

import dataclasses

import pytest

from processes.letters import settings, signing
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import TASK_KASUBBID, TASK_KAURLITPERS, post_permohonan
from tests.support.actors import user
from tests.support.audit import entries
from tests.support.flows import letter_of
from tests.support.pages import instance_of, post_decision, task_of


def refused_approval(client, auth) -> tuple[int, str]:
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login("kasubbid")
    task = task_of(client, instance_id, TASK_KASUBBID)
    response = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "SETUJU", "konfirmasi_sandi": DEMO_PASSWORD}, follow_redirects=True)
    return instance_id, response.get_data(as_text=True)


@pytest.mark.parametrize("address", ["http://127.0.0.1:5000", "http://localhost:8000/",
                                     "http://[::1]/", "http://0.0.0.0"])
def test_a_local_address_is_recognised(address):
    assert settings.is_local_address(address)


@pytest.mark.parametrize("address", ["https://catpers.propam-kalteng.test",
                                     "http://10.20.1.5:8080", "https://propam.polri.go.id/"])
def test_an_office_address_is_not_local(address):
    assert not settings.is_local_address(address)


def test_a_letter_is_refused_while_the_address_is_local(client, auth, session, monkeypatch):
    monkeypatch.setitem(settings.DEFAULTS, "alamat_verifikasi", "http://127.0.0.1:5000")
    before = len(entries(session))
    instance_id, page = refused_approval(client, auth)
    assert "alamat verifikasi (http://127.0.0.1:5000) adalah alamat lokal" in page
    assert letter_of(session, instance_id) is None
    session.expire_all()
    refusals = [e for e in entries(session)[before:] if e.action == "AKSES_DITOLAK"]
    assert [e.user_id for e in refusals if "alamat lokal" in (e.outcome or "")] == [
        user(session, "kasubbid").id]
    assert task_of(client, instance_id, TASK_KASUBBID)  # still waiting for the authority

    auth.login("admin")
    warning = client.get("/admin/pengaturan").get_data(as_text=True)
    assert 'id="address-warning"' in warning and "alamat lokal" in warning
    client.post("/admin/pengaturan", data={"alamat_verifikasi": "https://catpers.propam-kalteng.test"})
    assert 'id="address-warning"' not in client.get("/admin/pengaturan").get_data(as_text=True)
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title=TASK_KASUBBID)
    assert letter_of(session, instance_id) is not None


def test_a_demo_may_issue_with_the_local_address(client, auth, session, monkeypatch, office_key):
    monkeypatch.setitem(settings.DEFAULTS, "alamat_verifikasi", "http://127.0.0.1:5000")
    signing.configure(dataclasses.replace(office_key, demo=True))
    auth.login("admin")
    assert 'id="address-warning"' not in client.get("/admin/pengaturan").get_data(as_text=True)
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title=TASK_KASUBBID)
    assert letter_of(session, instance_id) is not None
