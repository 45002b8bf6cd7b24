"""Akses khusus as the AKSES CATPERS table says (column POLDA): the basis and the purpose
of a request decide who authorises it (otorisasi_akses_khusus.dmn), the task lands in that
official's lane, and the grant goes to the official named as the one who reads, shown on
the person's page; a refusal is audited with its reason."""

from __future__ import annotations

from sqlalchemy import select

from processes.access.models import AccessGrant
from processes.accounts.models import User
from processes.db.audit import AuditEntry
from processes.db.audit_actions import AKSES_DITOLAK, TOLAK_AKSES_KHUSUS
from tests.support.access_checks import count
from tests.support.access_flows import TASK_AKSES_KHUSUS, post_akses_khusus
from tests.support.data import NRP_AIPDA
from tests.support.flows import record_in_proses, request_of
from tests.support.pages import (
    instance_of,
    parse,
    person_path,
    post_decision,
    squash,
    task_of,
    tasks_of,
)

TASK_KAPOLDA = "Keputusan Kapolda"
#: A written request of the Karo SDM for an attention of the leadership, read by op.kapuas.
ATENSI_TERTULIS = {"dasar": "PERMINTAAN_TERTULIS", "peminta_khusus": "", "kepentingan": "ATENSI",
                   "pejabat_pembaca": "op.kapuas"}


def _user_id(session, username: str) -> int:
    return session.scalar(select(User.id).where(User.username == username))


def _reads_person(client, session) -> int:
    return client.get(person_path(session, NRP_AIPDA)).status_code


def test_a_written_request_for_an_atensi_is_authorised_by_kapolda_for_the_named_official(
    client, auth, session
):
    record_in_proses(session, username="operator")
    auth.login("op.barsel")
    instance_id = instance_of(post_akses_khusus(client, **ATENSI_TERTULIS))
    assert request_of(session, instance_id).otoritas == "KAPOLDA"
    for username in ("kabid", "kasubbid", "kaurlitpers"):
        auth.login(username)
        assert tasks_of(client, instance_id) == [], username

    auth.login("kapolda")
    task = task_of(client, instance_id, TASK_KAPOLDA)
    summary = squash(parse(client.get(f"/tugas/{task.task_id}")).xpath('//*[@id="summary"]')[0]
                     .text_content())
    assert "Kepentingan lain atas atensi" in summary and "Permintaan tertulis Kasatker" in summary
    post_decision(client, instance_id, "SETUJU", title=TASK_KAPOLDA, masa_hari="5")
    readers = set(session.scalars(select(AccessGrant.user_id)))
    assert readers == {_user_id(session, "op.kapuas"), _user_id(session, "op.barsel")}
    assert {g.granted_by for g in session.scalars(select(AccessGrant))} == {
        _user_id(session, "kapolda")}

    auth.login("op.kapuas")  # the official who needs to read: the whole person
    assert _reads_person(client, session) == 200
    auth.login("op.barsel")  # the operator who typed the request too
    assert _reads_person(client, session) == 200
    auth.login("kabid")  # and the grant is on the person's page: who, basis, purpose, until
    section = parse(client.get(person_path(session, NRP_AIPDA))).xpath('//*[@id="akses-khusus"]')
    rows = [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in section[0].xpath(".//tbody/tr")]
    assert sorted(r[0] for r in rows) == ["Brigpol Yoga Pratama", "Bripda Sari Utami"]
    for row in rows:
        assert row[1:4] == ["Permintaan tertulis Kasatker pembina fungsi SDM",
                            "Kepentingan lain atas atensi", "Irjen Pol Agus Pranoto"]
        assert " pukul " in row[4] and row[4].endswith(" WIB")


def test_a_written_request_for_an_skhp_is_authorised_by_kabid_not_kapolda(client, auth, session):
    auth.login("op.barsel")
    instance_id = instance_of(post_akses_khusus(
        client, **{**ATENSI_TERTULIS, "kepentingan": "PENERBITAN_SKHP"}))
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"
    auth.login("kapolda")
    assert tasks_of(client, instance_id) == []
    auth.login("kabid")
    assert [t.title for t in tasks_of(client, instance_id)] == [TASK_AKSES_KHUSUS]


def test_a_special_request_names_who_asked_and_goes_to_kabid(client, auth, session):
    auth.login("op.barsel")
    response = post_akses_khusus(client, peminta_khusus="")
    assert response.status_code == 422 and 'id="err-peminta_khusus"' in response.get_data(as_text=True)
    instance_id = instance_of(post_akses_khusus(client, peminta_khusus="WAKAPOLRI"))
    request = request_of(session, instance_id)
    assert request.otoritas == "KABID_PROPAM" and request.data["peminta_khusus"] == "WAKAPOLRI"


def test_a_request_names_an_existing_official_and_a_purpose(client, auth, session):
    auth.login("op.barsel")
    for field, value in (("pejabat_pembaca", "bukan.akun"), ("pejabat_pembaca", ""),
                         ("kepentingan", ""), ("kepentingan", "LAINNYA")):
        response = post_akses_khusus(client, **{field: value})
        assert response.status_code == 422, (field, value)
        assert f'id="err-{field}"' in response.get_data(as_text=True), (field, value)
    assert count(session, AccessGrant) == 0 and request_of(session, 0) is None


def test_kabid_cannot_decide_what_the_table_gives_kapolda_and_the_refusal_is_audited(
    client, auth, session
):
    record_in_proses(session, username="operator")
    auth.login("op.barsel")
    instance_id = instance_of(post_akses_khusus(client, **ATENSI_TERTULIS))
    auth.login("kapolda")
    task_id = task_of(client, instance_id, TASK_KAPOLDA).task_id
    auth.login("kabid")
    response = client.post(f"/tugas/{task_id}", data={"keputusan": "SETUJU", "masa_hari": "7"},
                           content_type="multipart/form-data")
    assert response.status_code == 403
    refusal = session.scalars(select(AuditEntry).where(AuditEntry.action == AKSES_DITOLAK)).all()
    assert [(e.user_id, e.target) for e in refusal] == [
        (_user_id(session, "kabid"), f"/tugas/{task_id}")]
    assert count(session, AccessGrant) == 0

    auth.login("kapolda")
    post_decision(client, instance_id, "TOLAK", title=TASK_KAPOLDA,
                  catatan="Atensi tidak disertai surat perintah")
    assert request_of(session, instance_id).status == "DITOLAK" and count(session, AccessGrant) == 0
    refused = session.scalar(select(AuditEntry).where(AuditEntry.action == TOLAK_AKSES_KHUSUS))
    assert refused.user_id == _user_id(session, "kapolda")
    assert refused.detail["alasan"] == "Atensi tidak disertai surat perintah"
    assert (refused.detail["otorisasi"], refused.detail["pejabat"]) == ("KAPOLDA", "op.kapuas")
    auth.login("op.kapuas")
    assert _reads_person(client, session) == 403
