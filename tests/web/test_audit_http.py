"""The audit trail through HTTP, as the office meets it: refusals, sign-ins and sessions
leave rows; Kabid Propam reads the log with labels, filters it, exports it (and the export
is logged), and is warned at once when the chain is broken; nobody else opens it."""

from __future__ import annotations

import csv
import io

from sqlalchemy import text

from processes.access import audit_integrity
from processes.accounts.sign_ins import AKUN_TIDAK_DIKENAL, KATA_SANDI_SALAH, SESI_DICABUT
from processes.db.audit_actions import (
    AKSES_DITOLAK,
    BACA_CATATAN,
    EKSPOR_LOG_AUDIT,
    KELUAR,
    MASUK,
    MASUK_GAGAL,
    PERIKSA_RANTAI_LIHAT,
    SESI_BERAKHIR,
)
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import read_log
from tests.support.actors import user
from tests.support.audit import entries, triggers_lifted
from tests.support.data import NRP_AIPDA
from tests.support.flows import record_in_proses
from tests.support.pages import parse, squash


def test_an_operators_refused_read_of_another_units_record_leaves_a_refusal(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    assert client.get(f"/catatan/{record.id}").status_code == 403
    refusal = entries(session, AKSES_DITOLAK)
    assert [(e.user_id, e.target, e.detail) for e in refusal] == [
        (user(session, "op.barsel").id, f"/catatan/{record.id}", {"metode": "GET", "kode": 403})]
    assert "tidak berwenang" in refusal[0].outcome
    assert refusal[0].address == "127.0.0.1"
    assert entries(session, BACA_CATATAN) == []  # refused: no read


def test_failed_sign_ins_leave_rows_for_unknown_users_and_wrong_passwords(client, session):
    unknown = client.post("/masuk", data={"username": "Tidak.Ada", "password": "apa-saja-12"})
    wrong = client.post("/masuk", data={"username": "operator", "password": "salah-sandi-12"})
    assert unknown.status_code == wrong.status_code == 401
    # The page says the same either way; only the log knows which it was.
    assert squash(parse(unknown).xpath('//div[@role="alert"]')[0].text_content()) == squash(
        parse(wrong).xpath('//div[@role="alert"]')[0].text_content())
    assert [(e.user_id, e.target, e.outcome) for e in entries(session, MASUK_GAGAL)] == [
        (None, "tidak.ada", AKUN_TIDAK_DIKENAL),
        (user(session, "operator").id, "operator", KATA_SANDI_SALAH),
    ]


def test_sign_in_sign_out_and_a_session_ended_elsewhere_are_logged_once(app, client, auth, session):
    other = app.test_client()
    auth.login("operator")
    other.post("/masuk", data={"username": "operator", "password": DEMO_PASSWORD})
    client.post("/keluar")  # ends every session of the operator's, the other one too
    assert other.get("/").status_code == 302
    assert other.get("/").status_code == 302
    operator = user(session, "operator").id
    assert [(e.action, e.user_id) for e in entries(session) if e.action != MASUK_GAGAL] == [
        (MASUK, operator), (MASUK, operator), (KELUAR, operator), (SESI_BERAKHIR, operator)]
    assert entries(session, SESI_BERAKHIR)[0].outcome == SESI_DICABUT


# -- the viewer ----------------------------------------------------------------------


def test_kabid_reads_the_log_with_labels_not_codes(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("kapolda")
    client.get(f"/catatan/{record.id}")
    auth.login("op.barsel")
    client.get(f"/catatan/{record.id}")
    auth.login("kabid")
    page = client.get("/log-akses").get_data(as_text=True)
    assert "Rantai log utuh" in page and 'id="chain-warning"' not in page
    _total, rows = read_log(client)
    seen = {(r.user, r.what, r.ground) for r in rows}
    assert ("Irjen Pol Agus Pranoto", "Membuka catatan personel",
            "Pejabat yang membaca semua catpers") in seen
    assert any(r.what == "Akses ditolak" and "tidak berwenang" in r.ground for r in rows)
    assert any(r.what == "Catatan personel diajukan" for r in rows)
    assert any(r.what == "Status catatan berubah" and "PROSES" in r.detail for r in rows)
    shown = squash(parse(page).xpath('//table[@id="audit-log"]')[0].text_content())
    for code in ("BACA_CATATAN", "SEMUA_CATPERS", "AKSES_DITOLAK", "UBAH_STATUS_CATATAN"):
        assert code not in shown, code


def test_the_filters_select_by_who_whom_kind_and_day(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("kapolda")
    client.get(f"/catatan/{record.id}")
    auth.login("kabid")
    _total, rows = read_log(client, jenis="SESI")
    assert rows and {r.what for r in rows} <= {"Masuk", "Keluar", "Gagal masuk", "Sesi berakhir"}
    total, rows = read_log(client, pengguna="Agus", jenis="BACA")
    assert total == 1 and rows[0].nomor == NRP_AIPDA
    total, _rows = read_log(client, pengguna="kapolda", jenis=BACA_CATATAN)
    assert total == 1
    assert read_log(client, nomor=NRP_AIPDA, jenis="SESI")[0] == 0
    assert read_log(client, dari="2001-01-01", sampai="2001-01-31")[0] == 0


def test_odd_filter_values_get_a_page_not_an_error(client, auth):
    auth.login("kabid")
    for params in ({"sampai": "9999-12-31"}, {"dari": "0001-01-01"},
                   {"page": "9223372036854775807"}, {"page": "-4"}, {"jenis": "TIDAK_ADA"}):
        assert client.post("/log-akses", data=params).status_code == 200, params
    page = client.post("/log-akses", data={"dari": "kemarin"}).get_data(as_text=True)
    assert "tidak valid (format TTTT-BB-HH)" in page


def test_the_page_warns_at_once_when_the_chain_is_broken(client, auth, session, db_engine):
    auth.login("kabid")
    auth.login("kapolda")
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("UPDATE audit_log SET target = 'lain' WHERE id = 2"))
    auth.login("kabid")
    page = parse(client.get("/log-akses"))
    warning = squash(page.xpath('//div[@id="chain-warning"]')[0].text_content())
    assert "tidak utuh" in warning and "#2" in warning


def test_the_csv_export_holds_the_rows_with_labels_and_is_itself_logged(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("kapolda")
    client.get(f"/catatan/{record.id}")
    auth.login("kabid")
    response = client.post("/log-akses.csv", data={"jenis": "BACA"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:5] == ["No", "Waktu (WIB)", "Pengguna", "Nama", "Tindakan"]
    assert [(r[2], r[4], r[6], r[7]) for r in rows[1:]] == [
        ("kapolda", "Membuka catatan personel", NRP_AIPDA, "Pejabat yang membaca semua catpers")]
    export = entries(session, EKSPOR_LOG_AUDIT)
    assert [(e.user_id, e.detail) for e in export] == [
        (user(session, "kabid").id, {"baris": 1, "saringan": {"jenis": "BACA"}})]


def test_a_csv_cell_never_becomes_a_spreadsheet_formula(client, auth):
    client.post("/masuk", data={"username": "=HYPERLINK(\"x\")", "password": "x"})
    auth.login("kabid")
    body = client.post("/log-akses.csv").get_data(as_text=True).lstrip("\ufeff")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert "'=hyperlink(\"x\")" in cells  # the name typed at the login, kept as text
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def test_nobody_but_kabid_opens_or_exports_the_log_and_each_try_is_logged(client, auth, session):
    for username in ("operator", "kaurlitpers", "kasubbid", "kapolda", "admin"):
        auth.login(username)
        assert client.get("/log-akses").status_code == 403, username
        assert client.post("/log-akses.csv").status_code == 403, username
    refused = entries(session, AKSES_DITOLAK)
    assert len(refused) == 10
    assert {e.target for e in refused} == {"/log-akses", "/log-akses.csv"}
    assert entries(session, EKSPOR_LOG_AUDIT) == []


def _status(client, data) -> str:
    return squash(parse(client.post("/log-akses", data=data))
                  .xpath('//p[@id="chain-status"]')[0].text_content())


ONLY_READS = {"jenis": "BACA"}  # none: the page shows no row, only the chain is checked


def test_a_view_checks_the_rows_since_the_last_checkpoint_and_records_how_far_it_checked(
    client, auth, session, monkeypatch,
):
    monkeypatch.setattr(audit_integrity, "WINDOW", 3)
    monkeypatch.setattr(audit_integrity, "CHECKPOINT_EVERY", 2)
    auth.login("kabid")
    for _ in range(3):
        auth.login("kapolda")
    auth.login("kabid")
    assert "Rantai log utuh" in _status(client, ONLY_READS)  # no checkpoint yet: all of it
    first = entries(session, PERIKSA_RANTAI_LIHAT)
    assert len(first) == 1 and first[0].user_id is None
    kepala = first[0].detail["kepala"]
    assert kepala == first[0].id - 1  # the view checked every row before its own
    # Nothing new since: the next view checks only the newest rows, and writes nothing
    assert f"titik periksa #{kepala}" in _status(client, ONLY_READS)
    assert len(entries(session, PERIKSA_RANTAI_LIHAT)) == 1


def test_a_long_catch_up_is_done_a_stretch_per_view(client, auth, session, monkeypatch):
    for name, value in (("WINDOW", 1), ("CHECKPOINT_EVERY", 1), ("CATCH_UP", 2)):
        monkeypatch.setattr(audit_integrity, name, value)
    auth.login("kabid")
    for _ in range(4):
        auth.login("kapolda")
    auth.login("kabid")
    _status(client, ONLY_READS)
    assert "#3–#4 sejak titik periksa (sisanya diperiksa" in _status(client, ONLY_READS)
    assert [e.detail["kepala"] for e in entries(session, PERIKSA_RANTAI_LIHAT)] == [2, 4]


def test_a_row_changed_after_the_checkpoint_is_found_by_the_next_view(
    client, auth, session, db_engine, monkeypatch,
):
    monkeypatch.setattr(audit_integrity, "WINDOW", 3)
    monkeypatch.setattr(audit_integrity, "CHECKPOINT_EVERY", 2)
    for name in ("kapolda", "kapolda", "kabid"):
        auth.login(name)
    _status(client, ONLY_READS)  # checkpoint
    changed = entries(session, PERIKSA_RANTAI_LIHAT)[0].id + 1
    for _ in range(4):
        auth.login("kapolda")
    auth.login("kabid")
    with triggers_lifted(db_engine) as conn:  # after the checkpoint, outside the newest three
        conn.execute(text("UPDATE audit_log SET target = 'lain' WHERE id = :id"), {"id": changed})
    page = client.post("/log-akses", data=ONLY_READS).get_data(as_text=True)
    assert 'id="chain-warning"' in page and f"#{changed}" in page
    assert len(entries(session, PERIKSA_RANTAI_LIHAT)) == 1  # a broken chain moves nothing


def test_a_row_changed_before_the_checkpoint_shows_when_shown_and_on_the_full_check(
    app, client, auth, session, db_engine, monkeypatch,
):
    monkeypatch.setattr(audit_integrity, "WINDOW", 3)
    monkeypatch.setattr(audit_integrity, "CHECKPOINT_EVERY", 2)
    auth.login("kabid")
    for _ in range(3):
        auth.login("kapolda")
    auth.login("kabid")
    _status(client, ONLY_READS)  # checks all and sets the checkpoint past row 2
    assert "Belum pernah diperiksa penuh" in _status(client, ONLY_READS)

    with triggers_lifted(db_engine) as conn:  # an old row, checked already
        conn.execute(text("UPDATE audit_log SET target = 'lain' WHERE id = 2"))
    assert 'id="chain-warning"' not in client.post("/log-akses", data=ONLY_READS).get_data(
        as_text=True)
    # ... but once it is on the page, it is checked and the page warns
    shown = client.post("/log-akses", data={"nomor": "lain"}).get_data(as_text=True)
    assert 'id="chain-warning"' in shown and "#2" in shown
    # and after the full check from cron, every page warns
    with app.app_context():
        assert app.test_cli_runner().invoke(args=["audit-verify"]).exit_code == 1
    warning = squash(parse(client.post("/log-akses", data=ONLY_READS))
                     .xpath('//div[@id="chain-warning"]')[0].text_content())
    assert "#2" in warning and "pemeriksaan penuh" in warning
