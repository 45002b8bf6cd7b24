"""A letter's state today reads the same everywhere it is shown: the letters list, the
person page and the public verification page (one rule: `processes.letters.state.state_of`)."""

from __future__ import annotations

from datetime import timedelta

from processes.letters.content import add_months, office_today
from processes.letters.listing import person_letters
from processes.letters.models import Letter
from tests.support.access_checks import SANDI
from tests.support.access_flows import issue_letter, letters_listed
from tests.support.actors import user
from tests.support.data import NRP_AIPDA
from tests.support.flows import record_in_proses
from tests.support.letters import pdf_text, tanggal
from tests.support.pages import parse, person_path, squash


def person_page_state(client, session, letter) -> str:
    page = parse(client.get(person_path(session, NRP_AIPDA)))
    cells = page.xpath(f'//tr[@id="person-letter-{letter.id}"]/td')
    return squash(cells[5].xpath('.//span[contains(@class,"status")]')[0].text_content())


def verification_state(client, letter) -> str:
    page = parse(client.get(f"/verifikasi/{letter.verify_token}"))
    return squash(page.xpath('//*[@id="status"]')[0].text_content())


def states(client, auth, session, letter) -> tuple[str, str, str]:
    auth.login("kabid")
    listed = letters_listed(client)[letter.nomor]["keadaan"].split()[0]  # a reason may follow
    on_person = person_page_state(client, session, letter)
    client.post("/keluar")
    return listed, on_person, verification_state(client, letter)


def test_a_letter_reads_berlaku_everywhere_until_its_last_day(client, auth, session):
    record_in_proses(session)
    letter = issue_letter(client, auth, session)
    assert letter.valid_until == add_months(office_today(), 6)
    assert states(client, auth, session, letter) == ("BERLAKU", "BERLAKU", "BERLAKU")


def test_six_months_on_an_skhp_reads_kedaluwarsa_everywhere(client, auth, session):
    record_in_proses(session)
    letter = issue_letter(client, auth, session)
    # Issued six months and a day ago: its validity ended yesterday.
    issued = office_today() - timedelta(days=184)
    stored = session.get(Letter, letter.id)
    stored.issued_on, stored.valid_until = issued, office_today() - timedelta(days=1)
    session.commit()
    assert states(client, auth, session, letter) == ("KEDALUWARSA",) * 3


def test_a_revoked_letter_reads_dicabut_everywhere(client, auth, session):
    record_in_proses(session)
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Catatan baru dicatat"})
    assert states(client, auth, session, letter) == ("DICABUT",) * 3


def test_the_person_page_lists_the_letters_with_their_verdict(client, auth, session):
    record_in_proses(session)
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    page = parse(client.get(person_path(session, NRP_AIPDA)))
    cells = [squash(td.text_content()) for td in page.xpath(f'//tr[@id="person-letter-{letter.id}"]/td')]
    assert cells[0] == letter.nomor and cells[1] == "SKHP"
    assert cells[4] == "TIDAK MEMENUHI SYARAT"


def test_a_rekam_jejak_marks_an_expired_skhp_kedaluwarsa(client, auth, session):
    record_in_proses(session)
    expired = issue_letter(client, auth, session)
    session.get(Letter, expired.id).valid_until = office_today() - timedelta(days=1)
    session.commit()
    rekam_jejak = issue_letter(client, auth, session, jenis_permohonan="REKAM_JEJAK")
    assert f"{expired.nomor} ({tanggal(expired.issued_on)}) — kedaluwarsa" in pdf_text(rekam_jejak.pdf)


def test_the_person_page_lists_only_the_letters_its_reader_may_see(client, auth, session):
    # As the letters list: who reads all sees every letter; anyone else (a reader of the
    # person through an akses khusus, say) only the letters of their own requests.
    record_in_proses(session)
    letter = issue_letter(client, auth, session, username="op.kapuas")
    kabid, operator, requester = (user(session, name) for name in ("kabid", "operator", "op.kapuas"))
    assert [row.letter.id for row in person_letters(session, kabid, NRP_AIPDA)] == [letter.id]
    assert person_letters(session, operator, NRP_AIPDA) == []
    assert [row.letter.id for row in person_letters(session, requester, NRP_AIPDA)] == [letter.id]
