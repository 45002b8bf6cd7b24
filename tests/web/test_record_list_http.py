"""The person page and the record list through HTTP: every record with its tahapan, the
filters, the scope each user may read, and searches that never enter an address."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processes.records import statuses
from tests.support.data import (
    ASN,
    KEPP,
    PIDANA,
    UPDATE_I,
    pemutakhiran,
    putusan,
)
from tests.support.flows import (
    approve,
    record_in_proses,
    submit_update,
    submitted_record,
)
from tests.support.pages import (
    parse,
    person_path,
)
from tests.support.web_flows import (
    TITLE,
    list_page,
    read_list,
    read_person,
)

# -- person page ------------------------------------------------------------------------


def test_person_page_shows_every_record_with_its_status_and_tahapan(client, auth, session):
    first = record_in_proses(session)
    approve(session, submit_update(session, "update_i", first, UPDATE_I))
    approve(session, submit_update(session, "update_ii", first, putusan("DISIPLIN_TUNDA_KGB")))
    second = record_in_proses(session, jenis_pelanggaran="PIDANA", wujud_perbuatan="PENGANIAYAAN",
                              pasal="KUHP-351")
    submit_update(session, "update_i", second, {"nomor_berkas": "LP/B/3/XI/2026", "limpah": "MABES"})
    third = record_in_proses(session, jenis_pelanggaran="KEPP", pasal="PERPOL7-2022-P10")
    approve(session, submit_update(session, "pemutakhiran", third, pemutakhiran("TIDAK_BERSALAH")))
    kapuas = record_in_proses(session, username="op.kapuas", jenis_pelanggaran="PIDANA",
                              wujud_perbuatan="PENGANIAYAAN", pasal="KUHP-170")

    auth.login("kaurlitpers")  # of the Polda: reads every catpers of the Polda and its Polres
    budi = person_path(session, "85051234")
    heading, sections = read_person(client, budi)
    assert "Budi Hartono" in heading and "85051234" in heading
    assert [s.record_id for s in sections] == [first.id, second.id, third.id, kapuas.id]
    by_id = {s.record_id: s for s in sections}

    assert by_id[first.id].status == "PENGAWASAN"
    assert by_id[first.id].heading.startswith("Disiplin")
    assert [s.title for s in by_id[first.id].tahapan] == [
        TITLE["PENCATATAN"], TITLE["UPDATE_I"], TITLE["UPDATE_II"],
    ]
    assert by_id[first.id].tahapan[2].lines["Hukuman"] == (
        "Penundaan kenaikan gaji berkala (1 bulan, mulai 10 November 2026)")
    assert by_id[first.id].waiting is None

    assert by_id[second.id].status == statuses.DIAJUKAN_UPDATE
    assert by_id[second.id].heading.startswith("Pidana")
    assert [s.title for s in by_id[second.id].tahapan] == [TITLE["PENCATATAN"]]
    assert TITLE["UPDATE_I"] in by_id[second.id].waiting

    assert by_id[third.id].status == statuses.TIDAK_BERSALAH
    assert [s.title for s in by_id[third.id].tahapan] == [
        TITLE["PENCATATAN"], TITLE["PEMUTAKHIRAN"],
    ]
    assert "4 catatan" in client.get(budi).get_data(as_text=True)

    for username in ("kabid", "kapolda", "kasubbid"):
        auth.login(username)
        everything = read_person(client, budi)[1]
        assert [s.record_id for s in everything] == [first.id, second.id, third.id, kapuas.id]
        assert [s.status for s in everything] == [
            "PENGAWASAN", statuses.DIAJUKAN_UPDATE, statuses.TIDAK_BERSALAH, "PROSES",
        ], username
    # Submitting records about a person is no ground to read the person: their records only.
    for username in ("operator", "op.kapuas", "op.barsel"):
        auth.login(username)
        assert client.get(budi).status_code == 403, username
    assert client.get("/personel/85051234").status_code == 403  # an NRP is no address
    assert client.get("/personel/tidak-ada-token-begini").status_code == 403  # no hint


# -- record list ----------------------------------------------------------------------


@pytest.fixture
def four_records(session):
    """Budi (DISIPLIN, BINTARA, Kapuas) PROSES and Andika (KEPP, BINTARA) PENGAWASAN by
    op.kapuas; Rudi (PIDANA, PAMA, Barito Selatan) DIAJUKAN by op.barsel; Siti (ASN, PNS,
    Bidpropam) TIDAK TERBUKTI by operator. Recorded on different days."""
    budi = record_in_proses(session, username="op.kapuas")
    andika = record_in_proses(session, username="op.kapuas", **KEPP)
    approve(session, submit_update(session, "update_ii", andika, putusan("KEPP_DEMOSI"),
                                   username="op.kapuas"))
    rudi = submitted_record(session, username="op.barsel", **PIDANA)
    siti = record_in_proses(session, **ASN)
    approve(session, submit_update(session, "pemutakhiran", siti, pemutakhiran("TIDAK_TERBUKTI")))
    days = {budi: (2026, 3, 10), andika: (2026, 6, 20), rudi: (2026, 6, 21), siti: (2026, 9, 1)}
    for record, day in days.items():
        record.created_at = datetime(*day, 12, 0, tzinfo=UTC)
    session.commit()
    return {"budi": budi, "andika": andika, "rudi": rudi, "siti": siti}


ALL = {"Budi Hartono", "Andika Prasetyo", "Rudi Santoso", "Siti Aminah"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL),
        ({"status": "PENGAWASAN"}, {"Andika Prasetyo"}),
        ({"status": "PROSES"}, {"Budi Hartono"}),
        ({"status": "DIAJUKAN (DICATAT)"}, {"Rudi Santoso"}),
        ({"status": "TIDAK TERBUKTI"}, {"Siti Aminah"}),
        ({"status": "SELESAI"}, set()),
        ({"jenis": "KEPP"}, {"Andika Prasetyo"}),
        ({"jenis": "DISIPLIN"}, {"Budi Hartono", "Siti Aminah"}),
        ({"jenis": "PIDANA"}, {"Rudi Santoso"}),
        ({"unit": "POLRES-BARITO-SELATAN"}, {"Rudi Santoso"}),
        ({"unit": "POLRES-KAPUAS"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"kelompok": "PAMA"}, {"Rudi Santoso"}),
        ({"kelompok": "BINTARA"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"kelompok": "PNS"}, {"Siti Aminah"}),
        ({"kelompok": "PATI"}, set()),
        ({"q": "hartono"}, {"Budi Hartono"}),
        ({"q": "8811"}, {"Rudi Santoso"}),
        ({"q": "199002152015032001"}, {"Siti Aminah"}),
        ({"q": "1234"}, set()),  # NRP/NIP match from the start, not in the middle
        ({"dari": "2026-06-20"}, {"Andika Prasetyo", "Rudi Santoso", "Siti Aminah"}),
        ({"sampai": "2026-06-20"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"dari": "2026-06-20", "sampai": "2026-06-21"}, {"Andika Prasetyo", "Rudi Santoso"}),
        ({"jenis": "DISIPLIN", "kelompok": "PNS"}, {"Siti Aminah"}),
        ({"jenis": "DISIPLIN", "unit": "POLRES-BARITO-SELATAN"}, set()),
    ],
)
def test_each_filter_of_the_record_list_narrows_it(client, auth, four_records, params, expected):
    auth.login("kabid")
    page = read_list(client, **params)
    assert set(page.names) == expected
    assert page.total == len(expected)
    assert page.errors == []


def test_list_rows_show_status_jenis_and_link_to_record_and_person(
    client, auth, session, four_records
):
    auth.login("kapolda")
    response = client.post("/catatan", data={"q": "Andika"})
    page = parse(response)
    row = list_page(response).rows[0]
    assert row["status"] == "PENGAWASAN" and row["jenis"] == "Kode Etik (KEPP)" and "(BRIPTU)" in row["pangkat"]
    links = page.xpath('//table[@id="records"]//a/@href')
    assert links == [f"/catatan/{four_records['andika'].id}", person_path(session, "90030456")]
    assert page.xpath('//select[@id="jenis"]/option[@selected]/@value') == []  # nothing chosen
    page = parse(client.post("/catatan", data={"jenis": "KEPP", "q": "Andika"}))
    assert page.xpath('//select[@id="jenis"]/option[@selected]/@value') == ["KEPP"]
    assert page.xpath('//input[@id="q"]/@value') == ["Andika"]
    assert page.xpath('//form[@id="filters"]/@method') == ["post"]


def test_an_operator_s_list_links_the_record_never_the_person(client, auth, four_records):
    auth.login("op.kapuas")
    page = parse(client.post("/catatan", data={"q": "Andika"}))
    assert page.xpath('//table[@id="records"]//a/@href') == [f"/catatan/{four_records['andika'].id}"]


def test_a_search_in_the_address_is_not_run(client, auth, four_records):
    # A name or NRP/NIP typed into the list goes by POST; one put into the address is ignored.
    auth.login("kabid")
    response = client.get("/catatan", query_string={"q": "Andika", "jenis": "KEPP"})
    assert list_page(response).names == ["Andika Prasetyo"]  # the other filters still apply
    assert parse(response).xpath('//input[@id="q"]/@value') == [""]
    assert set(list_page(client.get("/catatan", query_string={"q": "Andika"})).names) == ALL


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("op.kapuas", {"Budi Hartono", "Andika Prasetyo"}),
        ("op.barsel", {"Rudi Santoso"}),
        ("operator", {"Siti Aminah"}),
        ("kabid", ALL),
        ("kapolda", ALL),
        # The AKSES CATPERS table: Kaurlitpers and Kasubbid Paminal of the Polda read them all.
        ("kaurlitpers", ALL),
        ("kasubbid", ALL),
        ("admin", set()),
    ],
)
def test_the_record_list_is_scoped_to_what_each_user_may_read(
    client, auth, four_records, username, expected
):
    auth.login(username)
    page = read_list(client)
    assert set(page.names) == expected
    assert page.total == len(expected)


def test_an_invalid_date_in_the_list_filter_gets_an_indonesian_message(client, auth, four_records):
    auth.login("kabid")
    page = read_list(client, dari="2026-13-45", jenis="KEPP")
    assert page.errors == ["Tanggal '2026-13-45' tidak valid (format TTTT-BB-HH)."]
    assert set(page.names) == {"Andika Prasetyo"}  # the other filters still apply
    page = read_list(client, sampai="kemarin")
    assert page.errors == ["Tanggal 'kemarin' tidak valid (format TTTT-BB-HH)."]


def test_a_date_range_that_ends_before_it_starts_is_an_error_not_an_empty_list(
    client, auth, four_records
):
    auth.login("kabid")
    page = read_list(client, dari="2026-06-21", sampai="2026-03-10")
    assert page.errors == [
        ("Tanggal \u201cdari\u201d (21 Juni 2026) jatuh setelah tanggal \u201csampai\u201d "
        "(10 Maret 2026); tukar atau perbaiki salah satunya.")]
    assert page.total == 4  # the range is dropped whole, and said so
    page = read_list(client, dari="2026-03-10", sampai="2026-06-21")
    assert page.errors == [] and page.total == 3


def test_the_record_list_pages_by_25_and_keeps_the_filters(client, auth, session):
    for i in range(27):
        submitted_record(session, nomor_identitas=f"850512{i:02d}", nama=f"Personel Uji {i:02d}")
    submitted_record(session, nomor_identitas="90030499", nama="Personel Kode Etik",
                     jenis_pelanggaran="KEPP", pasal="PERPOL7-2022-P10")
    auth.login("operator")
    first = read_list(client, jenis="DISIPLIN")
    assert first.total == 27
    assert len(first.rows) == 25
    assert "Halaman 1 dari 2" in first.pager
    assert first.prev_form is None and first.next_form
    assert first.next_form["jenis"] == "DISIPLIN" and first.next_form["page"] == "2"

    second_response = client.post("/catatan", data=first.next_form)
    second = parse(second_response)
    rows = second.xpath('//table[@id="records"]/tbody/tr')
    assert len(rows) == 2
    assert "Halaman 2 dari 2" in second.xpath('//div[@class="pager"]')[0].text_content()
    names = set(first.names) | {
        " ".join(tr.xpath("./td")[0].text_content().split()) for tr in rows
    }
    assert names == {f"Personel Uji {i:02d}" for i in range(27)}
    assert list_page(second_response).prev_form["page"] == "1"
    assert read_list(client).total == 28
    assert read_list(client, page="99").rows == []


def test_a_search_by_name_pages_without_putting_the_name_in_any_address(client, auth, session):
    for i in range(27):
        submitted_record(session, nomor_identitas=f"850512{i:02d}", nama=f"Personel Uji {i:02d}")
    auth.login("operator")
    first = read_list(client, q="Personel Uji")
    assert (first.total, len(first.rows)) == (27, 25)
    assert first.next_form["q"] == "Personel Uji"
    response = client.post("/catatan", data=first.next_form)
    assert len(list_page(response).rows) == 2
    page = response.get_data(as_text=True)
    addresses = parse(page).xpath("//@href | //@action | //@src")
    assert [a for a in addresses if "Uji" in a or "85051" in a] == []
