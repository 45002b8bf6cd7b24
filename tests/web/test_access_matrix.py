"""Who may open what: every route of the app (from `app.url_map`) × every kind of user,
against ONE expected table, and the rules of the AKSES CATPERS table one by one, on one
realistic office built once for the module (tests/support/access_world.py).

A route without a row in EXPECTED fails the test: a new page says who may open it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

import pytest

from processes.db.database import make_session_factory
from processes.letters import signing
from tests.conftest import AUDIT_KEY, DEMO_PASSWORD, _empty_tables
from tests.support.access_world import (
    NAMA_OTHER,
    NAMA_POLDA,
    NRP_POLDA,
    PRINCIPALS,
    World,
    build_world,
)
from tests.support.audit import empty_audit_log, last_entry_id, read_rows
from tests.support.data import NAMA_AIPDA, NRP_AIPDA, NRP_OTHER
from tests.support.pages import parse
from web import create_app, db

ANONIM = "anonim"
EVERYONE = frozenset(PRINCIPALS)
SIGNED_IN = EVERYONE - {ANONIM}
OFFICES = frozenset({"kaurlitpers", "kasubbid", "kabid", "kapolda"})  # the table's SEMUA_POLDA
OPERATORS = frozenset({"operator", "op.kapuas", "tmp-op2.kapuas", "op.barsel", "tmp-op.katingan"})
ADMIN, KABID = frozenset({"admin"}), frozenset({"kabid"})
GRANTEE = "tmp-op.katingan"  # akses khusus for Budi (NRP_AIPDA)
SECRETS = (NRP_AIPDA, NRP_OTHER, NRP_POLDA, NAMA_AIPDA, NAMA_OTHER, NAMA_POLDA)


@dataclass(frozen=True)
class Case:
    method: str
    path: Callable[[World], str]
    allowed: frozenset[str]
    data: dict[str, str] = field(default_factory=dict)
    #: Statuses that mean "reached the page" here besides 200, 302 elsewhere and 422.
    reached: frozenset[int] = frozenset()


def get(path, allowed) -> Case:
    return Case("GET", path if callable(path) else (lambda _w, p=path: p), allowed)


def post(path, allowed, **kw) -> Case:
    return Case("POST", path if callable(path) else (lambda _w, p=path: p), allowed, **kw)


def person(nomor):
    return lambda w: f"/personel/{w.tokens[nomor]}"


BUDI_RECORD = OFFICES | {"op.kapuas", GRANTEE}  # the finished record: its submitter, the grant
EXPECTED: dict[str, list[Case]] = {
    "admin.add_unit": [post("/admin/satuan", ADMIN)],
    "admin.approvals": [get("/admin/persetujuan", ADMIN)],
    "admin.decide": [post("/admin/persetujuan/999999", ADMIN)],  # no such request: refused
    "admin.incidents": [get("/admin/insiden", ADMIN)],
    "admin.backups": [get("/admin/cadangan", ADMIN)],
    "admin.catalogue": [get("/admin/katalog", ADMIN)],
    "admin.deploy": [post("/admin/katalog/pasang", ADMIN)],  # no file: refused, nothing deployed
    "admin.export": [get("/admin/katalog/1/ekspor", ADMIN)],
    "admin.edit": [get("/admin/katalog/1/ubah", ADMIN)],
    "admin.diagram": [get("/admin/katalog/1/diagram.bpmn", ADMIN)],
    "admin.table": [Case("GET", lambda _w: "/admin/katalog/1/tabel/tidak-ada.dmn", ADMIN,
                         reached=frozenset({404}))],  # no such table: not found
    "admin.editor_options": [get("/admin/katalog/pilihan", ADMIN)],
    # No diagram in the body: refused with a message, nothing checked or deployed.
    "admin.check_edit": [post("/admin/katalog/1/periksa", ADMIN, reached=frozenset({400}))],
    "admin.deploy_edit": [post("/admin/katalog/1/pasang-suntingan", ADMIN,
                               reached=frozenset({400}))],
    "admin.import_version": [post("/admin/katalog/impor", ADMIN)],  # no file: refused
    "admin.form": [get("/admin/katalog/1/formulir/pencatatan-data.json", ADMIN)],
    # No form in the body: refused with a message, nothing rendered.
    "admin.form_preview": [post("/admin/katalog/pratinjau-formulir", ADMIN,
                                reached=frozenset({400}))],
    "admin.move_instances": [post("/admin/katalog/pindahkan", ADMIN)],  # none chosen: refused
    "admin.version_diff_page": [get("/admin/katalog/1/banding/1", ADMIN)],
    "admin.retry_incident": [post("/admin/insiden/999999/coba-lagi", ADMIN)],  # none: refused
    "admin.reset_password": [  # no password given: refused, nothing changes
        post(lambda w: f"/admin/pengguna/{w.users['tmp-op2.kapuas']}/sandi", ADMIN)],
    "audit.export": [post("/log-akses.csv", KABID)],
    "audit.trail": [get("/log-akses", KABID), post("/log-akses", KABID, data={"nomor": NRP_AIPDA})],
    "admin.list_items": [get("/admin/daftar/pangkat", ADMIN), post("/admin/daftar/pangkat", ADMIN)],
    "admin.lists": [get("/admin/daftar", ADMIN)],
    "admin.personnel_page": [get("/admin/data-induk", ADMIN)],
    "admin.maintenance_page": [get("/admin/pemeliharaan", ADMIN)],
    "admin.run_check": [post("/admin/pemeliharaan/periksa", ADMIN)],
    "admin.personnel_import_file": [post("/admin/data-induk/impor", ADMIN)],  # no file: refused
    "admin.personnel_lookup": [post("/admin/data-induk/cari", ADMIN, data={"nomor": "85010199"})],
    "admin.personnel_template_file": [get("/admin/data-induk/templat.csv", ADMIN)],
    "admin.personnel_import_progress": [get("/admin/data-induk/impor/0123456789abcdef", ADMIN)],
    "admin.settings": [get("/admin/pengaturan", ADMIN), post("/admin/pengaturan", ADMIN)],
    "admin.update_item": [post("/admin/butir/999999", ADMIN)],
    "admin.update_unit": [post("/admin/satuan/999999", ADMIN)],  # no such unit: refused
    "admin.update_user": [post(lambda w: f"/admin/pengguna/{w.users['tmp-op2.kapuas']}", ADMIN)],
    "admin.users": [get("/admin/pengguna", ADMIN), post("/admin/pengguna", ADMIN)],
    "auth.login": [get("/masuk", EVERYONE),
                   post("/masuk", EVERYONE, data={"username": "tidak.ada", "password": "x"},
                        reached=frozenset({401}))],
    "auth.change_password": [get("/kata-sandi", SIGNED_IN),
                             post("/kata-sandi", SIGNED_IN, reached=frozenset({400}))],
    "auth.logout": [post("/keluar", SIGNED_IN)],  # run last: it ends the session
    "diagrams.bpmn_js": [get("/vendor/bpmn-js/bpmn-viewer.production.min.js", EVERYONE)],
    "charts.chart_js": [get("/vendor/chart.js/chart.umd.min.js", EVERYONE)],
    "letters.check_number": [post("/cek-identitas", SIGNED_IN,
                                  data={"personel": "POLRI", "nomor": NRP_AIPDA})],
    "letters.letter_pdf": [get(lambda w: f"/surat/{w.letter}.pdf", OFFICES | {"operator", GRANTEE})],
    "letters.letters": [get("/surat", SIGNED_IN), post("/surat", SIGNED_IN, data={"q": "Budi"})],
    "letters.revoke": [post(lambda w: f"/surat/{w.letter}/cabut", KABID)],  # no reason: refused
    "letters.verify": [get(lambda w: f"/verifikasi/{w.verify_token}", EVERYONE),
                       post(lambda w: f"/verifikasi/{w.verify_token}", EVERYONE,  # no file: 400
                            reached=frozenset({400}))],
    "records.access_policy": [get("/hak-akses", SIGNED_IN)],
    "records.dashboard": [get("/dasbor", SIGNED_IN)],
    "records.anev": [get("/anev", OFFICES)],
    "records.report_form": [get("/laporan", SIGNED_IN)],
    "records.report_download": [post("/laporan/unduh", SIGNED_IN,
                                     data={"jenis": "tahun", "periode": "2026", "format": "csv"})],
    "records.instance": [
        get(lambda w: f"/proses/{w.finished_instance}", BUDI_RECORD),  # past approver: no
        get(lambda w: f"/proses/{w.returned_instance}", OFFICES | {"op.barsel", GRANTEE}),
        get(lambda w: f"/proses/{w.waiting_instance}", OFFICES | {"op.kapuas", "tmp-kaurlit.kapuas"}),
        get(lambda w: f"/proses/{w.permohonan}", OFFICES | {"operator"}),
        get(lambda w: f"/proses/{w.akses}", OFFICES | {GRANTEE}),
    ],
    # The submitting unit withdraws (no reason given: refused with a message, nothing ends).
    "records.withdraw": [post(lambda w: f"/proses/{w.waiting_instance}/tarik",
                              frozenset({"op.kapuas", "tmp-op2.kapuas", "operator"}))],
    "records.instance_diagram": [
        get(lambda w: f"/proses/{w.finished_instance}/diagram.bpmn", BUDI_RECORD)],
    "records.person": [get(person(NRP_AIPDA), OFFICES | {GRANTEE}), get(person(NRP_OTHER), OFFICES),
                       get(person(NRP_POLDA), OFFICES)],
    "records.record": [
        get(lambda w: f"/catatan/{w.finished}", BUDI_RECORD),
        get(lambda w: f"/catatan/{w.returned}", OFFICES | {"op.barsel", GRANTEE}),
        get(lambda w: f"/catatan/{w.waiting}", OFFICES | {"op.kapuas"}),
        get(lambda w: f"/catatan/{w.polda}", OFFICES | {"operator"}),
    ],
    "records.record_document": [
        get(lambda w: f"/catatan/{w.finished}/dokumen/PENCATATAN", BUDI_RECORD),
        get(lambda w: f"/catatan/{w.polda}/dokumen/PENCATATAN", OFFICES | {"operator"}),
    ],
    "records.record_list": [get("/catatan", SIGNED_IN),
                            post("/catatan", SIGNED_IN, data={"q": "Budi"})],
    "static": [get("/static/app.css", EVERYONE)],
    "styles.status_css": [get("/gaya/status.css", EVERYONE)],
    "work.inbox": [get("/", SIGNED_IN), post("/", SIGNED_IN, data={"cari": "Budi"})],
    "work.start": [
        get("/ajukan/pencatatan", OPERATORS), post("/ajukan/pencatatan", OPERATORS),
        # Continuing is the record's unit's right (not a read): its operators and the Polda's.
        get(lambda w: f"/ajukan/update_i?catatan={w.finished}",
            frozenset({"op.kapuas", "tmp-op2.kapuas", "operator"})),
    ],
    "work.task": [
        get(lambda w: f"/tugas/{w.waiting_task}", frozenset({"kaurlitpers", "tmp-kaurlit.kapuas"})),
        post(lambda w: f"/tugas/{w.waiting_task}", frozenset({"kaurlitpers", "tmp-kaurlit.kapuas"})),
        get(lambda w: f"/tugas/{w.perbaiki_task}", frozenset({"op.barsel"})),
    ],
    "work.task_file": [
        get(lambda w: f"/tugas/{w.waiting_task}/berkas/dokumen_file",
            frozenset({"kaurlitpers", "tmp-kaurlit.kapuas"})),
        get(lambda w: f"/tugas/{w.perbaiki_task}/berkas/dokumen_file", frozenset({"op.barsel"})),
    ],
}
#: Run after every other row, in this order: signing out ends the session.
LAST = ("auth.logout",)


@pytest.fixture(scope="module")
def world(db_engine, office_key):
    signing.configure(office_key)  # the world issues a letter before any test runs
    factory = make_session_factory(db_engine, AUDIT_KEY)
    with factory() as session:
        built = build_world(session)
    yield built
    _empty_tables(db_engine)
    empty_audit_log(db_engine)


@pytest.fixture(scope="module")
def app(db_url, world, office_key):
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "uji", "SIGNING_KEY": office_key})
    yield app
    db.dispose(app)


@pytest.fixture(scope="module")
def clients(app):
    """One client per kind of user, signed in once for the module."""
    found = {name: app.test_client() for name in PRINCIPALS}
    sign_in(found)
    return found


def sign_in(clients) -> None:
    for name, client in clients.items():
        if name != ANONIM:
            client.post("/masuk", data={"username": name, "password": DEMO_PASSWORD})


@pytest.fixture(scope="module")
def reader(db_engine):
    factory = make_session_factory(db_engine, AUDIT_KEY)
    with factory() as session:
        yield session


def outcome(response, case: Case) -> str:
    status = response.status_code
    to_login = status == 302 and "/masuk?next=" in response.headers.get("Location", "")
    if status in case.reached or status in (200, 422) or (status == 302 and not to_login):
        return "boleh"
    if status == 403 or to_login:
        return "ditolak"
    return f"HTTP {status}"


def request(client, case: Case, w: World):
    """The response, read and closed (files are streamed)."""
    if case.method == "GET":
        response = client.get(case.path(w))
    else:
        response = client.post(case.path(w), data=case.data)
    response.get_data()
    response.close()
    return response


def refusal_shown(response) -> bool:
    """A refusal page that says why, and shows no NRP/NIP of anyone."""
    page = response.get_data(as_text=True)
    message = parse(page).xpath('//*[@id="error-message"]')
    return bool(message and message[0].text_content().strip()) and not any(
        s in page for s in SECRETS[:3])


def test_every_route_has_a_row_in_the_expected_table(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert sorted(endpoints - set(EXPECTED)) == [], "a route nobody decided who may open"
    assert sorted(set(EXPECTED) - endpoints) == [], "a row for a route that is gone"
    for rule in app.url_map.iter_rules():
        methods = rule.methods & {"GET", "POST"}
        covered = {case.method for case in EXPECTED[rule.endpoint]}
        assert methods == covered, (rule.endpoint, methods, covered)


def test_every_route_for_every_kind_of_user_is_as_the_expected_table_says(world, clients):
    order = [e for e in EXPECTED if e not in LAST] + list(LAST)
    checked, violations = 0, []
    for endpoint in order:
        for case in EXPECTED[endpoint]:
            for name, client in clients.items():
                response = request(client, case, world)
                expected = "boleh" if name in case.allowed else "ditolak"
                got = outcome(response, case)
                checked += 1
                if got != expected:
                    violations.append(f"{endpoint} {case.method} {case.path(world)} {name}: {got}")
                if response.status_code == 403 and not refusal_shown(response):
                    violations.append(f"{endpoint} {case.path(world)} {name}: refusal page")
    sign_in(clients)  # the last rows signed everyone out
    print(f"\nmatriks akses: {checked} permintaan, {len(violations)} pelanggaran")
    assert violations == []
    assert checked == sum(len(c) for c in EXPECTED.values()) * len(PRINCIPALS)


def addresses(page) -> list[str]:
    return [unquote(a) for a in parse(page).xpath("//@href | //@action | //@src | //@data-src")]


def test_no_nrp_nip_or_name_goes_into_any_address(world, clients):
    """Every page every user may open, and every address on it (links, forms, redirects)."""
    found, pages = [], 0
    for endpoint, cases in EXPECTED.items():
        for case in cases:
            if endpoint in LAST or case.method != "GET":
                continue
            for name in case.allowed - {ANONIM}:
                response = request(clients[name], case, world)
                if response.mimetype != "text/html":
                    continue
                pages += 1
                for address in [*addresses(response), response.headers.get("Location", "")]:
                    found += [(name, case.path(world), address) for s in SECRETS if s in address]
    assert pages > 50 and found == []


def last_read(reader) -> int:
    return last_entry_id(reader)


def reads_since(reader, before: int, username_id: int) -> list[tuple[str, str, str]]:
    return [(r.what, r.nomor, r.ground) for r in read_rows(reader, username_id, before)]


def listed(client, **data) -> list[str]:
    page = parse(client.post("/catatan", data=data))
    return [re.sub(r"\s+", " ", td.text_content()).strip()
            for td in page.xpath('//table[@id="records"]/tbody/tr/td[1]')]


# -- the AKSES CATPERS table, rule by rule ----------------------------------------------


@pytest.mark.parametrize("office", sorted(OFFICES))
def test_the_four_offices_of_the_polda_read_the_polda_and_its_polres(world, clients, reader, office):
    client, before = clients[office], last_read(reader)
    for path in (f"/catatan/{world.polda}", f"/catatan/{world.finished}",
                 f"/catatan/{world.waiting}", f"/catatan/{world.finished}/dokumen/PENCATATAN",
                 person(NRP_AIPDA)(world), person(NRP_POLDA)(world)):
        assert client.get(path).status_code == 200, path
    assert sorted(listed(client)) == sorted([NAMA_AIPDA, NAMA_AIPDA, NAMA_OTHER, NAMA_POLDA])
    grounds = {ground for _, _, ground in reads_since(reader, before, world.users[office])}
    assert grounds == {"SEMUA_CATPERS"}  # every read logged, on the table's ground


def test_an_operator_reads_only_their_own_submissions_of_a_person_with_other_records(
    world, clients, reader
):
    barsel, before = clients["op.barsel"], last_read(reader)
    assert barsel.get(f"/catatan/{world.returned}").status_code == 200  # their own
    assert barsel.get(f"/catatan/{world.returned}/dokumen/PENCATATAN").status_code == 200
    for path in (f"/catatan/{world.finished}", f"/catatan/{world.finished}/dokumen/PENCATATAN",
                 person(NRP_AIPDA)(world)):  # the rest of the same person's catpers
        assert barsel.get(path).status_code == 403, path
    assert listed(barsel) == [NAMA_AIPDA]
    assert {g for _, _, g in reads_since(reader, before, world.users["op.barsel"])} == {"PENGAJU"}
    kapuas = clients["op.kapuas"]
    assert kapuas.get(f"/catatan/{world.returned}").status_code == 403  # same person, not theirs
    assert sorted(listed(kapuas)) == sorted([NAMA_AIPDA, NAMA_OTHER])
    assert clients["tmp-op2.kapuas"].get(f"/catatan/{world.finished}").status_code == 403
    assert listed(clients["tmp-op2.kapuas"]) == []


def test_a_task_holder_sees_the_task_s_submission_but_not_the_person(world, clients, reader):
    holder, before = clients["tmp-kaurlit.kapuas"], last_read(reader)
    page = holder.get(f"/tugas/{world.waiting_task}")
    assert page.status_code == 200 and NAMA_OTHER in page.get_data(as_text=True)
    assert not parse(page).xpath('//a[@id="person-link"]')
    assert holder.get(f"/tugas/{world.waiting_task}/berkas/dokumen_file").data.startswith(b"%PDF")
    assert holder.get(f"/proses/{world.waiting_instance}").status_code == 200
    for path in (f"/catatan/{world.waiting}", f"/catatan/{world.waiting}/dokumen/PENCATATAN",
                 person(NRP_OTHER)(world)):
        assert holder.get(path).status_code == 403, path
    assert listed(holder) == []
    logged = reads_since(reader, before, world.users["tmp-kaurlit.kapuas"])
    # Deciding on the task, the holder sees the person's catpers summary on the task page
    # (on the task's own ground, logged), and still opens no record or person page.
    assert parse(page).xpath('//*[@id="decision-view"]')
    assert {(what, ground) for what, _, ground in logged} == {
        ("TUGAS", "MENANGANI_TUGAS"), ("TUGAS_CATPERS", "MENANGANI_TUGAS"),
        ("DOKUMEN_TUGAS", "MENANGANI_TUGAS"), ("PROSES", "MENANGANI_TUGAS")}
    # The Polda's Kaurlitpers holds the same task and reads the person on the table's ground.
    assert parse(clients["kaurlitpers"].get(f"/tugas/{world.waiting_task}")).xpath(
        '//a[@id="person-link"]/@href') == [person(NRP_OTHER)(world)]


def test_akses_khusus_reads_that_one_person_and_nothing_else(world, clients, reader):
    grantee, before = clients[GRANTEE], last_read(reader)
    budi = parse(grantee.get(person(NRP_AIPDA)(world)))
    sections = budi.xpath('//section[contains(@class, "person-record")]/@id')
    assert sorted(sections) == sorted([f"record-{world.finished}", f"record-{world.returned}"])
    for path in (person(NRP_OTHER)(world), f"/catatan/{world.polda}", f"/catatan/{world.waiting}"):
        assert grantee.get(path).status_code == 403, path
    assert {g for _, n, g in reads_since(reader, before, world.users[GRANTEE])} == {"AKSES_KHUSUS"}
    record = parse(grantee.get(f"/catatan/{world.finished}"))
    assert record.xpath('//*[@id="offers"]//a') == []  # reading is not writing
    submitter = parse(clients["op.kapuas"].get(f"/catatan/{world.finished}"))
    assert submitter.xpath('//*[@id="offers"]//a')


def test_the_access_table_is_shown_to_every_user_in_words(clients):
    page = parse(clients["op.barsel"].get("/hak-akses"))
    rows = {r.xpath("./td")[0].text_content(): [td.text_content() for td in r.xpath("./td")[1:]]
            for r in page.xpath('//table[@id="access-policy"]/tbody/tr')}
    assert rows["Kaurlitpers"][0] == "Seluruh catpers Polda dan Polres jajaran"
    assert rows["Operator (Pama/BA/ASN)"] == ["Tidak ada karena jabatan"] * 3
    assert 'href="/hak-akses"' in clients["kabid"].get("/").get_data(as_text=True)
