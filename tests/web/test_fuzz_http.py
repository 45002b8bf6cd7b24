"""Fuzzing every form and every URL: whatever is posted or asked, never a 500, and a refused
submission writes nothing.

Each user-task form of forms/*.json is posted, on the start page or the task page that
shows it, with fields spoiled in every way (tests/support/fuzz.py); each GET route of the
app is asked with spoiled path and query values. How many cases: ECATPERS_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import strategies as st
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

import engine
from engine.models import OpenTask
from processes.accounts.users import actor_for
from processes.db.uow import UnitOfWork
from processes.work.runtime import RUNTIME
from processes.work.timers import fire_due_timers
from tests.conftest import DEMO_PASSWORD
from tests.support import fuzz
from tests.support.actors import user
from tests.support.data import (
    UPDATE_I,
    akses_khusus_fields,
    as_posted,
    pemutakhiran,
    pencatatan_data,
    penghargaan_data,
    permohonan_fields,
    putusan,
    reference_document,
    sanction_row,
)
from tests.support.flows import (
    approve,
    decide,
    pdf_hash,
    record_in_proses,
    submit_permohonan,
    submit_update,
    submitted_record,
    task_of,
)

FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"


@dataclass(frozen=True)
class Target:
    """Where a form is posted: by whom, and how to get a page that shows it."""

    form: str
    username: str
    valid: dict[str, str]
    open_page: Callable  # (session) -> URL; makes the record or the task the page is about


def _start(process_id: str) -> Callable:
    return lambda _session: f"/ajukan/{process_id}"


def _record_flow(process_id: str, after: tuple[str, dict] | None = None) -> Callable:
    """The start page of `process_id` on a record in PROSES (after an approved `after`)."""
    def url(session) -> str:
        record = record_in_proses(session)
        if after:
            approve(session, submit_update(session, after[0], record, after[1]))
        return f"/ajukan/{process_id}?catatan={record.id}"
    return url


def _kaurlitpers_task(session) -> str:
    return f"/tugas/{task_of(session, 'kaurlitpers', submitted_record(session).instance_id).id}"


def _kasubbid_task(session) -> str:
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "SETUJU")
    return f"/tugas/{task_of(session, 'kasubbid', record.instance_id).id}"


def _correction_task(session) -> str:
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "KEMBALIKAN", "Nomor LP salah ketik")
    return f"/tugas/{task_of(session, 'operator', record.instance_id).id}"


def _kasubbid_letter_task(session) -> str:
    """The signer's decision on an SKHP for an AIPDA (Kasubbid Paminal's authority)."""
    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    return f"/tugas/{task_of(session, 'kasubbid', instance_id).id}"


def _kaurlitpers_permohonan_task(session) -> str:
    return f"/tugas/{task_of(session, 'kaurlitpers', submit_permohonan(session)).id}"


REOPEN = {"alasan_buka_kembali": "Pemutakhiran keliru disetujui"}


def _closed_record(session):
    record = record_in_proses(session)
    approve(session, submit_update(session, "pemutakhiran", record, pemutakhiran("TIDAK_TERBUKTI")))
    return record


def _reopen_start(session) -> str:
    return f"/ajukan/buka_kembali?catatan={_closed_record(session).id}"


def _kabid_reopen_task(session) -> str:
    instance = submit_update(session, "buka_kembali", _closed_record(session), REOPEN)
    return f"/tugas/{task_of(session, 'kabid', instance).id}"


def _kabid_akses_khusus_task(session) -> str:
    requester = actor_for(user(session, "op.barsel"))
    first = RUNTIME.start(session, requester, "akses_khusus", requester.unit_path)
    data = akses_khusus_fields(dokumen_file=pdf_hash(session, "op.barsel"))
    RUNTIME.complete_task(session, requester, first.id, data)
    session.commit()
    return f"/tugas/{task_of(session, 'kabid', first.instance_id).id}"


def _reminder_task(session, username: str) -> str:
    """The berakhirnya hukuman task (operator) or its reminder (Kaurlitpers, 7 days on) of a
    patsus that ended; the operator's one is closable, as the pemutakhiran was submitted."""
    record = record_in_proses(session)
    instance_id = submit_update(session, "update_ii", record,
                                putusan(sanction_row("DISIPLIN_PATSUS", 1, "2026-10-01")))
    approve(session, instance_id)
    factory = sessionmaker(bind=session.get_bind(), info=session.info)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spiff_timer, "datetime", _Later)
        for days in (1, 9):  # the end: the operator's task; 7 days on: Kaurlitpers'
            _Later.ahead = timedelta(days=days)
            fire_due_timers(lambda: UnitOfWork(factory), datetime.now(UTC) + _Later.ahead)
    session.expire_all()
    submit_update(session, "pemutakhiran", record, pemutakhiran("BERAKHIRNYA_HUKUMAN"))
    return f"/tugas/{task_of(session, username, instance_id).id}"


