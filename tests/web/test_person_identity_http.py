"""A person's stored identity through HTTP: a pencatatan never renames a known person on
submission; the approvers see the difference, and it is applied (and kept in the person's
history) only when the submission is approved."""

from __future__ import annotations

from sqlalchemy import select

from processes.records.models import Person, PersonChange
from tests.support.actors import user
from tests.support.data import NAMA_AIPDA, NRP_AIPDA
from tests.support.flows import record_in_proses
from tests.support.pages import (
    instance_of,
    parse,
    person_path,
    post_decision,
    post_pencatatan,
    squash,
    task_of,
)

RENAMED = "Budi Hartono Wijaya"


def stored(session) -> Person:
    session.expire_all()
    return session.scalar(select(Person).where(Person.nomor_identitas == NRP_AIPDA))


def differences(client, instance_id: int) -> list[list[str]]:
    page = parse(client.get(f"/tugas/{task_of(client, instance_id).task_id}"))
    return [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in page.xpath('//*[@id="identity-differences"]//tbody/tr')]


def test_a_pencatatan_renames_a_known_person_only_when_approved(client, auth, session):
    record_in_proses(session, username="op.kapuas")  # Budi Hartono, AIPDA, Polres Kapuas
    auth.login("op.barsel")
    instance_id = instance_of(post_pencatatan(
        client, nama=RENAMED, jenis_kelamin="L", pangkat="BRIPKA",
        unit_kerja="POLRES-BARITO-SELATAN"))
    person = stored(session)
    assert (person.nama, person.jenis_kelamin) == (NAMA_AIPDA, None)  # nothing renamed yet

    auth.login("kaurlitpers")
    assert differences(client, instance_id) == [
        ["Nama", NAMA_AIPDA, RENAMED, "Diterapkan pada personel bila pengajuan disetujui"],
        ["Jenis kelamin", "–", "Laki-laki", "Diterapkan pada personel bila pengajuan disetujui"],
        ["Pangkat", "Ajun Inspektur Polisi Dua (AIPDA)", "Brigadir Polisi Kepala (BRIPKA)",
         "Dari catatan sebelumnya; catatan ini menyimpan nilainya sendiri"],
        ["Unit kerja", "Polres Kapuas", "Polres Barito Selatan",
         "Dari catatan sebelumnya; catatan ini menyimpan nilainya sendiri"],
    ]
    post_decision(client, instance_id, "SETUJU")
    assert stored(session).nama == NAMA_AIPDA  # one approval is not the approval
    auth.login("kasubbid")
    assert [row[0] for row in differences(client, instance_id)] == [
        "Nama", "Jenis kelamin", "Pangkat", "Unit kerja"]
    post_decision(client, instance_id, "SETUJU")

    person = stored(session)
    assert (person.nama, person.jenis_kelamin) == (RENAMED, "L")
    changes = session.execute(
        select(PersonChange.field, PersonChange.old, PersonChange.new, PersonChange.changed_by,
               PersonChange.instance_id).order_by(PersonChange.id)).all()
    kasubbid = user(session, "kasubbid").id
    assert [tuple(c) for c in changes] == [
        ("nama", NAMA_AIPDA, RENAMED, kasubbid, instance_id),
        ("jenis_kelamin", "", "L", kasubbid, instance_id),
    ]

    auth.login("kabid")
    page = parse(client.get(person_path(session, NRP_AIPDA)))
    rows = [[squash(td.text_content()) for td in tr.xpath("./td")][1:]
            for tr in page.xpath('//*[@id="identity-history"]//tbody/tr')]
    assert rows == [
        ["Nama", NAMA_AIPDA, RENAMED, "Kompol Hendra Wijaya", f"#{instance_id}"],
        ["Jenis kelamin", "–", "Laki-laki", "Kompol Hendra Wijaya", f"#{instance_id}"],
    ]
    assert RENAMED in squash(page.xpath("//h1")[0].text_content())


def test_a_returned_rename_changes_nothing(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    instance_id = instance_of(post_pencatatan(client, nama="Orang Lain Sama Sekali"))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "KEMBALIKAN", "Nama tidak sesuai data personel")
    assert stored(session).nama == NAMA_AIPDA
    assert session.scalar(select(PersonChange)) is None
    auth.login("op.barsel")  # the submitter's own form never tells what is stored
    page = client.get(f"/tugas/{task_of(client, instance_id).task_id}").get_data(as_text=True)
    assert 'id="identity-differences"' not in page and NAMA_AIPDA not in page


def test_a_first_pencatatan_records_the_person_as_submitted(client, auth, session):
    auth.login("op.kapuas")
    instance_id = instance_of(post_pencatatan(client, jenis_kelamin="L"))
    assert (stored(session).nama, stored(session).jenis_kelamin) == (NAMA_AIPDA, "L")
    auth.login("kaurlitpers")
    assert differences(client, instance_id) == []  # nothing stored to differ from
    assert session.scalar(select(PersonChange)) is None
