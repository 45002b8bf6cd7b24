"""The letters list (/surat) as the office reads it: every issued letter, searched by number,
name or NRP/NIP through a POST (never in the address), paged instead of cut off silently,
expired ones marked KEDALUWARSA, dates as dd-mm-yyyy; the public verification page prints
its dates the Indonesian way and the pangkat by its name."""

from __future__ import annotations

from datetime import timedelta

from processes.letters import listing
from processes.letters.content import office_today
from processes.letters.models import Letter
from tests.support.access_flows import issue_letter, letters_listed
from tests.support.data import NAMA_AIPDA, NRP_AIPDA, NRP_OTHER
from tests.support.letters import tanggal
from tests.support.pages import parse, squash

OTHER = {"nomor_identitas": NRP_OTHER, "nama": "Andika Prasetyo", "pangkat": "BRIPTU"}


def listed_numbers(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return [squash(a.text_content()) for a in parse(response).xpath('//table[@id="letters"]/tbody/tr/td[1]/a')]


def test_a_search_by_nrp_finds_that_persons_letters_and_is_posted(client, auth, session):
    first = issue_letter(client, auth, session)
    second = issue_letter(client, auth, session, **OTHER)
    auth.login("kabid")
    assert set(listed_numbers(client.get("/surat"))) == {first.nomor, second.nomor}
    assert listed_numbers(client.post("/surat", data={"q": NRP_OTHER})) == [second.nomor]
    assert listed_numbers(client.post("/surat", data={"q": "budi"})) == [first.nomor]
    found = client.post("/surat", data={"q": first.nomor})
    assert listed_numbers(found) == [first.nomor]
    assert 'method="post"' in found.get_data(as_text=True)
    nothing = client.post("/surat", data={"q": "tidak ada"})
    assert "Tidak ada surat yang cocok." in nothing.get_data(as_text=True)
    assert len(listed_numbers(client.get(f"/surat?q={NRP_AIPDA}"))) == 2  # an address never searches


def test_a_long_list_is_paged_by_post_and_nothing_is_cut_off(client, auth, session, monkeypatch):
    first = issue_letter(client, auth, session)
    second = issue_letter(client, auth, session, **OTHER)
    monkeypatch.setattr(listing, "PAGE_SIZE", 1)
    auth.login("kabid")
    page_one = client.post("/surat", data={"page": "1"})
    assert listed_numbers(page_one) == [second.nomor]  # newest first
    text = squash(parse(page_one).text_content())
    assert "2 surat" in text and "Halaman 1 dari 2" in text
    assert listed_numbers(client.post("/surat", data={"page": "2"})) == [first.nomor]
    assert listed_numbers(client.post("/surat", data={"page": "99"})) == []
    assert listed_numbers(client.post("/surat", data={"page": "x"})) == [second.nomor]


def test_an_expired_letter_is_listed_as_kedaluwarsa(client, auth, session):
    letter = issue_letter(client, auth, session)
    session.get(Letter, letter.id).valid_until = office_today() - timedelta(days=1)
    session.commit()
    auth.login("operator")
    row = letters_listed(client)[letter.nomor]
    assert row["keadaan"] == "KEDALUWARSA"


def test_the_list_prints_dates_as_dd_mm_yyyy(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("operator")
    cells = [squash(td.text_content()) for td in parse(client.get("/surat")).xpath(
        f'//tr[@id="letter-{letter.id}"]/td')]
    assert cells[3] == letter.issued_on.strftime("%d-%m-%Y")
    assert cells[4] == letter.valid_until.strftime("%d-%m-%Y")


def test_the_verification_page_writes_dates_and_the_pangkat_in_words(client, auth, session):
    letter = issue_letter(client, auth, session)
    client.post("/keluar")
    text = squash(parse(client.get(f"/verifikasi/{letter.verify_token}")).text_content())
    assert f"Tanggal terbit{tanggal(letter.issued_on)}" in text
    assert f"Berlaku sampai{tanggal(letter.valid_until)}" in text
    assert NAMA_AIPDA in text and letter.issued_on.isoformat() not in text


def test_the_style_sheet_tells_the_three_diajukan_statuses_apart(client):
    css = client.get("/gaya/status.css").get_data(as_text=True)
    assert ".status-diajukan-dicatat { border: 2px solid" in css
    assert ".status-diajukan-update { border: 2px dashed" in css
    assert ".status-diajukan-pemutakhiran { border: 2px dotted" in css
