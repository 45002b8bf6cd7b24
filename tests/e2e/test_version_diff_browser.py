"""The catalogue's visual diff in Chromium: two versions of Pencatatan side by side, the
added approval listed, the flow it changed marked on both diagrams; readable on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engine.models import ProcessVersion
from processes.accounts.models import User
from processes.db.uow import UnitOfWork
from processes.setup.catalogue import deploy_upload
from processes.workflow.paths import BPMN_DIR
from tests.support.editor import ensure_editor_built
from tests.web.test_catalogue_http import with_kabid_approval

pytestmark = pytest.mark.e2e

PENCATATAN = (BPMN_DIR / "pencatatan.bpmn").read_bytes()
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module", autouse=True)
def _editor_built():
    ensure_editor_built()


def deploy(session_factory, xml: bytes, comment: str) -> None:
    with session_factory() as session:
        admin = session.scalar(select(User).where(User.username == "admin"))
    outcome = deploy_upload(UnitOfWork(session_factory), admin, {"pencatatan.bpmn": xml}, comment)
    assert outcome.ok, outcome.message


@pytest.fixture
def kabid_version(session_factory):
    marked = with_kabid_approval(PENCATATAN).replace(
        b"</bpmn:definitions>", b"<!-- banding --></bpmn:definitions>")
    deploy(session_factory, marked, "Persetujuan Kabid Propam")
    with session_factory() as session:
        yield session.scalar(select(ProcessVersion.id).where(
            ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))
    deploy(session_factory, PENCATATAN, "Kembali ke diagram kantor")


@pytest.mark.parametrize("size", list(SIZES))
def test_two_versions_are_shown_with_what_was_added_and_changed(desk, kabid_version, size):
    page = desk("admin").page
    page.set_viewport_size(SIZES[size])
    page.goto("/admin/katalog")
    page.locator(f"#version-{kabid_version} a.compare").click()
    expect(page.locator("#version-diff")).to_have_attribute("data-ready", "true")
    for canvas in ("#diff-old", "#diff-new"):
        expect(page.locator(f"{canvas} [data-element-id=Task_IsiData]")).to_be_visible()
    added = page.locator("#diff-list li[data-kind=added][data-element=Task_PersetujuanKabid]")
    expect(added).to_have_text(
        "Ditambahkan: tugas pengguna \u201cPersetujuan Kabid Propam\u201d [Task_PersetujuanKabid]")
    changed = page.locator("#diff-list li[data-kind=changed][data-element=Flow_Kaurlitpers_Setuju]")
    expect(changed).to_have_text("Diubah: alur \u201cSetuju\u201d [Flow_Kaurlitpers_Setuju] (tujuan)")
    # The old diagram draws the flow, marked; the new one draws it no more (it has no waypoints
    # to the new task), so only the list names it there.
    expect(page.locator("#diff-old .djs-element.diff-changed[data-element-id=Flow_Kaurlitpers_Setuju]")) \
        .to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]


@pytest.fixture
def laid_out_version(session_factory):
    from tests.web.test_auto_layout_http import without_layout

    deploy(session_factory, without_layout(PENCATATAN, "peramban"), "Tanpa tata letak")
    with session_factory() as session:
        yield session.scalar(select(ProcessVersion.id).where(
            ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))
    deploy(session_factory, PENCATATAN, "Kembali ke diagram kantor")


def test_a_diagram_uploaded_without_layout_is_drawn_with_its_lanes(desk, laid_out_version):
    page = desk("admin").page
    page.set_viewport_size(SIZES["desktop"])
    page.goto("/admin/katalog")
    page.locator(f"#version-{laid_out_version} a.compare").click()
    expect(page.locator("#version-diff")).to_have_attribute("data-ready", "true")
    for lane in ("Lane_Operator", "Lane_Kaurlitpers", "Lane_Kasubbid"):
        expect(page.locator(f"#diff-new [data-element-id={lane}]")).to_be_visible()
    expect(page.locator("#diff-new [data-element-id=Task_IsiData]")).to_be_visible()
    page.screenshot(path="/tmp/laid.png")
