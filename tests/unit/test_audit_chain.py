"""The audit chain's rules without a database: what a row's hash covers, where the keys
come from, and how a row reads in the viewer."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta, timezone

from processes.access.audit_trail import describe, outcome_label
from processes.db.audit_actions import ACTIONS, label
from processes.db.audit_chain import GENESIS, chain_hash, check_rows
from web.config import audit_head_key, audit_key

KEY = b"kunci"
ROW = {"id": 1, "at": datetime(2026, 12, 3, 1, 2, 3, 456789, tzinfo=UTC), "user_id": 4,
       "action": "BACA_CATATAN", "target": "85051234", "outcome": "SEMUA_CATPERS",
       "detail": {"ref": "3"}, "address": "10.0.0.5"}


def test_the_hash_covers_every_column_and_the_row_before():
    base = chain_hash(KEY, GENESIS, ROW)
    for column, other in [("id", 2), ("at", ROW["at"] + timedelta(microseconds=1)), ("user_id", 5),
                          ("action", "BACA_DOKUMEN"), ("target", "85051235"), ("outcome", "PENGAJU"),
                          ("detail", {"ref": "4"}), ("address", None)]:
        assert chain_hash(KEY, GENESIS, {**ROW, column: other}) != base, column
    assert chain_hash(KEY, "1" * 64, ROW) != base
    assert chain_hash(b"kunci-lain", GENESIS, ROW) != base


def test_the_same_moment_hashes_the_same_however_the_database_returns_it():
    naive_utc = ROW["at"].replace(tzinfo=None)  # SQLite
    wib = ROW["at"].astimezone(timezone(timedelta(hours=7)))
    base = chain_hash(KEY, GENESIS, ROW)
    assert chain_hash(KEY, GENESIS, {**ROW, "at": naive_utc}) == base
    assert chain_hash(KEY, GENESIS, {**ROW, "at": wib}) == base


def test_an_empty_log_verifies_and_the_first_row_starts_from_genesis():
    assert check_rows(KEY, []).ok
    first = {**ROW, "prev_hash": "f" * 64, "row_hash": chain_hash(KEY, "f" * 64, ROW)}
    assert check_rows(KEY, [first]).broken_id == 1


def test_keys_come_from_the_environment_or_a_private_file(tmp_path, monkeypatch):
    monkeypatch.delenv("ECATPERS_AUDIT_KEY", raising=False)
    monkeypatch.delenv("ECATPERS_AUDIT_KEY_FILE", raising=False)
    made = audit_key(str(tmp_path))
    assert len(made) == 64 and audit_key(str(tmp_path)) == made
    assert stat.S_IMODE((tmp_path / "audit_key").stat().st_mode) == 0o600
    assert audit_head_key(str(tmp_path)) != made  # a key of its own
    elsewhere = tmp_path / "di-luar" / "kunci"
    monkeypatch.setenv("ECATPERS_AUDIT_KEY_FILE", str(elsewhere))
    assert audit_key(str(tmp_path)) == elsewhere.read_text().encode() != made
    monkeypatch.setenv("ECATPERS_AUDIT_KEY", "dari-lingkungan")
    assert audit_key(str(tmp_path)) == b"dari-lingkungan"


def test_rows_read_in_words():
    assert all(label(code) != code for code in ACTIONS)
    assert label("BACA_SESUATU_LAMA") == "BACA_SESUATU_LAMA"
    assert outcome_label("MENANGANI_TUGAS") == "Menangani tugas tentang personel ini"
    assert describe({"catatan": 12, "perubahan": {"status": ["PROSES", "PENGAWASAN"],
                                                  "uraian": [None, "x"]}}) == (
        "status: PROSES → PENGAWASAN · uraian: – → x · catatan: 12")
