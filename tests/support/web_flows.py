"""Working a record's flows through the web, as each user would, and reading the pages.

The HTTP tests use these with the Flask test client: start an update from the record,
have both approvers approve it, and read what the record page, the person page and the
record list show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select

from engine.models import Instance, OpenTask, TaskHistory
from processes.records.models import (
    Person,
    Record,
    RecordDocument,
    StatusChange,
    StoredFile,
    Submission,
)
from tests.support.data import MINIMAL_PDF, reference_document
from tests.support.pages import (
    parse,
    post_decision,
    post_start,
    squash,
)

#: Tahap titles as the record page shows them (the `tahap` reference list).
TITLE = {
    "PENCATATAN": "Pencatatan",
    "UPDATE_I": "Update I (DP3D/BP3KEPP)",
    "UPDATE_II": "Update II (Putusan sidang)",
    "UPDATE_III": "Update III (Putusan banding KEPP)",
    "UPDATE_IV": "Update IV (Peninjauan kembali KEPP)",
    "PEMUTAKHIRAN": "Pemutakhiran",
}


# -- driving the web -----------------------------------------------------------------


def start_update(
    client, process_id: str, record_id: int, fields: dict[str, str],
    document: dict[str, str] | None = None, pdf: bytes | None = MINIMAL_PDF,
):
    """POST the start form of `process_id` about the record, with its reference PDF."""
    return post_start(client, process_id, {**(document or reference_document()), **fields},
                      pdf, record_id)


def approve_both(auth, client, instance_id: int) -> None:
    """Kaurlitpers approves, then Kasubbid Paminal approves."""
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title="Persetujuan Kasubbid Paminal")


# -- reading pages -------------------------------------------------------------------


def text_by_id(page, element_id: str) -> str | None:
    found = page.xpath(f'//*[@id="{element_id}"]')
    return squash(found[0].text_content()) if found else None


def offers_of(page) -> list[str]:
    """Process ids of the "Ajukan …" buttons in #offers, in menu order."""
    links = page.xpath('//*[@id="offers"]//a')
    return [re.match(r"/ajukan/([a-z_]+)\?", a.get("href")).group(1) for a in links]


@dataclass
class Tahap:
    title: str
    lines: dict[str, str]
    document: str | None


@dataclass
class RecordPage:
    status: str
    offers: list[str]
    offer_labels: list[str]
    waiting: str | None
    tahapan: list[Tahap]
    documents: list[tuple[str, str]]  # (tahap as labelled, nomor)
    history: list[str]  # statuses, oldest first

    @property
    def tahap_titles(self) -> list[str]:
        return [s.title for s in self.tahapan]

    def tahap(self, tahap: str) -> Tahap:
        found = [s for s in self.tahapan if s.title == TITLE[tahap]]
        assert len(found) == 1, (tahap, self.tahap_titles)
        return found[0]


def tahapan_in(element) -> list[Tahap]:
    tahapan = []
    for li in element.xpath('.//ol[contains(@class, "tahapan")]/li'):
        dts = [squash(d.text_content()) for d in li.xpath("./dl/dt")]
        dds = [squash(d.text_content()) for d in li.xpath("./dl/dd")]
        doc = li.xpath('./p[@class="doc"]')
        tahapan.append(
            Tahap(
                squash(li.xpath("./strong")[0].text_content()),
                dict(zip(dts, dds, strict=True)),
                squash(doc[0].text_content()) if doc else None,
            )
        )
    return tahapan


def read_record(client, record_id: int) -> RecordPage:
    response = client.get(f"/catatan/{record_id}")
    assert response.status_code == 200, response.status_code
    page = parse(response)
    documents = [
        (squash(tr.xpath("./td")[0].text_content()), squash(tr.xpath("./td")[1].text_content()))
        for tr in page.xpath('//h2[text()="Dokumen referensi"]/following-sibling::table[1]/tbody/tr')
    ]
    history = [
        squash(li.xpath('./span[contains(@class, "status")]')[0].text_content())
        for li in page.xpath('//*[@id="status-history"]/li')
    ]
    return RecordPage(
        status=text_by_id(page, "record-status"),
        offers=offers_of(page),
        offer_labels=[squash(a.text_content()) for a in page.xpath('//*[@id="offers"]//a')],
        waiting=text_by_id(page, "waiting-submission"),
        tahapan=tahapan_in(page.xpath('//h2[text()="Tahapan"]/..')[0]),
        documents=documents,
        history=history,
    )


@dataclass
class PersonSection:
    record_id: int
    heading: str
    status: str
    tahapan: list[Tahap]
    waiting: str | None


def read_person(client, path: str) -> tuple[str, list[PersonSection]]:
    """The person page at `path` (see `pages.person_path`): its heading and record sections."""
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    page = parse(response)
    sections = []
    for section in page.xpath('//section[contains(@class, "person-record")]'):
        warning = section.xpath('./p[contains(@class, "flash-warning")]')
        sections.append(
            PersonSection(
                record_id=int(section.get("id").split("-")[1]),
                heading=squash(section.xpath("./h2/a")[0].text_content()),
                status=squash(section.xpath('./h2/span[contains(@class, "status")]')[0].text_content()),
                tahapan=tahapan_in(section),
                waiting=squash(warning[0].text_content()) if warning else None,
            )
        )
    return squash(page.xpath("//h1")[0].text_content()), sections


@dataclass
class ListPage:
    total: int
    rows: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pager: str = ""
    #: The filter the "next" / "previous" buttons post (None: no such page).
    next_form: dict[str, str] | None = None
    prev_form: dict[str, str] | None = None

    @property
    def names(self) -> list[str]:
        return [r["nama"] for r in self.rows]


def read_list(client, **params) -> ListPage:
    """The record list as the filter form posts it (a search never goes into the address)."""
    response = client.post("/catatan", data=params)
    assert response.status_code == 200, response.status_code
    return list_page(response)


def _pager_form(page, label: str) -> dict[str, str] | None:
    forms = page.xpath(f'//div[@class="pager"]/form[button[contains(text(), "{label}")]]')
    if not forms:
        return None
    return {i.get("name"): i.get("value") for i in forms[0].xpath(".//input")}


def list_page(response) -> ListPage:
    page = parse(response)
    lead = page.xpath('//p[@class="lead"]')[0].text_content()
    total = int(re.match(r"\s*(\d+) catatan", lead).group(1))
    rows = []
    for tr in page.xpath('//table[@id="records"]/tbody/tr'):
        cells = [squash(td.text_content()) for td in tr.xpath("./td")]
        rows.append(dict(zip(("nama", "nomor", "pangkat", "jenis", "status"), cells, strict=False)))
    pager = page.xpath('//div[@class="pager"]')
    return ListPage(
        total=total,
        rows=rows,
        errors=[squash(e.text_content()) for e in page.xpath('//div[contains(@class, "flash-error")]')],
        pager=squash(pager[0].text_content()) if pager else "",
        next_form=_pager_form(page, "Berikutnya"),
        prev_form=_pager_form(page, "Sebelumnya"),
    )


# -- what the database holds ---------------------------------------------------------


def footprint(session) -> dict[str, int]:
    """Row counts of everything a submission writes: equal before and after = nothing written."""
    session.expire_all()
    tables = {
        "instances": Instance, "open_tasks": OpenTask, "history": TaskHistory,
        "submissions": Submission, "status_changes": StatusChange,
        "documents": RecordDocument, "files": StoredFile, "persons": Person, "records": Record,
    }
    return {
        name: session.scalar(select(func.count()).select_from(model))
        for name, model in tables.items()
    }


