"""Pages speak the office's words: codes of reference lists appear by their labels and dates
as an Indonesian reader writes them ("2 Oktober 2026"; 02-10-2026 in dense tables), in the
record list, an approver's task summary and the record page's documents."""

from __future__ import annotations

from tests.support.data import NAMA_AIPDA
from tests.support.flows import record_in_proses, submitted_record, task_of
from tests.support.pages import parse, squash


def test_the_record_list_shows_pangkat_and_jenis_by_their_labels(client, auth, session):
    record_in_proses(session, pangkat="BRIGPOL", jenis_pelanggaran="DISIPLIN")
    auth.login("kaurlitpers")
    page = parse(client.get("/catatan"))
    row = [squash(td.text_content()) for td in page.xpath('//table[@id="records"]/tbody/tr[1]/td')]
    assert row[0] == NAMA_AIPDA
    assert row[2] == "Brigadir Polisi (BRIGPOL)"
    assert row[3] != "DISIPLIN" and "isiplin" in row[3]


def test_the_filters_are_folded_in_a_details_element(client, auth, session):
    record_in_proses(session)
    auth.login("kaurlitpers")
    page = parse(client.get("/catatan"))
    fold = page.xpath('//details[@id="filters-fold"]')
    assert fold and fold[0].xpath('.//form[@id="filters"]') and fold[0].get("open") is None
    searched = parse(client.post("/catatan", data={"q": "Budi"}))
    assert searched.xpath('//details[@id="filters-fold"]')[0].get("open") is not None


def test_an_approvers_summary_writes_the_document_date_in_words(client, auth, session):
    record = submitted_record(session)
    task = task_of(session, "kaurlitpers", record.instance_id)
    auth.login("kaurlitpers")
    summary = squash(parse(client.get(f"/tugas/{task.id}")).xpath('//dl[@id="summary"]')[0].text_content())
    assert "2 Oktober 2026" in summary and "2026-10-02" not in summary


def test_the_record_page_writes_document_dates_as_dd_mm_yyyy(client, auth, session):
    record = record_in_proses(session)
    auth.login("kaurlitpers")
    text = client.get(f"/catatan/{record.id}").get_data(as_text=True)
    assert "02-10-2026" in text and "2026-10-02" not in text


def test_a_finished_process_page_links_back_to_its_record(client, auth, session):
    record = record_in_proses(session)  # its Pencatatan has ended
    auth.login("kaurlitpers")
    page = parse(client.get(f"/proses/{record.instance_id}"))
    assert squash(page.xpath('//*[@id="instance-status"]')[0].text_content()) == "selesai"
    assert page.xpath(f'//a[@href="/catatan/{record.id}"]')


def test_the_history_prints_each_role_once(client, auth, session):
    record = record_in_proses(session)
    auth.login("kaurlitpers")
    text = squash(parse(client.get(f"/proses/{record.instance_id}")).xpath(
        '//ol[@id="timeline"]')[0].text_content())
    assert "(Kaurlitpers)" in text and "(Kaurlitpers) (Kaurlitpers)" not in text
