"""The record rules of the consistency check, on plain facts (no database)."""

from __future__ import annotations

from processes.records.consistency import RecordFacts, Waiting, record_problems

PENCATATAN = Waiting(submission_id=1, instance_id=10, tahap="PENCATATAN")
UPDATE_I = Waiting(submission_id=2, instance_id=11, tahap="UPDATE_I")
RUNNING = {10: "running", 11: "running"}


def problems(status: str, *waiting: Waiting, last: str | None = None, states=RUNNING):
    return record_problems(RecordFacts(5, status, waiting, last or status), states)


def test_agreeing_facts_have_no_problem():
    assert problems("DIAJUKAN (DICATAT)", PENCATATAN) == []
    assert problems("PROSES") == []


def test_semi_final_needs_a_waiting_submission_and_final_none():
    assert problems("DIAJUKAN (UPDATE)") == [
        ("berstatus DIAJUKAN (UPDATE) (SEMI FINAL), tetapi tidak ada pengajuan yang menunggu "
        "persetujuan.")]
    assert problems("SELESAI", UPDATE_I) == [
        ("berstatus SELESAI (FINAL), tetapi ada pengajuan yang menunggu persetujuan: "
        "UPDATE_I (proses #11).")]


def test_two_waiting_submissions_are_one_too_many():
    assert problems("DIAJUKAN (UPDATE)", PENCATATAN, UPDATE_I) == [
        ("punya 2 pengajuan yang menunggu persetujuan (PENCATATAN (proses #10), UPDATE_I "
        "(proses #11)); seharusnya paling banyak satu.")]


def test_a_waiting_submission_needs_its_instance_running():
    assert problems("DIAJUKAN (UPDATE)", UPDATE_I, states={11: "complete"}) == [
        "pengajuan UPDATE_I (proses #11) masih menunggu, tetapi prosesnya sudah selesai."]
    assert problems("DIAJUKAN (UPDATE)", UPDATE_I, states={}) == [
        "pengajuan UPDATE_I (proses #11) masih menunggu, tetapi prosesnya tidak ada."]


def test_the_status_is_the_last_status_change():
    assert problems("PENGAWASAN", last="PROSES") == [
        "berstatus PENGAWASAN, tetapi perubahan status terakhirnya PROSES."]
    assert record_problems(RecordFacts(5, "PROSES", (), None), RUNNING) == [
        "tidak punya riwayat perubahan status."]


def test_an_unknown_status_is_named():
    assert problems("ARSIP") == ["status 'ARSIP' tidak dikenal."]
