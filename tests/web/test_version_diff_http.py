"""The catalogue's diff page: two versions of one process, both diagrams served to the
browser; versions of two different processes, or one that does not exist, are refused."""

from __future__ import annotations

from sqlalchemy import select

from engine.models import ProcessVersion
from tests.support.pages import parse, squash


def current(session, process_id: str) -> int:
    return session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == process_id, ProcessVersion.is_current.is_(True)))


def test_the_diff_page_names_both_versions_and_where_their_diagrams_are(client, auth, session):
    auth.login("admin")
    version = current(session, "pencatatan")
    page = client.get(f"/admin/katalog/{version}/banding/{version}")
    assert page.status_code == 200
    doc = parse(page)
    assert [d.get("data-src") for d in doc.xpath('//div[@class="diff-canvas"]')] == [
        f"/admin/katalog/{version}/diagram.bpmn"] * 2


def test_versions_of_two_processes_or_a_missing_one_are_refused(client, auth, session):
    auth.login("admin")
    pencatatan, update_i = current(session, "pencatatan"), current(session, "update_i")
    mixed = client.get(f"/admin/katalog/{pencatatan}/banding/{update_i}")
    assert mixed.status_code == 404
    assert "Hanya dua versi dari proses yang sama" in squash(parse(mixed).text_content())
    assert client.get(f"/admin/katalog/{pencatatan}/banding/99999").status_code == 404


def test_only_the_process_owner_compares_versions(client, auth):
    auth.login("kabid")
    assert client.get("/admin/katalog/1/banding/1").status_code == 403
