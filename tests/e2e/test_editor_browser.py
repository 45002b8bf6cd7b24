"""The process owner's diagram editor in Chromium: open a process from the catalogue, rename
a task and change a lane's role in the panel, save (the server checks), break it and see the
problem listed and marked, fix it, deploy, and find the new version in the catalogue. And the
guard: every office diagram survives a trip through the modeler unchanged in what runs."""

from __future__ import annotations

import re
import time

import pytest
from lxml import etree
from playwright.sync_api import expect
from sqlalchemy import select

from engine.models import ProcessVersion
from engine.validation_dmn import check_decisions
from processes.accounts.models import User
from processes.db.uow import UnitOfWork
from processes.setup.catalogue import deploy_upload
from processes.workflow.paths import BPMN_DIR
from tests.support.editor import ensure_editor_built, executable_specs

pytestmark = pytest.mark.e2e

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
PENCATATAN = (BPMN_DIR / "pencatatan.bpmn").read_bytes()


@pytest.fixture(scope="module", autouse=True)
def _editor_built():
    ensure_editor_built()


@pytest.fixture
def office_pencatatan_restored(session_factory):
    # Versions outlive a test: the office's own Pencatatan is current again afterwards.
    yield
    with session_factory() as session:
        admin = session.scalar(select(User).where(User.username == "admin"))
    outcome = deploy_upload(UnitOfWork(session_factory), admin,
                            {"pencatatan.bpmn": PENCATATAN}, "Kembali ke diagram kantor")
    assert outcome.ok, outcome.message


def current_pencatatan(session) -> ProcessVersion:
    session.expire_all()
    return session.scalar(select(ProcessVersion).where(
        ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))


def open_editor(page, session) -> None:
    page.goto("/admin/katalog")
    row = page.locator(f"#version-{current_pencatatan(session).id}")
    row.locator("a:text-is('Ubah')").click()
    expect(page.locator("#editor")).to_have_attribute("data-ready", "true")


def select_shape(page, element_id: str, **where) -> None:
    page.click(f"#canvas [data-element-id='{element_id}']", **where)
    expect(page.locator(".bio-properties-panel-header-label")).to_be_visible()


def check(page) -> None:
    page.click("#check")
    expect(page.locator("#editor-status")).not_to_have_text("Memeriksa…")


def test_a_process_owner_edits_checks_fixes_and_deploys_in_the_browser(
        desk, session, office_pencatatan_restored):
    page = desk("admin").page
    page.set_viewport_size(DESKTOP)
    open_editor(page, session)
    before = current_pencatatan(session).id

    select_shape(page, "Task_IsiData")
    page.fill("#bio-properties-panel-name", "Isi data pelanggaran")
    select_shape(page, "Lane_Kasubbid", position={"x": 15, "y": 60})
    page.select_option("#bio-properties-panel-laneRole", "Kabid Propam")
    expect(page.locator("#deploy")).to_be_disabled()
    check(page)
    expect(page.locator("#editor-status")).to_have_text(
        "Tidak ada masalah: diagram siap dipasang sebagai versi baru.")

    select_shape(page, "Task_IsiData")
    page.select_option("#bio-properties-panel-form", "")  # the form cleared: broken
    check(page)
    problem = page.locator("#problems li[data-element='Task_IsiData']")
    expect(problem).to_contain_text("Task_IsiData (Isi data pelanggaran): tugas pengguna tidak "
                                    "menyebut formulir")
    expect(page.locator("#canvas [data-element-id='Task_IsiData'].has-problem")).to_have_count(1)
    expect(page.locator("#deploy")).to_be_disabled()
    select_shape(page, "Lane_Operator", position={"x": 15, "y": 60})
    problem.locator("button").click()
    assert page.evaluate("window.ecatpersModeler.get('selection').get().map(e => e.id)") == [
        "Task_IsiData"]

    page.select_option("#bio-properties-panel-form", "pencatatan-data.json")
    check(page)
    expect(page.locator("#problems li")).to_have_count(0)
    expect(page.locator("#canvas .has-problem")).to_have_count(0)
    page.fill("#komentar", "Langkah operator diganti nama; lajur akhir Kabid Propam")
    page.click("#deploy")
    page.wait_for_url("**/admin/katalog")
    expect(page.locator(".flash-success")).to_contain_text("Diagram dipasang: pencatatan versi")

    new = current_pencatatan(session)
    assert new.id != before
    row = page.locator(f"#version-{new.id}")
    expect(row).to_contain_text("Langkah operator diganti nama; lajur akhir Kabid Propam")
    expect(row).to_contain_text("berlaku")
    root = etree.fromstring(new.bpmn_xml.encode())
    names = {n.get("id"): n.get("name") for n in root.iter() if n.get("id")}
    assert (names["Task_IsiData"], names["Lane_Kasubbid"]) == ("Isi data pelanggaran",
                                                               "Kabid Propam")
    forms = [p.get("value") for p in root.iter("{*}property")
             if p.get("name") == "formJsonSchemaFilename"]
    assert forms == ["pencatatan-data.json", "pencatatan-data.json"]


