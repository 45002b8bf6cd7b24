"""Update II–IV over HTTP as the operator fills them: the amar and a row per sanction,
limits refused inline with what was typed kept, an acquittal closing the record, the
person page's "bersih sejak", and the berakhirnya hukuman task in the inbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

from processes.db.uow import UnitOfWork
from processes.records import statuses
from processes.records.sanction_dates import office_today
from processes.reference.dates import long_date
from processes.work.timers import fire_due_timers
from tests.support.data import KEPP, PIDANA, pemutakhiran, putusan, sanction_row
from tests.support.flows import approve, ready_for_putusan, record_in_proses, submit_update
from tests.support.pages import inbox, instance_of, parse, person_path, start_url, task_of
from tests.support.web_flows import approve_both, read_record, start_update, text_by_id


def test_a_kepp_putusan_with_patsus_and_demosi_is_recorded_and_shown(client, auth, session):
    record = ready_for_putusan(session, **KEPP)
    auth.login("operator")
    form = parse(client.get(start_url("update_ii", record.id)))
    assert {o.get("value") for o in form.xpath('//select[@id="f-amar_putusan"]/option')
            if o.get("value")} == {"DIHUKUM", "TIDAK_TERBUKTI"}  # no bebas/lepas outside court
    assert len(form.xpath('//table[@id="f-daftar_hukuman"]/tbody/tr')) == 3

    rows = [sanction_row("KEPP_PATSUS", 30, "2026-11-02"), sanction_row("KEPP_DEMOSI", 1, "2026-11-10")]
    instance_id = instance_of(start_update(client, "update_ii", record.id, putusan(*rows)))
    approve_both(auth, client, instance_id)
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == statuses.PENGAWASAN
    assert page.tahap("UPDATE_II").lines["Amar putusan"] == "Terbukti, dijatuhi hukuman"
    assert page.tahap("UPDATE_II").lines["Hukuman"] == (
        "Penempatan pada tempat khusus (patsus) paling lama 30 hari kerja "
        "(30 hari kerja, mulai 2 November 2026); "
        "Mutasi bersifat demosi paling singkat 1 tahun (1 tahun, mulai 10 November 2026)")

    auth.login("kaurlitpers")
    person = parse(client.get(person_path(session, KEPP["nomor_identitas"])))
    assert " ".join(text_by_id(person, "bersih-sejak").split()) == (
        "Bersih sejak: 10 November 2027 (masih menjalani hukuman)")


def test_a_patsus_over_21_days_is_refused_inline_and_every_typed_row_stays(client, auth, session):
    record = ready_for_putusan(session)
    auth.login("operator")
    rows = [sanction_row("DISIPLIN_PATSUS", 22, "2026-11-03"),
            sanction_row("DISIPLIN_DEMOSI", 2, "2026-11-10")]
    response = start_update(client, "update_ii", record.id, putusan(*rows))
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-daftar_hukuman") == (
        "Hukuman baris 1: lama hukuman ini paling lama 21 hari (PP 2/2003).")
    assert page.xpath('//select[@name="daftar_hukuman-0-kode"]/option[@selected]/@value') == [
        "DISIPLIN_PATSUS"]
    assert page.xpath('//input[@name="daftar_hukuman-0-lama"]/@value') == ["22"]
    assert page.xpath('//input[@name="daftar_hukuman-0-mulai"]/@value') == ["2026-11-03"]
    assert page.xpath('//select[@name="daftar_hukuman-1-kode"]/option[@selected]/@value') == [
        "DISIPLIN_DEMOSI"]
    assert page.xpath('//input[@name="daftar_hukuman-1-lama"]/@value') == ["2"]
    assert read_record(client, record.id).status == statuses.PROSES


def test_a_length_typed_as_words_is_refused_not_a_server_error(client, auth, session):
    record = ready_for_putusan(session, **KEPP)
    auth.login("operator")
    response = start_update(client, "update_ii", record.id, putusan(
        {"kode": "KEPP_DEMOSI", "lama": "satu", "mulai": "2026-11-10"}))
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-daftar_hukuman") == "Hukuman baris 1: Lama harus berupa bilangan bulat."
    assert page.xpath('//input[@name="daftar_hukuman-0-lama"]/@value') == ["satu"]


def test_a_pidana_acquittal_closes_the_record_as_tidak_terbukti(client, auth, session):
    record = record_in_proses(session, **PIDANA)
    auth.login("operator")
    instance_id = instance_of(start_update(client, "update_ii", record.id, putusan(amar="BEBAS")))
    approve_both(auth, client, instance_id)
    auth.login("kaurlitpers")
    page = read_record(client, record.id)
    assert page.status == statuses.TIDAK_TERBUKTI
    assert page.offers == []
    assert page.tahap("UPDATE_II").lines["Amar putusan"] == "Bebas (dakwaan tidak terbukti)"
    person = parse(client.get(person_path(session, PIDANA["nomor_identitas"])))
    assert " ".join(text_by_id(person, "bersih-sejak").split()) == (
        "Bersih sejak: tidak ada hukuman tercatat")


def test_an_acquittal_with_a_sanction_is_refused(client, auth, session):
    record = record_in_proses(session, **PIDANA)
    auth.login("operator")
    response = start_update(client, "update_ii", record.id,
                            putusan("PIDANA_PENJARA", amar="LEPAS"))
    assert response.status_code == 422
    assert text_by_id(parse(response), "err-daftar_hukuman") == (
        'Putusan "Lepas dari segala tuntutan hukum" tidak memuat hukuman; kosongkan daftar hukuman.')


class _Later(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + timedelta(days=6)


def test_berakhirnya_hukuman_reaches_the_inbox_and_closes_after_the_pemutakhiran(
    client, auth, session, session_factory, monkeypatch
):
    record = record_in_proses(session)
    mulai = office_today()
    instance_id = submit_update(session, "update_ii", record, putusan(
        sanction_row("DISIPLIN_PATSUS", 5, mulai.isoformat()), tanggal=mulai.isoformat()))
    approve(session, instance_id)
    auth.login("operator")
    assert [t for t in inbox(client) if t.instance_id == instance_id] == []

    monkeypatch.setattr(spiff_timer, "datetime", _Later)
    woke = fire_due_timers(lambda: UnitOfWork(session_factory), datetime.now(UTC) + timedelta(days=6))
    assert woke == 1
    task = task_of(client, instance_id, "Berakhirnya hukuman")
    refused = client.post(f"/tugas/{task.task_id}", data={"tindak_lanjut": ""})
    assert refused.status_code != 302
    assert "ajukan Pemutakhiran (Berakhirnya hukuman)" in refused.get_data(as_text=True)
    assert task_of(client, instance_id, "Berakhirnya hukuman") == task

    closing = instance_of(start_update(client, "pemutakhiran", record.id,
                                       pemutakhiran("BERAKHIRNYA_HUKUMAN")))
    done = client.post(f"/tugas/{task.task_id}", data={"tindak_lanjut": "Pemutakhiran diajukan"})
    assert done.status_code == 302
    assert [t for t in inbox(client) if t.instance_id == instance_id] == []
    approve_both(auth, client, closing)
    auth.login("kaurlitpers")
    assert read_record(client, record.id).status == statuses.SELESAI
    person = parse(client.get(person_path(session, record.person.nomor_identitas)))
    assert " ".join(text_by_id(person, "bersih-sejak").split()) == (
        f"Bersih sejak: {long_date(mulai + timedelta(days=5))} (masih menjalani hukuman)")