class _Later(datetime):
    ahead = timedelta(0)

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + cls.ahead


def _kabid_review_task(session) -> str:
    """Tinjau SKHP: a valid SKHP, then a new catpers of its holder approved."""
    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    decide(session, "kasubbid", instance_id, "SETUJU")
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "SETUJU")
    decide(session, "kasubbid", record.instance_id, "SETUJU")
    [task] = [t for t in engine.inbox(session, actor_for(user(session, "kabid")))
              if t.title == "Tinjau SKHP (catatan baru)"]
    return f"/tugas/{task.id}"


DOC = reference_document()
TARGETS = [
    Target("pencatatan-data.json", "operator", pencatatan_data(), _start("pencatatan")),
    Target("pencatatan-data.json", "operator", pencatatan_data(), _correction_task),
    Target("permohonan-catpers.json", "operator", permohonan_fields(), _start("permohonan_catpers")),
    Target("akses-khusus.json", "op.barsel", akses_khusus_fields(), _start("akses_khusus")),
    Target("penghargaan.json", "operator", penghargaan_data(), _start("penghargaan")),
    Target("update-i.json", "operator", {**DOC, **UPDATE_I}, _record_flow("update_i")),
    Target("update-putusan.json", "operator",
           as_posted({**DOC, **putusan("DISIPLIN_PATSUS", "DISIPLIN_DEMOSI")}),
           _record_flow("update_ii", ("update_i", UPDATE_I))),
    Target("update-putusan-mabes.json", "operator",
           as_posted({**DOC, "dokumen_penerbit": "DIVPROPAM", **putusan("DISIPLIN_PATSUS")}),
           _record_flow("update_ii", ("update_i", {**UPDATE_I, "limpah": "MABES"}))),
    Target("pemutakhiran.json", "operator", {**DOC, **pemutakhiran("BERAKHIRNYA_HUKUMAN")},
           _record_flow("pemutakhiran")),
    Target("persetujuan-pengajuan.json", "kaurlitpers", {"keputusan": "SETUJU"}, _kaurlitpers_task),
    Target("persetujuan.json", "kaurlitpers", {"keputusan": "SETUJU"}, _kaurlitpers_permohonan_task),
    Target("buka-kembali.json", "operator", {**DOC, **REOPEN}, _reopen_start),
    Target("otorisasi-buka-kembali.json", "kabid", {"keputusan": "SETUJU"}, _kabid_reopen_task),
    Target("persetujuan-koreksi.json", "kasubbid", {"keputusan": "SETUJU"}, _kasubbid_task),
    Target("persetujuan-surat.json", "kasubbid",
           {"keputusan": "SETUJU", "konfirmasi_sandi": DEMO_PASSWORD}, _kasubbid_letter_task),
    Target("keputusan-akses-khusus.json", "kabid", {"keputusan": "SETUJU", "masa_hari": "7"},
           _kabid_akses_khusus_task),
    Target("berakhirnya-hukuman.json", "operator", {"tindak_lanjut": "Pemutakhiran diajukan"},
           lambda session: _reminder_task(session, "operator")),
    Target("pengingat-hukuman.json", "kaurlitpers", {"catatan": "Operator sudah diingatkan"},
           lambda session: _reminder_task(session, "kaurlitpers")),
    Target("tinjau-skhp.json", "kabid",
           {"keputusan": "CABUT", "catatan": "Catatan baru", "konfirmasi_sandi": DEMO_PASSWORD},
           _kabid_review_task),
]


