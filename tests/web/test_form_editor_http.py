"""The process owner's form editor over HTTP: the live preview renders an edited form as the
task page does; a form changed in the editor is checked and deployed with the diagram, and
the next new instance's task shows the added field; bad forms get a message in Indonesian;
everyone else is refused, and the refusal audited."""

from __future__ import annotations

import json
from uuid import uuid4

from lxml import html
from sqlalchemy import select

from engine.models import ProcessVersion
from tests.support.audit import entries
from tests.support.pages import only_task, post_decision, post_pencatatan, start_url
from tests.web.test_editor_http import PENCATATAN, current_id, office_pencatatan_restored

__all__ = ["office_pencatatan_restored"]  # the fixture, used by name below

PREVIEW = "/admin/katalog/pratinjau-formulir"


def version_form(client, version_id: int, name: str = "pencatatan-data.json") -> dict:
    response = client.get(f"/admin/katalog/{version_id}/formulir/{name}")
    assert response.status_code == 200
    return response.get_json()


def with_field(form: dict, name: str, title: str, required: bool = False) -> dict:
    """The form with a text field added at the end, as the editor's "Tambah isian" does."""
    form["schema"]["properties"][name] = {"type": "string", "title": title, "maxLength": 200}
    form["ui"]["order"].append(name)
    form["ui"]["fields"][name] = {"widget": "text"}
    if required:
        form["schema"].setdefault("required", []).append(name)
    return form


def preview(client, form: dict | str):
    text = form if isinstance(form, str) else json.dumps(form)
    return client.post(PREVIEW, json={"form": text})


def shown_fields(tree) -> list[tuple[str, str]]:
    """Each field a page shows, in its order: (name, label text)."""
    return [(d.get("data-field"), " ".join(d.xpath("string(label)").split()))
            for d in tree.xpath('//div[@data-field]')]


def test_the_preview_renders_a_new_field_with_the_task_pages_own_template(client, auth, session):
    auth.login("admin")
    office_form = version_form(client, current_id(session))
    unchanged = html.fromstring(preview(client, office_form).get_json()["html"])
    form = with_field(office_form, "nomor_sprin", "Nomor Sprin pemeriksaan", required=True)
    response = preview(client, form)
    assert response.status_code == 200, response.get_json()
    fragment = html.fromstring(f"<div>{response.get_json()['html']}</div>")
    [field] = fragment.xpath('//div[@data-field="nomor_sprin"]')
    assert field.xpath("input/@name") == ["nomor_sprin"]
    assert shown_fields(fragment) == [*shown_fields(unchanged),
                                      ("nomor_sprin", "Nomor Sprin pemeriksaan *")]
    auth.login("operator")  # the task page shows the unchanged form's fields just so
    start_page = html.fromstring(client.get(start_url("pencatatan")).get_data(as_text=True))
    assert shown_fields(start_page) == shown_fields(unchanged)


def test_a_pick_list_source_is_offered_and_rendered_from_the_reference_list(client, auth, session):
    auth.login("admin")
    version_id = current_id(session)
    page = client.get(f"/admin/katalog/{version_id}/ubah").get_data(as_text=True)
    lists = json.loads(html.fromstring(page).xpath('//section[@id="forms"]/@data-lists')[0])
    assert {"name": "agama", "title": "Agama"} in lists
    form = with_field(version_form(client, version_id), "agama_terlapor", "Agama terlapor")
    form["ui"]["fields"]["agama_terlapor"] = {"widget": "select", "options": "agama"}
    fragment = html.fromstring(preview(client, form).get_json()["html"])
    options = fragment.xpath('//select[@name="agama_terlapor"]/option/text()')
    assert options[:3] == ["— pilih —", "Islam", "Kristen Protestan"]


