"""The Anev: the period against the same months last year, the most frequent wujud
perbuatan and pasal, the Polres side by side, and how long each SOP step waits — for the
offices that read every catpers of the Polda; anyone else is refused, and it is logged."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from engine.models import OpenTask
from processes.db.audit_actions import AKSES_DITOLAK
from processes.reading import anev
from tests.support.audit import entries
from tests.support.data import KEPP
from tests.support.flows import decide, record_in_proses, submitted_record

KAPUAS = "/POLDA-KALTENG/POLRES-KAPUAS/"
NOW = datetime.now(UTC)
THIS_MONTH = f"{NOW.year:04d}-{NOW.month:02d}"


def counts(page: str) -> dict[str, str]:
    found = re.findall(r'data-key="([^"]+)">(?:<a href="[^"]*">)?([^<]+)<', page)
    return dict(found)


def section(page: str, id_: str) -> str:
    return page.split(f'id="{id_}"', 1)[1].split("</section>", 1)[0]


def three_records(session) -> None:
    """This month: a waiting Polda record (disiplin) and a Kapuas KEPP record; the same
    month last year: one more Kapuas disiplin record."""
    submitted_record(session)
    record_in_proses(session, username="op.kapuas", **KEPP)
    old = record_in_proses(session, username="op.kapuas", nomor_identitas="91110077", nama="Lama")
    old.created_at = NOW.replace(year=NOW.year - 1, day=1)
    session.commit()


def backdate_open_task(session, instance_id: int, hours: float) -> None:
    session.execute(update(OpenTask).where(OpenTask.instance_id == instance_id)
                    # From this moment, not NOW: the suite may reach this test long after
                    # it was imported, and every minute since would count as waiting.
                    .values(created_at=datetime.now(UTC) - timedelta(hours=hours)))
    session.commit()


def test_each_month_stands_beside_the_same_month_last_year(client, auth, session):
    three_records(session)
    auth.login("kabid")
    page = client.get(f"/anev?dari={THIS_MONTH}&sampai={THIS_MONTH}").get_data(as_text=True)
    c = counts(section(page, "anev-bulan"))
    assert (c[THIS_MONTH], c[f"{THIS_MONTH}-lalu"]) == ("2", "1")
    c = counts(client.get(f"/anev?satuan={KAPUAS}&dari={THIS_MONTH}&sampai={THIS_MONTH}")
               .get_data(as_text=True))
    assert (c[THIS_MONTH], c[f"{THIS_MONTH}-lalu"]) == ("1", "1")  # the Polda's own is not Kapuas'


def test_the_most_frequent_wujud_perbuatan_and_pasal_of_the_period(client, auth, session):
    three_records(session)
    auth.login("kapolda")
    page = client.get(f"/anev?dari={NOW.year - 1}-01").get_data(as_text=True)
    wujud, pasal = counts(section(page, "anev-wujud")), counts(section(page, "anev-pasal"))
    assert sorted(wujud.values()) == ["1", "2"] and sorted(pasal.values()) == ["1", "2"]
    assert wujud[max(wujud, key=wujud.get)] == "2"  # the disiplin wujud, twice
    assert "TIDAK_MASUK_DINAS" not in page  # labels, never codes
    this_year = counts(section(client.get(f"/anev?dari={THIS_MONTH}").get_data(as_text=True),
                               "anev-wujud"))
    assert sorted(this_year.values()) == ["1", "1"]


def test_units_side_by_side_per_100_personnel_only_where_the_count_is_known(
        client, auth, session, monkeypatch):
    three_records(session)
    auth.login("kapolda")
    page = client.get(f"/anev?dari={THIS_MONTH}&sampai={THIS_MONTH}").get_data(as_text=True)
    c = counts(section(page, "anev-polres"))
    assert (c[f"satuan-{KAPUAS}"], c[f"per100-{KAPUAS}"]) == ("1", "—")
    assert 'id="personel-belum"' in page
    monkeypatch.setattr(anev, "personnel_by_unit", lambda session: {KAPUAS: 400})
    page = client.get(f"/anev?dari={THIS_MONTH}&sampai={THIS_MONTH}").get_data(as_text=True)
    c = counts(section(page, "anev-polres"))
    assert (c[f"per100-{KAPUAS}"], c["per100-/POLDA-KALTENG/"]) == ("0.25", "—")
    assert 'id="personel-belum"' not in page


def test_how_long_each_lane_waited_median_and_slowest(client, auth, session):
    """Two records: Kaurlitpers waited 2 and 6 hours, Kasubbid 10 and 30 hours."""
    for number, (kaur, kasubbid) in enumerate(((2, 10), (6, 30))):
        record = submitted_record(session, nomor_identitas=f"9111009{number}", nama=f"Uji {number}")
        backdate_open_task(session, record.instance_id, kaur)
        decide(session, "kaurlitpers", record.instance_id, "SETUJU")
        backdate_open_task(session, record.instance_id, kasubbid)
        decide(session, "kasubbid", record.instance_id, "SETUJU")
    auth.login("kabid")
    page = client.get("/anev").get_data(as_text=True)
    lanes = section(page, "anev-lajur")
    rows = re.findall(r"<tr><td>([^<]+)</td><td[^>]*>(\d+)</td><td[^>]*>([^<]+)</td>"
                      r"<td[^>]*>([^<]+)</td></tr>", lanes)
    found = {lane: (n, median, longest) for lane, n, median, longest in rows}
    # The median of two is the lower one's bucket (within ~5%); the slowest is exact.
    assert found["Kaurlitpers"] == ("2", "2 jam", "6 jam")
    assert found["Kasubbid Paminal"] == ("2", "10 jam", "1 hari 6 jam")
    assert found["Seluruh proses (pengajuan sampai selesai)"][0] == "2"
    steps = section(page, "anev-langkah")
    assert "Pencatatan Catatan Personel: Persetujuan Kasubbid Paminal" in steps


def test_the_requests_waiting_longest_now_come_first(client, auth, session):
    older = submitted_record(session)
    newer = record_in_proses(session, username="op.kapuas", **KEPP)
    backdate_open_task(session, older.instance_id, 72)
    auth.login("kasubbid")
    page = client.get("/anev").get_data(as_text=True)
    waiting = section(page, "anev-menunggu")
    assert "3 hari" in waiting and "Kaurlitpers" in waiting
    assert newer.person.nama not in waiting  # approved: nothing of it waits
    assert 'id="anev-polres"' not in page  # the comparison is Kapolda's and Kabid's


def test_an_office_that_does_not_read_every_catpers_is_refused_and_logged(client, auth, session):
    auth.login("operator")
    response = client.get("/anev")
    assert response.status_code == 403
    assert "Anev hanya untuk" in response.get_data(as_text=True)
    assert any("/anev" in e.target for e in entries(session, AKSES_DITOLAK))
    assert 'href="/anev"' not in client.get("/dasbor").get_data(as_text=True)


def test_a_bad_month_is_told_in_indonesian_not_a_server_error(client, auth):
    auth.login("kapolda")
    response = client.get("/anev?dari=2026-13")
    assert response.status_code == 200
    assert "tidak valid" in response.get_data(as_text=True)


def test_personnel_per_unit_come_from_the_data_induk_and_roll_up_to_the_polda(session):
    """Two members of Polres Kapuas and one of the Polda itself: Kapuas counts 2, the Polda 3."""
    from processes.accounts.models import Unit
    from processes.reading.personnel import personnel_by_unit
    from processes.records.personnel_models import Personnel

    unit_of = {u.path: u.id for u in session.query(Unit)}
    for n, path in enumerate((KAPUAS, KAPUAS, "/POLDA-KALTENG/")):
        session.add(Personnel(personel="POLRI", nomor_identitas=f"8505{n:04d}", nama=f"Uji {n}",
                              pangkat="BRIPKA", jabatan="Banit", unit_id=unit_of[path]))
    session.commit()
    counted = personnel_by_unit(session)
    assert (counted[KAPUAS], counted["/POLDA-KALTENG/"]) == (2, 3)
