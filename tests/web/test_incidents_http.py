"""A diagram step that fails at run time: the user reads that the process stopped, the
administrator sees the incident and retries it once the cause is fixed. Never a 500."""

from __future__ import annotations

from sqlalchemy import select

import engine
from engine.models import Instance
from processes.records import pencatatan, statuses
from processes.records.models import Record, StoredFile
from tests.support.flows import submitted_record
from tests.support.pages import parse, post_decision, post_pencatatan, squash, task_of

STOPPED_AT_AJUKAN = (
    "Proses berhenti karena kesalahan pada diagram (langkah \u201cCatat sebagai DIAJUKAN "
    "(DICATAT)\u201d); pemilik proses telah diberi tahu."
)


def flashes(response) -> list[str]:
    return [squash(f.text_content()) for f in parse(response).xpath('//*[contains(@class, "flash")]')]


def incident_rows(client) -> list[list[str]]:
    page = client.get("/admin/insiden")
    assert page.status_code == 200
    return [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in parse(page).xpath('//table[@id="incidents"]/tbody/tr')]


def break_ajukan(monkeypatch) -> None:
    def broken(ctx):
        raise RuntimeError("disk penuh")

    monkeypatch.setitem(pencatatan.SERVICES._functions, "catpers.ajukan_pencatatan", broken)


def test_a_failing_step_tells_the_operator_the_process_stopped_and_keeps_the_submission(
    client, auth, session, monkeypatch
):
    break_ajukan(monkeypatch)
    auth.login("operator")
    response = post_pencatatan(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
    assert flashes(client.get("/")) == [STOPPED_AT_AJUKAN]
    assert session.scalar(select(Record)) is None  # the failed step wrote nothing
    assert session.scalar(select(StoredFile)) is not None  # the operator's upload is kept
    assert session.scalar(select(Instance.status)) == "stopped"


def test_the_administrator_sees_the_incident_and_retries_it_after_the_fix(
    client, auth, session, monkeypatch
):
    break_ajukan(monkeypatch)
    auth.login("operator")
    post_pencatatan(client)
    auth.login("admin")
    [row] = incident_rows(client)
    assert row[1:4] == ["Pencatatan Catatan Personel", "Catat sebagai DIAJUKAN (DICATAT)",
                        "Bripka Andi Saputra (Operator (Pama/BA/ASN))"]
    assert "Layanan 'catpers.ajukan_pencatatan' gagal (RuntimeError: disk penuh)" in row[4]
    [incident] = engine.incident_list(session)

    monkeypatch.undo()  # the cause is fixed
    response = client.post(f"/admin/insiden/{incident.id}/coba-lagi", follow_redirects=True)
    assert flashes(response) == ["Langkah dijalankan ulang; proses berlanjut."]
    assert incident_rows(client) == []
    session.expire_all()
    record = session.scalar(select(Record))
    assert record.status == statuses.DIAJUKAN_DICATAT
    assert record.submitted_by == session.scalar(select(Instance.started_by))
    auth.login("kaurlitpers")
    assert task_of(client, record.instance_id).title


def test_a_retry_that_fails_again_says_so_and_leaves_a_new_incident(
    client, auth, session, monkeypatch
):
    break_ajukan(monkeypatch)
    auth.login("operator")
    post_pencatatan(client)
    auth.login("admin")
    [incident] = engine.incident_list(session)
    response = client.post(f"/admin/insiden/{incident.id}/coba-lagi", follow_redirects=True)
    assert response.status_code == 200
    [message] = flashes(response)
    assert message.startswith("Langkah masih gagal; insiden baru dicatat:")
    [again] = engine.incident_list(session)
    assert again.id != incident.id


def test_a_step_failing_after_an_approval_keeps_the_approval(client, auth, session, monkeypatch):
    record = submitted_record(session)

    def broken(ctx):
        raise KeyError("status")

    monkeypatch.setitem(pencatatan.SERVICES._functions, "catpers.setujui_pencatatan", broken)
    auth.login("kaurlitpers")
    post_decision(client, record.instance_id, "SETUJU")
    auth.login("kasubbid")
    response = post_decision(client, record.instance_id, "SETUJU")
    assert response.headers["Location"].endswith("/")
    [message] = flashes(client.get("/"))
    assert message.startswith("Proses berhenti karena kesalahan pada diagram (langkah")
    titles = [e.title for e in engine.timeline(session, record.instance_id)]
    assert len(titles) == 3  # the submission and both approvals are kept


def test_only_the_administrator_sees_incidents_and_retries_them(client, auth):
    auth.login("kabid")
    assert client.get("/admin/insiden").status_code == 403
    assert client.post("/admin/insiden/1/coba-lagi").status_code == 403
    auth.login("admin")
    response = client.post("/admin/insiden/99999/coba-lagi", follow_redirects=True)
    assert flashes(response) == ["Insiden tidak ditemukan."]