def _fields(form: str) -> list[str]:
    """The names a browser posts: a repeating group's cells of its first two rows."""
    names = []
    for name, prop in json.loads((FORMS_DIR / form).read_text())["schema"]["properties"].items():
        if prop.get("type") != "array":
            names.append(name)
            continue
        names += [f"{name}-{row}-{cell}" for row in range(2) for cell in prop["items"]["properties"]]
    return names


def test_every_user_task_form_is_fuzzed():
    assert {t.form for t in TARGETS} == {p.name for p in FORMS_DIR.glob("*.json")}


def _accepted(response, session, url: str) -> bool:
    if response.status_code != 302:
        return False
    if url.startswith("/ajukan/"):
        return "/proses/" in response.headers["Location"]
    task_id = url.rsplit("/", 1)[1]
    return session.scalar(select(OpenTask.id).where(OpenTask.id == task_id)) is None


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: f"{t.form}@{t.username}")
def test_no_post_of_a_form_gives_a_500_or_writes_half(client, auth, session, target):
    auth.login(target.username)
    page = {"url": target.open_page(session)}
    strategy = st.tuples(fuzz.posts(_fields(target.form), target.valid), fuzz.UPLOADS)

    def check(case) -> None:
        post, upload = case
        before = fuzz.row_counts(session)
        response = client.post(page["url"], data=fuzz.with_upload(post, upload, "dokumen_file"),
                                content_type="multipart/form-data")
        assert response.status_code < 500, response.status_code
        if _accepted(response, session, page["url"]):
            page["url"] = target.open_page(session)  # that task is done: fuzz a new one
        else:
            assert fuzz.row_counts(session) == before, response.status_code

    fuzz.fuzz(strategy, check)


# -- every GET route, its path and query spoiled ------------------------------------

QUERY_NAMES = ["page", "dari", "sampai", "q", "status", "jenis", "unit", "kelompok", "nomor",
               "pengguna", "catatan", "personel", "jenis_kelamin", "semua", "next"]
USER_OF_AREA = {"admin": "admin", "work": "operator", "auth": None}


def _get_rules(app) -> list:
    return sorted((r for r in app.url_map.iter_rules()
                   if "GET" in r.methods and r.endpoint != "static"), key=lambda r: r.rule)


def _path_value(converter) -> st.SearchStrategy[str]:
    if type(converter).__name__.endswith(("IntegerConverter", "RowIdConverter")):
        return st.integers(-(10**30), 10**30).map(str)
    return fuzz.JUNK.filter(bool).map(lambda v: urllib.parse.quote(v[:2000], safe=""))


def test_no_get_of_any_route_gives_a_500(app, client, auth, session):
    record = record_in_proses(session)
    rules = _get_rules(app)
    assert len(rules) > 15
    for rule in rules:
        username = USER_OF_AREA.get(rule.endpoint.split(".")[0], "kabid")
        if username:
            auth.login(username)
        paths = st.fixed_dictionaries({a: _path_value(rule._converters[a]) for a in rule.arguments})
        queries = st.dictionaries(st.sampled_from(QUERY_NAMES) | st.text(max_size=8), fuzz.JUNK,
                                  max_size=4)

        def check(case, rule=rule) -> None:
            values, query = case
            if "catatan" not in query:  # a real record, so its start pages are reached too
                query = {**query, "catatan": str(record.id)}
            url = _build(rule, values)
            response = client.get(url, query_string=query)
            assert response.status_code < 500, (url, query, response.status_code)

        fuzz.fuzz(st.tuples(paths, queries), check, max(5, fuzz.EXAMPLES // 4))


def _build(rule, values: dict[str, str]) -> str:
    return re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda m: values[m.group(1)], rule.rule)
