"""Approvers see what they decide on: the task page of a permohonan SKHP shows the findings
as the letter would print them and the person's catpers; a pencatatan approval shows the
person's other records. Each showing is a logged read; an operator's task shows none."""

from __future__ import annotations

from sqlalchemy import select

from processes.access.grounds import SEMUA
from processes.accounts.models import User
from processes.db.audit_actions import BACA_TUGAS_CATPERS
from tests.support.access_flows import TASK_KAURLITPERS, post_permohonan
from tests.support.audit import entries
from tests.support.data import NRP_AIPDA, pencatatan_data
from tests.support.flows import record_in_proses
from tests.support.pages import instance_of, parse, post_decision, post_start, squash, task_of


def rows(page, table_id: str) -> list[list[str]]:
    return [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in page.xpath(f'//table[@id="{table_id}"]/tbody/tr')]


def decision_reads(session, username: str | None = None) -> list:
    found = entries(session, BACA_TUGAS_CATPERS)
    return [e for e in found if username is None or e.user_id == _user_id(session, username)]


def _user_id(session, username: str) -> int:
    return session.scalar(select(User.id).where(User.username == username))


def test_kaurlitpers_sees_the_skhp_findings_and_the_persons_catpers_and_the_read_is_logged(
    client, auth, session
):
    record_in_proses(session, username="op.kapuas")  # a disiplin record still in PROSES
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))

    auth.login("kaurlitpers")
    task = task_of(client, instance_id, TASK_KAURLITPERS)
    page = parse(client.get(f"/tugas/{task.task_id}"))
    findings = {r[0]: r for r in rows(page, "skhp-findings")}
    assert findings["PIDANA"][1] == "TIDAK ADA" and findings["KODE ETIK"][1] == "TIDAK ADA"
    assert findings["DISIPLIN"][1] == "MASIH DALAM PROSES"
    assert "Tidak masuk dinas tanpa keterangan" in findings["DISIPLIN"][2]
    [record] = rows(page, "person-records")
    assert "Tidak masuk dinas tanpa keterangan" in record[2] and record[-1] == "PROSES"
    [read] = decision_reads(session, "kaurlitpers")
    assert (read.target, read.outcome, read.detail) == (NRP_AIPDA, SEMUA, {"ref": str(instance_id)})


def test_someone_without_the_task_sees_nothing_of_it(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    task_id = task_of(client, instance_id, TASK_KAURLITPERS).task_id
    for username in ("kasubbid", "op.kapuas"):  # not theirs (yet): the page is refused
        auth.login(username)
        response = client.get(f"/tugas/{task_id}")
        assert response.status_code in (302, 403), username
        assert b"skhp-findings" not in response.data and b"person-records" not in response.data
        assert decision_reads(session, username) == []


def test_an_operators_returned_task_shows_no_catpers_of_the_person(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "KEMBALIKAN", "Lengkapi surat permintaan", title=TASK_KAURLITPERS)
    auth.login("operator")
    page = parse(client.get(f"/tugas/{task_of(client, instance_id).task_id}"))
    assert page.xpath('//*[@id="decision-view"]') == []
    assert decision_reads(session, "operator") == []


def test_a_pencatatan_approval_shows_the_persons_other_records(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("operator")
    instance_id = instance_of(post_start(client, "pencatatan", pencatatan_data(
        wujud_perbuatan="MABUK_MIRAS", dokumen_nomor="LP/A/40/XI/2026/Yanduan")))
    auth.login("kaurlitpers")
    page = parse(client.get(f"/tugas/{task_of(client, instance_id).task_id}"))
    assert page.xpath('//*[@id="skhp-findings"]') == []  # no letter is decided here
    [earlier] = rows(page, "person-records")  # the record being approved is not listed
    assert earlier[-1] == "PROSES" and "Tidak masuk dinas tanpa keterangan" in earlier[2]
    assert len(decision_reads(session, "kaurlitpers")) == 1