def test_bad_forms_get_a_message_in_indonesian_never_an_error(client, auth, session):
    auth.login("admin")
    form = version_form(client, current_id(session))
    unlabelled = with_field(json.loads(json.dumps(form)), "saksi", "  ")
    text = json.dumps(form)
    twice = text.replace('"properties": {', '"properties": {"nama": {"type": "string"}, ', 1)
    cases = {
        "{bukan json": "Formulir bukan JSON yang sah.",
        "[1, 2]": "Formulir bukan JSON yang sah.",
        twice: "Nama isian 'nama' dipakai dua kali.",
    }
    for body, message in cases.items():
        response = preview(client, body)
        assert (response.status_code, response.get_json()["message"]) == (422, message)
    response = preview(client, unlabelled)
    assert response.status_code == 422
    assert response.get_json()["problems"] == ["isian 'saksi' belum berlabel"]
    reordered = json.loads(text)
    reordered["ui"]["order"].append("nama")
    assert preview(client, reordered).get_json()["problems"] == [
        "isian 'nama' disebut dua kali dalam urutan"]
    schema_broken = json.loads(text)
    schema_broken["schema"]["properties"]["nama"]["type"] = "teks"
    assert preview(client, schema_broken).get_json()["problems"][0].startswith(
        "JSON Schema tidak sah")
    unknown_list = json.loads(text)
    unknown_list["ui"]["fields"]["nama"]["options"] = "daftar_rahasia"
    assert preview(client, unknown_list).get_json()["problems"] == [
        "daftar pilihan 'daftar_rahasia' pada isian 'nama' tidak dikenal"]
    group = json.loads(text)
    group["ui"]["fields"]["nama"]["widget"] = "group"
    assert preview(client, group).get_json()["problems"] == [
        "tabel berulang 'nama' harus mendefinisikan isian barisnya (items)"]
    for body in ({}, {"form": {"schema": {}}}):
        response = client.post(PREVIEW, json=body)
        assert response.status_code == 400
        assert response.get_json()["message"] == "Permintaan tidak berisi formulir (teks JSON)."


def deploy(client, version_id: int, forms: dict[str, str], comment: str = "Isian ditambah"):
    return client.post(f"/admin/katalog/{version_id}/pasang-suntingan",
                       json={"xml": PENCATATAN, "forms": forms, "komentar": comment})


def test_a_form_edited_with_the_diagram_deploys_and_the_next_instance_shows_the_field(
        client, auth, session, office_pencatatan_restored):
    auth.login("admin")
    version_id = current_id(session)
    title = f"Nomor Sprin {uuid4().hex[:6]}"  # content no earlier test deployed
    form = with_field(version_form(client, version_id), "nomor_sprin", title)
    unlabelled = with_field(json.loads(json.dumps(form)), "saksi", "")
    checked = client.post(f"/admin/katalog/{version_id}/periksa", json={
        "xml": PENCATATAN, "forms": {"pencatatan-data.json": json.dumps(unlabelled)}}).get_json()
    assert checked["ok"] is False
    assert {p["element_id"] for p in checked["problems"]} == {"Task_IsiData", "Task_Perbaiki"}
    assert "formulir 'pencatatan-data.json' tidak valid: isian 'saksi' belum berlabel" in (
        checked["problems"][0]["text"])
    foreign = deploy(client, version_id, {"lain.json": json.dumps(form)})
    assert foreign.get_json()["message"] == "Formulir lain.json tidak dikenal."
    assert deploy(client, version_id, {"pencatatan-data.json": "{"}).get_json()["message"] == (
        "Formulir pencatatan-data.json: Formulir bukan JSON yang sah.")

    response = deploy(client, version_id, {"pencatatan-data.json": json.dumps(form)})
    assert response.status_code == 200, response.get_json()
    new_id = current_id(session)
    assert new_id != version_id
    bundled = json.loads(session.get(ProcessVersion, new_id).forms_json)
    assert bundled["pencatatan-data.json"]["schema"]["properties"]["nomor_sprin"]["title"] == title
    before = json.loads(session.get(ProcessVersion, version_id).forms_json)
    assert set(bundled) == set(before)  # the version's forms, the edited one changed

    auth.login("operator")
    start_page = client.get(start_url("pencatatan")).get_data(as_text=True)
    assert title in start_page
    assert post_pencatatan(client, nomor_sprin="SPRIN/77/X/2026").status_code == 302
    auth.login("kaurlitpers")
    post_decision(client, only_task(client).instance_id, "KEMBALIKAN", "Lengkapi Sprin")
    auth.login("operator")
    task_page = client.get(f"/tugas/{only_task(client).task_id}").get_data(as_text=True)
    assert title in task_page and 'value="SPRIN/77/X/2026"' in task_page


def test_others_than_process_owners_are_refused_and_audited(client, auth, session):
    version_id = current_id(session)
    auth.login("kasubbid")
    asked = f"/admin/katalog/{version_id}/formulir/pencatatan-data.json"
    assert client.get(asked).status_code == 403
    assert client.post(PREVIEW, json={"form": "{}"}).status_code == 403
    refused = [e.target for e in entries(session, "AKSES_DITOLAK")]
    assert refused[-2:] == [asked, PREVIEW]
    auth.login("admin")
    assert client.get(f"/admin/katalog/{version_id}/formulir/tidak-ada.json").status_code == 404
    assert session.scalar(select(ProcessVersion.id).where(ProcessVersion.id == version_id))
