"""The app through HTTP (Flask test client): posting start forms and decisions, reading pages."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from tests.conftest import DEMO_PASSWORD
from tests.support.data import MINIMAL_PDF, as_posted, pencatatan_data


def parse(response_or_text):
    text = (
        response_or_text
        if isinstance(response_or_text, str)
        else (response_or_text.get_data(as_text=True))
    )
    return lxml_html.fromstring(text)


def squash(text: str) -> str:
    return " ".join(text.split())


def person_path(session, nomor: str) -> str:
    """The address of a person's page: by its opaque token, never by NRP/NIP."""
    from sqlalchemy import select

    from processes.records.models import Person

    session.expire_all()
    token = session.scalar(select(Person.token).where(Person.nomor_identitas == nomor))
    assert token, nomor
    return f"/personel/{token}"


def instance_of(response) -> int:
    """The process a successful start redirected to (/proses/<id>)."""
    assert response.status_code == 302, (response.status_code, response.get_data(as_text=True))
    found = re.search(r"/proses/(\d+)$", response.headers["Location"])
    assert found, response.headers["Location"]
    return int(found.group(1))


@dataclass(frozen=True)
class InboxRow:
    task_id: str
    title: str
    instance_id: int
    nomor: str
    lane: str


def inbox(client) -> list[InboxRow]:
    response = client.get("/")
    assert response.status_code == 200, response.status_code
    rows = []
    for tr in parse(response).xpath('//table[@id="inbox"]/tbody/tr'):
        task_link, instance_link = tr.xpath(".//a")[:2]
        rows.append(
            InboxRow(
                task_link.get("href").rsplit("/", 1)[1],
                squash(task_link.text_content()),
                int(instance_link.get("href").rsplit("/", 1)[1]),
                squash(tr.xpath('.//*[@class="nomor"]')[0].text_content()),
                tr.get("data-lane"),
            )
        )
    return rows


def tasks_of(client, instance_id: int) -> list[InboxRow]:
    return [row for row in inbox(client) if row.instance_id == instance_id]


def only_task(client) -> InboxRow:
    """The signed-in user's one open task: the inbox holds nothing else."""
    rows = inbox(client)
    assert len(rows) == 1, rows
    return rows[0]


def task_of(client, instance_id: int, title: str | None = None) -> InboxRow:
    """The signed-in user's one open task of the process (of that title, if given)."""
    mine = tasks_of(client, instance_id)
    assert len(mine) == 1, mine
    if title is not None:
        assert mine[0].title == title, mine[0]
    return mine[0]


def post_decision(
    client,
    instance_id: int,
    keputusan: str,
    catatan: str = "",
    title: str | None = None,
    **fields: str,
):
    """Decide the signed-in user's one open task of the process; it must be accepted.

    The user's password goes along, as the decision forms that issue a letter or grant
    akses khusus ask for it (other forms ignore it).
    """
    task = task_of(client, instance_id, title)
    data = {"keputusan": keputusan, "konfirmasi_sandi": DEMO_PASSWORD, **fields}
    if catatan:
        data["catatan"] = catatan
    response = client.post(f"/tugas/{task.task_id}", data=data)
    assert response.status_code == 302, (response.status_code, response.get_data(as_text=True))
    return response


def pdf_upload(content: bytes = MINIMAL_PDF, name: str = "dokumen.pdf"):
    """A file as a multipart form field takes it."""
    return (io.BytesIO(content), name)


def post_start(
    client, process_id: str, fields: dict[str, str], pdf: bytes | None = MINIMAL_PDF,
    record_id: int | None = None,
):
    """POST the start form of `process_id` (about a record, if given) with its reference PDF."""
    data: dict = as_posted(fields)
    if pdf is not None:
        data["dokumen_file__upload"] = pdf_upload(pdf)
    return client.post(
        start_url(process_id, record_id), data=data, content_type="multipart/form-data"
    )


def start_url(process_id: str, record_id: int | None = None) -> str:
    return f"/ajukan/{process_id}" + (f"?catatan={record_id}" if record_id else "")


def post_pencatatan(client, **overrides: str):
    return post_start(client, "pencatatan", pencatatan_data(**overrides))


def hukuman_choices(page) -> set[str]:
    return {o.get("value") for o in page.xpath('//select[@name="daftar_hukuman-0-kode"]/option')
            if o.get("value")}
