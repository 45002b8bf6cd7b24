"""Pencatatan through HTTP, as each role of the SOP, refusals included."""

from __future__ import annotations

import re

from sqlalchemy import select

from processes.records import statuses
from processes.records.models import Record, StoredFile
from tests.support.data import MINIMAL_PDF, pencatatan_data
from tests.support.pages import inbox, only_task, parse, post_decision, post_pencatatan, post_start
from tests.support.web_flows import text_by_id


def the_record(session):
    return session.scalar(select(Record))


def test_operator_submits_kaurlitpers_returns_operator_fixes_both_approve(client, auth, session):
    auth.login("operator")
    response = post_pencatatan(client)
    assert response.status_code == 302
    assert the_record(session).status == statuses.DIAJUKAN_DICATAT

    auth.login("kaurlitpers")
    page = client.get(f"/tugas/{only_task(client).task_id}").get_data(as_text=True)
    assert "Budi Hartono" in page and "Lihat PDF" in page
    returned = post_decision(client, only_task(client).instance_id, "KEMBALIKAN", "Nomor LP salah")
    assert returned.status_code == 302

    auth.login("operator")
    fix_id = only_task(client).task_id
    page = client.get(f"/tugas/{fix_id}").get_data(as_text=True)
    assert "Nomor LP salah" in page
    assert 'value="LP/A/12/X/2026/Yanduan"' in page  # the data as it was left
    response = client.post(
        f"/tugas/{fix_id}", data={"dokumen_nomor": "LP/A/99/X/2026/Yanduan"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302

    auth.login("kaurlitpers")
    post_decision(client, only_task(client).instance_id, "SETUJU")
    auth.login("kasubbid")
    page = client.get(f"/tugas/{only_task(client).task_id}").get_data(as_text=True)
    assert "LP/A/99/X/2026/Yanduan" in page  # the manager reviews the corrected data
    post_decision(client, only_task(client).instance_id, "SETUJU")

    session.expire_all()
    record = the_record(session)
    assert record.status == statuses.PROSES
    # Kasubbid Paminal of the Polda reads every catpers, task or no task (AKSES CATPERS).
    assert client.get(f"/catatan/{record.id}").status_code == 200
    auth.login("operator")  # the submitter reads their record too
    page = client.get(f"/catatan/{record.id}").get_data(as_text=True)
    assert "PROSES" in page and "LP/A/99/X/2026/Yanduan" in page
    pdf = client.get(f"/catatan/{record.id}/dokumen/PENCATATAN")
    assert pdf.status_code == 200 and pdf.data == MINIMAL_PDF
    timeline = client.get(f"/proses/{record.instance_id}").get_data(as_text=True)
    assert timeline.count("<li") >= 5 and "Dikembalikan untuk perbaikan" in timeline


def test_bad_input_shows_indonesian_messages_keeps_values_and_writes_nothing(client, auth, session):
    auth.login("operator")
    response = post_pencatatan(client, nomor_identitas="1234", nama="Siti Aminah", pangkat="")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "NRP/NIP tidak sesuai format" in page
    assert "Pangkat/golongan wajib diisi." in page
    assert 'value="Siti Aminah"' in page
    # The PDF is kept for the corrected submission, and every flagged field is linked.
    assert text_by_id(parse(page), "file-dokumen_file").startswith("Berkas tersimpan: dokumen.pdf")
    assert set(parse(page).xpath('//*[@id="error-summary"]//a/@href')) >= {"#f-nomor_identitas", "#f-pangkat"}
    assert session.scalar(select(Record)) is None
    assert session.scalar(select(StoredFile)) is None


def test_nip_checked_against_birth_date_and_gender(client, auth):
    auth.login("operator")
    response = post_pencatatan(
        client, personel="ASN", nomor_identitas="199002301201011001", pangkat="III/a",
        jenis_kelamin="P",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "tanggal lahir" in page.lower()


def test_a_file_that_is_not_a_pdf_is_refused(client, auth, session):
    auth.login("operator")
    response = post_start(client, "pencatatan", pencatatan_data(), pdf=b"MZ\x90\x00 not a pdf")
    assert response.status_code == 422
    assert "Berkas harus PDF" in response.get_data(as_text=True)
    assert session.scalar(select(StoredFile)) is None


def test_operator_cannot_open_or_approve_the_kaurlitpers_task(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    task_id = only_task(client).task_id
    auth.login("operator")
    assert inbox(client) == []
    assert client.get(f"/tugas/{task_id}").status_code == 403
    assert client.post(f"/tugas/{task_id}", data={"keputusan": "SETUJU"}).status_code == 403


def test_polres_operator_cannot_see_another_polres_task_or_record(client, auth, session):
    auth.login("op.kapuas")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    post_decision(client, only_task(client).instance_id, "KEMBALIKAN", "Lengkapi uraian")
    auth.login("op.kapuas")
    fix_id = only_task(client).task_id
    auth.login("op.barsel")
    assert inbox(client) == []
    assert client.get(f"/tugas/{fix_id}").status_code == 403
    record = the_record(session)
    assert client.get(f"/catatan/{record.id}").status_code == 403
    assert client.get(f"/catatan/{record.id}/dokumen/PENCATATAN").status_code == 403
    assert client.get(f"/proses/{record.instance_id}").status_code == 403


def test_only_operators_may_start_a_pencatatan(client, auth):
    for username in ("kaurlitpers", "kasubbid", "kabid", "kapolda", "admin"):
        auth.login(username)
        assert client.get("/ajukan/pencatatan").status_code == 403, username
        assert post_pencatatan(client).status_code == 403, username


def test_the_four_offices_of_the_polda_read_a_polres_record_as_soon_as_it_is_submitted(
    client, auth, session
):
    auth.login("op.kapuas")
    post_pencatatan(client)
    record = the_record(session)
    for username in ("kabid", "kapolda", "kaurlitpers", "kasubbid"):
        auth.login(username)
        assert client.get(f"/catatan/{record.id}").status_code == 200, username
    for username in ("operator", "op.barsel", "admin"):
        auth.login(username)
        assert client.get(f"/catatan/{record.id}").status_code == 403, username


def test_a_completed_task_cannot_be_completed_again(client, auth):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    task_id = only_task(client).task_id
    client.post(f"/tugas/{task_id}", data={"keputusan": "SETUJU"})
    response = client.post(f"/tugas/{task_id}", data={"keputusan": "KEMBALIKAN", "catatan": "xxxxx"})
    assert response.status_code == 302
    follow = client.get("/").get_data(as_text=True)
    assert "sudah diselesaikan oleh Iptu Rina Marlina" in follow


def test_login_refuses_wrong_password_and_pages_need_login(client, auth):
    assert client.get("/").status_code == 302
    response = auth.login("operator", "salah")
    assert response.status_code == 401
    assert "kata sandi salah" in response.get_data(as_text=True)


def test_logout_ends_the_session_even_if_the_cookie_is_replayed(client, auth, app):
    auth.login("operator")
    cookie = client.get_cookie("session")
    assert client.get("/").status_code == 200
    client.post("/keluar")
    replay = app.test_client()
    replay.set_cookie("session", cookie.value)
    assert replay.get("/").status_code == 302


def test_disabling_a_user_takes_effect_on_the_next_request(client, auth, session_factory):
    from processes.accounts.users import create_user, set_active
    from tests.conftest import DEMO_PASSWORD

    with session_factory() as s:
        create_user(s, "tmp-op", "Operator Sementara", DEMO_PASSWORD, "OPERATOR", "POLDA-KALTENG")
        s.commit()
    auth.login("tmp-op")
    assert client.get("/").status_code == 200
    with session_factory() as s:
        from tests.support.actors import user

        set_active(user(s, "tmp-op"), False)
        s.commit()
    assert client.get("/").status_code == 302


def test_posts_need_a_csrf_token(db_url, session_factory):
    from web import create_app, db

    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "SECRET_KEY": "uji"})
    client = app.test_client()
    response = client.post("/masuk", data={"username": "operator", "password": "x"})
    assert response.status_code == 400
    page = client.get("/masuk").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/masuk", data={"username": "operator", "password": "x", "csrf_token": token})
    assert response.status_code == 401
    db.dispose(app)


def test_a_nul_character_is_refused_before_it_reaches_the_database(client, auth):
    auth.login("kabid")
    assert client.get("/personel/abc%00def").status_code == 404
    assert client.get("/catatan?q=a%00b").status_code == 400
    assert client.post("/log-akses", data={"nomor": "ab\x00c"}).status_code == 400


def test_kaurlitpers_opens_the_submitted_pdf_and_the_read_is_logged(client, auth, session):
    from tests.support.audit import reads

    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    task_id = only_task(client).task_id
    response = client.get(f"/tugas/{task_id}/berkas/dokumen_file")
    assert response.status_code == 200 and response.data == MINIMAL_PDF
    assert response.headers["Cache-Control"] == "no-store"
    logged = [what for what, ground, _nomor in reads(session) if ground == "MENANGANI_TUGAS"]
    assert "DOKUMEN_TUGAS" in logged
    auth.login("operator")  # the task is not theirs
    assert client.get(f"/tugas/{task_id}/berkas/dokumen_file").status_code == 403
    auth.login("kaurlitpers")
    assert client.get(f"/tugas/{task_id}/berkas/uraian").status_code == 403  # not a file field


def test_a_kepp_record_citing_a_disiplin_pasal_is_refused_and_the_form_keeps_what_was_typed(
    client, auth, session
):
    auth.login("operator")
    response = post_pencatatan(client, jenis_pelanggaran="KEPP", pasal="PP2-2003-P5-a",
                               wujud_perbuatan="PENYALAHGUNAAN_WEWENANG")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Pasal yang dilanggar ini tidak berlaku untuk Jenis pelanggaran dan POLRI/ASN yang dipilih." in page
    assert 'value="LP/A/12/X/2026/Yanduan"' in page
    assert the_record(session) is None


def test_a_wujud_perbuatan_of_another_jenis_is_refused(client, auth, session):
    auth.login("operator")
    response = post_pencatatan(client, jenis_pelanggaran="PIDANA", pasal="KUHP-351",
                               wujud_perbuatan="MABUK_MIRAS")
    assert response.status_code == 422
    assert "Wujud perbuatan ini tidak berlaku untuk Jenis pelanggaran yang dipilih." in (
        response.get_data(as_text=True))
    assert the_record(session) is None


def test_the_form_tells_the_browser_which_pasal_fits_which_jenis(client, auth):
    auth.login("operator")
    page = client.get("/ajukan/pencatatan").get_data(as_text=True)
    assert 'data-depends="{&#34;jenis&#34;: &#34;jenis_pelanggaran&#34;, &#34;personel&#34;: &#34;personel&#34;}"' in page
    assert re.search(r'value="PERPOL7-2022-P10"[^>]*data-attrs="\{&#34;jenis&#34;: &#34;KEPP&#34;', page)


def test_a_reference_pdf_with_javascript_is_refused_and_nothing_is_stored(client, auth, session):
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.launchURL('http://x')")))
    scripted = io.BytesIO()
    pdf.save(scripted)
    auth.login("operator")
    response = post_start(client, "pencatatan", pencatatan_data(), pdf=scripted.getvalue())
    assert response.status_code == 422
    assert "memuat skrip atau tindakan otomatis" in response.get_data(as_text=True)
    assert the_record(session) is None and session.scalar(select(StoredFile)) is None
