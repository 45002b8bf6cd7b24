"""Labels, never codes: the main pages, rendered over the demo data with a submission
waiting, show no stored code (pangkat, jenis, tahap, wujud, an audit action or a read
ground) where its label belongs, and no engine wording such as "TUGAS 12"."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

import engine
from processes.access import grounds
from processes.db.audit_actions import ACTIONS
from processes.records.models import Person, Record
from processes.records.statuses import STATUSES
from processes.reference.models import ReferenceItem
from processes.setup import demo
from tests.support.data import pencatatan_data
from tests.support.pages import instance_of, parse, post_start, task_of

#: Codes that read as words of their own on a page (a status name, an abbreviation the
#: office writes as it is), so finding them proves nothing.
WORDS = {"SKHP", "POLRI", "ASN", "PNS", "POLDA", "PIDANA", "BINTARA", "PAMA", "PAMEN", "PATI",
         "TAMTAMA", "LAINNYA"}
GROUNDS = [grounds.SEMUA, grounds.PENGAJU, grounds.AKSES_KHUSUS, grounds.MENANGANI, grounds.PEMOHON]


def visible_text(response) -> str:
    page = parse(response)
    for hidden in page.xpath("//script | //style | //head"):
        hidden.drop_tree()
    return re.sub(r"\s+", " ", " ".join(page.itertext()))  # cells apart, as a reader sees them


def codes_and_labels(session) -> tuple[set[str], list[str]]:
    """Every code a page must not print, and every label (which may quote its code:
    "Brigadir Polisi (BRIGPOL)")."""
    rows = session.execute(select(ReferenceItem.code, ReferenceItem.label)).all()
    codes = {code for code, label in rows if code != label and code.upper() == code}
    labels = [label for _, label in rows] + [a.label for a in ACTIONS.values()]
    labels += [v.name for v in engine.current_versions(session)] + list(STATUSES)  # names too
    return (codes | set(ACTIONS) | set(GROUNDS)) - WORDS, sorted(labels, key=len, reverse=True)


def raw_codes(text: str, codes: set[str], labels: list[str]) -> set[str]:
    """Each code found in `text` outside a label, with the words around it."""
    for label in labels:
        text = text.replace(label, " ")
    found = set()
    for code in codes:
        hit = re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)
        if hit:  # with the words around it, to say where it was
            found.add(text[max(0, hit.start() - 40):hit.end() + 20].strip())
    hit = re.search(r"\bTUGAS \d+", text)
    if hit:
        found.add(text[max(0, hit.start() - 40):hit.end() + 20].strip())
    return found


@pytest.fixture
def office(client, auth, session):
    """The demo records and one pencatatan waiting for Kaurlitpers."""
    demo.load_demo_records(session)
    session.commit()
    auth.login("operator")
    instance_id = instance_of(post_start(client, "pencatatan", pencatatan_data()))
    return instance_id


def test_the_main_pages_show_labels_not_codes(client, auth, session, office):
    codes, labels = codes_and_labels(session)
    record = session.scalars(select(Record).where(Record.status == "PROSES")).first()
    person = session.get(Person, record.person_id)
    auth.login("kaurlitpers")
    task_id = task_of(client, office).task_id
    pages = {
        "kaurlitpers": ["/", f"/tugas/{task_id}", f"/proses/{office}", "/catatan",
                        f"/proses/{record.instance_id}",  # its Riwayat holds approvals
                        f"/catatan/{record.id}", f"/personel/{person.token}", "/surat"],
        "operator": ["/", f"/ajukan/update_i?catatan={record.id}"],
        "kabid": ["/log-akses", "/dasbor"],
    }
    flagged = {}
    for username, urls in pages.items():
        auth.login(username)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (username, url, response.status_code)
            found = raw_codes(visible_text(response), codes, labels)
            if found:
                flagged[f"{username} {url}"] = sorted(found)
    assert flagged == {}, "\n".join(f"{page}: {found}" for page, found in flagged.items())
