"""The Dasbor counts what the viewer may count, for a unit and a period: by rank group,
outcome, jenis, waiting submissions and permohonan; each figure opens its record list."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from processes.db.audit_actions import AKSES_DITOLAK
from processes.records.models import Record
from tests.support.audit import entries
from tests.support.data import KEPP
from tests.support.flows import record_in_proses, submitted_record

POLDA, KAPUAS = "/POLDA-KALTENG/", "/POLDA-KALTENG/POLRES-KAPUAS/"
YEAR = datetime.now(UTC).year


def counts(page: str) -> dict[str, int]:
    found = re.findall(r'data-key="([^"]+)">(?:<a href="[^"]*">)?(\d+)<', page)
    return {k: int(v) for k, v in found}


def links(page: str) -> dict[str, str]:
    found = re.findall(r'data-key="([^"]+)"><a href="([^"]*)">', page)
    return {k: v.replace("&amp;", "&") for k, v in found}


def three_records(session) -> dict[str, Record]:
    """A waiting Polda record (AIPDA, disiplin), a Polres Kapuas record in PROSES (BRIPTU,
    KEPP), and one of last December (AKP, pidana), also in Polres Kapuas."""
    waiting = submitted_record(session)
    kepp = record_in_proses(session, username="op.kapuas", **KEPP)
    old = record_in_proses(session, username="op.kapuas", nomor_identitas="91110077",
                           nama="Lama", pangkat="AKP")
    old.created_at = datetime(YEAR - 1, 12, 31, 23, 59, tzinfo=UTC)
    old.jenis_pelanggaran = "PIDANA"
    session.commit()
    return {"waiting": waiting, "kepp": kepp, "old": old}


def test_kapolda_counts_every_unit_this_year_waiting_records_too(client, auth, session):
    three_records(session)
    auth.login("kapolda")
    page = client.get("/dasbor").get_data(as_text=True)
    c = counts(page)
    assert (c["BINTARA"], c["PAMA"], c["PATI"]) == (2, 0, 0)  # last December's AKP is outside
    assert (c["Diproses"], c["Selesai"], c["DIAJUKAN (DICATAT)"]) == (1, 0, 1)
    assert (c["DISIPLIN"], c["KEPP"], c["PIDANA"]) == (1, 1, 0)
    assert 'id="dash-polres"' in page and "Polres Kapuas" in page


def test_the_period_and_the_unit_narrow_the_figures(client, auth, session):
    three_records(session)
    auth.login("kabid")
    last_december = f"{YEAR - 1}-12"
    c = counts(client.get(f"/dasbor?dari={last_december}&sampai={last_december}").get_data(as_text=True))
    assert (c["PAMA"], c["PIDANA"], c["BINTARA"]) == (1, 1, 0)
    c = counts(client.get(f"/dasbor?satuan={POLDA}&dari={YEAR - 1}-01").get_data(as_text=True))
    assert (c["BINTARA"], c["PAMA"], c["DIAJUKAN (DICATAT)"]) == (1, 0, 1)  # the Polda's own
    c = counts(client.get(f"/dasbor?satuan={KAPUAS}&dari={YEAR - 1}-01").get_data(as_text=True))
    assert (c["BINTARA"], c["PAMA"], c["KEPP"], c["DIAJUKAN (DICATAT)"]) == (1, 1, 1, 0)


def test_a_figure_opens_the_records_it_counts(client, auth, session):
    records = three_records(session)
    auth.login("kapolda")
    target = links(client.get("/dasbor").get_data(as_text=True))["KEPP"]
    assert "nomor_identitas" not in target and "satuan" in target
    listed = client.get(target).get_data(as_text=True)
    assert records["kepp"].person.nama in listed
    assert records["waiting"].person.nama not in listed


def test_an_operator_counts_only_their_own_and_no_per_polres_table(client, auth, session):
    three_records(session)
    auth.login("op.kapuas")
    page = client.get(f"/dasbor?dari={YEAR - 1}-01").get_data(as_text=True)
    c = counts(page)
    assert (c["BINTARA"], c["PAMA"], c["DIAJUKAN (DICATAT)"]) == (1, 1, 0)
    assert 'id="dash-polres"' not in page
    auth.login("kasubbid")
    assert 'id="dash-polres"' not in client.get("/dasbor").get_data(as_text=True)


def test_a_unit_outside_the_viewers_scope_is_refused_and_logged(client, auth, session):
    auth.login("op.kapuas")
    response = client.get(f"/dasbor?satuan={POLDA}")
    assert response.status_code == 403
    assert "tidak berwenang" in response.get_data(as_text=True)
    assert any("/dasbor" in e.target for e in entries(session, AKSES_DITOLAK))


def test_a_bad_month_is_told_in_indonesian_not_a_server_error(client, auth):
    auth.login("kapolda")
    response = client.get("/dasbor?dari=2026-13")
    assert response.status_code == 200
    assert "tidak valid" in response.get_data(as_text=True)