def test_the_editor_fits_a_phone_with_the_panel_below_the_canvas(desk, session):
    page = desk("admin").page
    page.set_viewport_size(PHONE)
    open_editor(page, session)
    canvas = page.locator("#canvas").bounding_box()
    panel = page.locator("#panel").bounding_box()
    assert canvas["width"] <= 390 and panel["y"] >= canvas["y"] + canvas["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def spiff_tags(xml: bytes) -> dict[str, int]:
    """How many of each spiffworkflow extension element a diagram holds."""
    tags = [etree.QName(n).localname for n in etree.fromstring(xml).iter()
            if isinstance(n.tag, str) and n.tag.startswith("{http://spiffworkflow.org/")]
    return {t: tags.count(t) for t in set(tags)}


EXPORT = """async (xml) => {
  const modeler = window.ecatpersModeler;
  const started = performance.now();
  await modeler.importXML(xml);
  const opened = performance.now();
  const { xml: out } = await modeler.saveXML({ format: true });
  return { xml: out, open_ms: opened - started, save_ms: performance.now() - opened };
}"""


def test_every_office_diagram_exports_from_the_modeler_to_the_same_executable_spec(desk, session):
    page = desk("admin").page
    open_editor(page, session)
    for path in sorted(BPMN_DIR.glob("*.bpmn")):
        original = path.read_bytes()
        result = page.evaluate(EXPORT, original.decode("utf-8"))
        exported = result["xml"].encode("utf-8")
        assert exported != original  # the modeler wrote it anew
        assert spiff_tags(exported) == spiff_tags(original), path.name
        started = time.perf_counter()
        specs = executable_specs(exported)
        parsed_ms = (time.perf_counter() - started) * 1000
        assert specs == executable_specs(original), path.name
        print(f"{path.name}: {len(original)} B, buka {result['open_ms']:.0f} ms, "
              f"ekspor {result['save_ms']:.0f} ms, urai server {parsed_ms:.0f} ms")


def open_editor_of(page, session, process_id: str) -> None:
    session.expire_all()
    version_id = session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == process_id, ProcessVersion.is_current.is_(True)))
    page.goto(f"/admin/katalog/{version_id}/ubah")
    expect(page.locator("#editor")).to_have_attribute("data-ready", "true")


def test_a_decision_table_cell_is_checked_as_python_with_the_diagram(desk, session):
    page = desk("admin").page
    page.set_viewport_size(DESKTOP)
    open_editor_of(page, session, "permohonan_catpers")
    tables = page.locator("#tables")
    expect(tables).to_have_attribute("data-ready", "true")
    expect(tables).to_contain_text("bukan FEEL")
    page.select_option("#table-choice", "otoritas_skhp.dmn")
    expect(tables).to_have_attribute("data-open", "otoritas_skhp.dmn")
    cell = page.locator("td[data-element-id='InputEntry_Pama_Kelompok'] [contenteditable]")
    cell.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("__import__('os')")
    page.locator("#table-canvas th").first.click()  # leave the cell: dmn-js commits the edit
    expect(page.locator("#deploy")).to_be_disabled()
    check(page)
    expect(page.locator("#problems")).to_contain_text(
        "sel masukan `__import__('os')`")
    cell.click()
    page.keyboard.press("Control+A")
    page.keyboard.type('"PAMA"')
    page.locator("#table-canvas th").first.click()
    check(page)
    expect(page.locator("#editor-status")).to_have_text(
        "Tidak ada masalah: diagram siap dipasang sebagai versi baru.")


TABLE_EXPORT = """async (xml) => {
  const modeler = window.ecatpersTables.modeler;
  await modeler.importXML(xml);
  return (await modeler.saveXML({ format: true })).xml;
}"""


def cells(xml: bytes) -> list[tuple[str, str]]:
    """Each input expression and rule cell of a table: (id, text)."""
    root = etree.fromstring(xml)
    kinds = ("inputExpression", "inputEntry", "outputEntry")
    return [(n.get("id"), (n.findtext("{*}text") or "").strip())
            for n in root.iter() if isinstance(n.tag, str) and etree.QName(n).localname in kinds]


def test_every_office_table_exports_from_dmn_js_with_the_same_cells(desk, session):
    page = desk("admin").page
    open_editor_of(page, session, "permohonan_catpers")
    expect(page.locator("#tables")).to_have_attribute("data-ready", "true")
    for path in sorted(BPMN_DIR.glob("*.dmn")):
        exported = page.evaluate(TABLE_EXPORT, path.read_text("utf-8")).encode("utf-8")
        assert cells(exported) == cells(path.read_bytes()), path.name
        assert check_decisions({path.name: exported}) == [], path.name


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_a_script_is_edited_in_the_panel_and_checked_with_the_diagram(desk, session, viewport):
    page = desk("admin").page
    page.set_viewport_size(viewport)
    open_editor_of(page, session, "pemutakhiran")
    page.evaluate("window.ecatpersModeler.get('selection').select("
                  "window.ecatpersModeler.get('elementRegistry').get('Task_StatusBaru'))")
    script = page.locator("#bio-properties-panel-script")
    expect(script).to_have_value(re.compile(r"^status_baru = \{"))
    script.fill("status_baru = __import__('os').name")
    page.locator("#bio-properties-panel-name").click()  # leave the field: the edit commits
    check(page)
    expect(page.locator("#problems li[data-element='Task_StatusBaru']")).to_contain_text(
        "Task_StatusBaru (Tentukan status akhir)")
    expect(page.locator("#deploy")).to_be_disabled()
    script.fill('status_baru = "SELESAI"')
    page.locator("#bio-properties-panel-name").click()
    check(page)
    expect(page.locator("#editor-status")).to_have_text(
        "Tidak ada masalah: diagram siap dipasang sebagai versi baru.")
    xml = page.evaluate("window.ecatpersModeler.saveXML().then(r => r.xml)")
    assert 'status_baru = "SELESAI"' in xml.replace("&#34;", '"').replace("&quot;", '"')
