"""The Kotak Tugas as an approver lives in it: who the person is, which process and step,
where, who submitted, how long it waited (overdue past the step's target), returned work
marked; filters, a POSTed search, sorting, keyset paging and a capped menu count."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, select, update

import engine
from engine import InboxQuery, utcnow
from engine.models import OpenTask
from processes.accounts.models import User
from processes.accounts.users import actor_for
from tests.support.data import NAMA_AIPDA, NRP_AIPDA
from tests.support.pages import only_task, parse, post_decision, post_pencatatan, squash


def _rows(response):
    return parse(response).xpath('//table[@id="inbox"]/tbody/tr')


def _clone_tasks(session, count: int) -> None:
    """`count` more open tasks like the one waiting, each a minute older than the last."""
    row = session.scalar(select(OpenTask))
    for n in range(count):
        session.add(OpenTask(
            id=f"clone-{n:04d}", instance_id=row.instance_id, process_id=row.process_id,
            task_name=row.task_name, title=row.title, lane=row.lane, unit_path=row.unit_path,
            form=row.form, business_key=f"9{n:07d}", label=f"Klon {n}", details=row.details,
            created_at=utcnow() - timedelta(minutes=n + 1),
        ))
    session.commit()


def test_a_row_shows_person_process_step_unit_submitter_and_waiting_time(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    (row,) = _rows(client.get("/"))
    text = squash(row.text_content())
    assert NAMA_AIPDA in text and "Aipda" in text.title() and NRP_AIPDA in text
    assert "Periksa pencatatan (Kaurlitpers)" in text and "Pencatatan" in text
    assert "Polda" in text or "Polres" in text  # the unit by name, never its path
    assert "/POLDA" not in text
    assert "menit" in text  # waiting time
    assert "Terlambat" not in text and "Dikembalikan" not in text


def test_a_returned_task_is_marked_dikembalikan(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    post_decision(client, only_task(client).instance_id, "KEMBALIKAN", "Nomor LP salah")
    auth.login("operator")
    (row,) = _rows(client.get("/"))
    assert "Dikembalikan" in squash(row.text_content())


def test_a_task_past_its_steps_target_is_overdue_and_filtered_so(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    client.get("/")
    assert _rows(client.post("/", data={"terlambat": "1"})) == []
    session.execute(update(OpenTask).values(due_at=utcnow() - timedelta(hours=1)))
    session.commit()
    (row,) = _rows(client.post("/", data={"terlambat": "1"}))
    assert "Terlambat" in squash(row.text_content())


def test_search_by_nrp_or_name_is_posted_and_filters_narrow(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    assert len(_rows(client.post("/", data={"cari": NRP_AIPDA}))) == 1
    assert len(_rows(client.post("/", data={"cari": NAMA_AIPDA.split()[0].lower()}))) == 1
    assert _rows(client.post("/", data={"cari": "Tidak Ada Orang"})) == []
    assert _rows(client.post("/", data={"proses": "permohonan_catpers"})) == []
    assert len(_rows(client.post("/", data={"proses": "pencatatan"}))) == 1
    assert _rows(client.post("/", data={"tahap": "Task_Perbaiki"})) == []
    page = client.get("/").get_data(as_text=True)
    assert NRP_AIPDA not in " ".join(parse(client.get("/")).xpath("//form/@action"))
    assert 'method="post"' in page


def test_pages_follow_one_another_by_keyset_and_sort_both_ways(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    _clone_tasks(session, 60)
    auth.login("kaurlitpers")
    first = client.post("/", data={})
    cursor = parse(first).xpath('//form[@id="inbox-next"]//button/@value')[0]
    second = client.post("/", data={"setelah": cursor})
    names = [squash(r.xpath('.//*[@class="nama"]')[0].text_content()) for r in _rows(first)]
    later = [squash(r.xpath('.//*[@class="nama"]')[0].text_content()) for r in _rows(second)]
    assert len(names) == 50 and len(later) == 11 and not set(names) & set(later)
    assert names[0] == NAMA_AIPDA  # newest first
    oldest = client.post("/", data={"urut": "terlama"})
    assert squash(_rows(oldest)[0].xpath('.//*[@class="nama"]')[0].text_content()) == "Klon 59"


def test_the_menu_count_stops_at_99_plus(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    assert squash(parse(client.get("/")).xpath('//*[@id="inbox-count"]')[0].text_content()) == "1"
    _clone_tasks(session, 120)
    assert squash(parse(client.get("/")).xpath('//*[@id="inbox-count"]')[0].text_content()) == "99+"


def test_an_inbox_read_is_one_sql_statement(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    actor = actor_for(session.scalar(select(User).where(User.username == "kaurlitpers")))
    statements = []
    bind = session.get_bind()
    listener = lambda *args: statements.append(args[2])
    event.listen(bind, "before_cursor_execute", listener)
    try:
        found = engine.inbox(session, actor, InboxQuery(search=NRP_AIPDA, overdue=True))
        found += engine.inbox(session, actor, InboxQuery())
    finally:
        event.remove(bind, "before_cursor_execute", listener)
    assert len(found) == 1 and len(statements) == 2
