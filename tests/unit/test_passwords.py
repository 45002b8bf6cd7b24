"""Password rules (ASVS 5.0 V6.2), hashing, and the pure rules of signing in: where a
sign-in may redirect, when a session ends, when a form asks for the password again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from werkzeug.security import generate_password_hash

from forms import asks_password, password_prompt
from processes.accounts.passwords import (
    common_passwords,
    dummy_hash,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from processes.accounts.sessions import SessionLimits, end_reason
from processes.accounts.throttle import delay
from web.auth.redirects import same_site_path

OPERATOR_WORDS = ("op.kapuas", "Brigpol Yoga Pratama", "91020345")


@pytest.mark.parametrize("password", [
    "kopi tubruk di palangka",        # a phrase with spaces
    "kucinghitammanis",                # lowercase only: no composition rules
    "839201746512",                    # digits only
    "Ω-ünïcödé-pässwörd",              # any characters
    "x" * 63 + "y",                    # long
])
def test_any_long_enough_uncommon_password_is_accepted(password):
    assert password_problem(password) is None


@pytest.mark.parametrize("password,why", [
    ("sebelas-kar", "minimal 12 karakter"),
    ("a" * 129, "maksimal 128 karakter"),
    ("qwertyuiopasdfgh", "paling umum"),
    ("1qaz2wsx3edc", "paling umum"),
    ("Password1234", "paling umum"),  # the list is matched without regard to case
    ("propam2026!!!", "mudah ditebak"),
    ("Bhayangkara-01", "mudah ditebak"),
    ("abcabcabcabc", "mudah ditebak"),
    ("!!!!!!!!!!!!", "mudah ditebak"),
])
def test_short_common_and_office_passwords_are_refused(password, why):
    assert why in password_problem(password)


@pytest.mark.parametrize("password", ["op.kapuas2026!", "yogapratama-99", "pratama!!1234",
                                      "sandi91020345x"])
def test_a_password_may_not_be_the_users_own_name_username_or_nrp(password):
    assert "mudah ditebak" in password_problem(password, OPERATOR_WORDS)
    assert password_problem(password) is None  # only because it is theirs


def test_the_common_list_holds_thousands_of_passwords_of_the_allowed_length():
    common = common_passwords()
    assert len(common) == 10_000
    assert all(len(p) >= 12 and p == p.lower() for p in common)


def test_passwords_are_hashed_with_argon2id_and_checked_exactly():
    stored = hash_password("kopi tubruk di palangka")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(stored, "kopi tubruk di palangka")
    assert not verify_password(stored, "Kopi tubruk di palangka")  # not case-folded
    assert not verify_password(stored, "kopi tubruk di palangka ")  # nor trimmed
    assert not needs_rehash(stored)


@pytest.mark.parametrize("method", ["scrypt", "pbkdf2:sha256"])
def test_older_werkzeug_hashes_still_verify_and_are_due_for_rehashing(method):
    stored = generate_password_hash("kopi tubruk di palangka", method=method)
    assert verify_password(stored, "kopi tubruk di palangka")
    assert not verify_password(stored, "salah sekali ini")
    assert needs_rehash(stored)


def test_a_broken_stored_hash_never_verifies():
    assert not verify_password("$argon2id$rusak", "apa saja boleh")
    assert not verify_password("bukan-hash", "apa saja boleh")


def test_the_dummy_hash_costs_what_a_real_one_does():
    assert dummy_hash().split("$")[:4] == hash_password("x").split("$")[:4]


def test_the_delay_doubles_after_the_free_failures_up_to_fifteen_minutes():
    assert [delay(n, 5).total_seconds() for n in range(4, 10)] == [0, 1, 2, 4, 8, 16]
    assert delay(40, 5) == timedelta(minutes=15)


# -- where a sign-in may send the browser ---------------------------------------------

OFF_SITE = [
    "/\t/evil.example/", "//evil.example", "///evil.example", "/\\evil.example",
    "\\\\evil.example", "\\/evil.example", "https://evil.example/", "http:evil.example",
    "javascript:alert(1)", "/\n/evil.example", "/\r\n//evil.example", " //evil.example",
    "/ /evil.example", "evil.example", "//%09/evil.example", "/\x00/evil", "/\u3000/evil.example",
    "\u2215\u2215evil.example", "http://127.0.0.1/", "", "/" * 3000,
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_no_tricky_next_value_leaves_the_site(target):
    assert same_site_path(target) is None


@pytest.mark.parametrize("target", ["/", "/catatan?page=2", "/catatan/12", "/tugas/abc-1",
                                    "/%2F%2Fevil.example"])
def test_a_plain_path_of_the_site_is_followed(target):
    assert same_site_path(target) == target


# -- how long a session lasts ----------------------------------------------------------


def test_a_session_ends_after_30_idle_minutes_or_12_hours():
    limits, start = SessionLimits(), 1_000_000.0
    assert end_reason(limits, start, start, start + 29 * 60) is None
    assert "30 menit" in end_reason(limits, start, start, start + 31 * 60)
    assert end_reason(limits, start, start + 11.9 * 3600, start + 12 * 3600 - 1) is None
    assert "12 jam" in end_reason(limits, start, start + 12 * 3600, start + 12 * 3600 + 1)
    assert end_reason(limits, None, None, start) is not None  # a session from before the limits


# -- a form that asks for the password again -------------------------------------------


def test_a_form_asks_for_the_password_only_for_the_values_it_names():
    form = {"ui": {"konfirmasi_sandi": {"keputusan": ["SETUJU"]},
                   "fields": {"keputusan": {"labels": {"SETUJU": "Beri akses"}}}}}
    assert asks_password(form, {"keputusan": "SETUJU"})
    assert not asks_password(form, {"keputusan": "TOLAK"})
    assert password_prompt(form) == "Wajib diisi bila memilih \u201cBeri akses\u201d."
    assert asks_password({"ui": {"konfirmasi_sandi": True}}, {})
    assert not asks_password({"ui": {}}, {"keputusan": "SETUJU"}) and not password_prompt({})
