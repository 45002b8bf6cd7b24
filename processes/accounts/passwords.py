"""Passwords: the rules a new password must meet, and how passwords are hashed and checked.

The rules follow ASVS 5.0 V6.2: at least 12 characters (any characters, no composition
rules, up to 128 so that pass phrases fit), not among the 10,000 most common passwords of
that length (`common_passwords.txt`, whose header says where it comes from), and not
merely a word of this office or the user's own name with digits and signs around it.

Passwords are hashed with argon2id at OWASP's recommended minimum cost (19 MiB, 2 passes,
1 lane: about 30 ms here). Hashes made before (werkzeug's scrypt or pbkdf2) still verify;
`needs_rehash` says when a hash should be made again at the next successful sign-in.
"""

from __future__ import annotations

import re
import secrets
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash

MIN_LENGTH = 12
MAX_LENGTH = 128

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_COMMON_FILE = Path(__file__).with_name("common_passwords.txt")

#: Words anyone guessing a password at this office tries first (ASVS 6.2.11).
OFFICE_WORDS = frozenset({
    "ecatpers", "catpers", "propam", "bidpropam", "paminal", "litpers", "polda", "polres",
    "kalteng", "kalimantan", "kalimantantengah", "palangkaraya", "palangka", "polri",
    "kepolisian", "bhayangkara", "presisi", "tribrata", "catur", "prasetya", "indonesia",
    "password", "katasandi", "sandi", "rahasia", "admin", "administrator", "operator",
    "bismillah", "merdeka", "jakarta", "sayang", "cinta", "qwerty", "asdfgh",
})


@cache
def common_passwords() -> frozenset[str]:
    lines = _COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("# "))


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why `password` may not be used (by a user known by the words `personal`), or None."""
    if len(password) < MIN_LENGTH:
        return f"Kata sandi minimal {MIN_LENGTH} karakter."
    if len(password) > MAX_LENGTH:
        return f"Kata sandi maksimal {MAX_LENGTH} karakter."
    if password.lower() in common_passwords():
        return "Kata sandi ini termasuk yang paling umum dipakai dan mudah ditebak; pilih yang lain."
    if _guessable(password.lower(), personal):
        return ("Kata sandi ini mudah ditebak (nama, nama pengguna, NRP/NIP, nama kantor atau "
                "pola berulang); pilih frasa yang lebih panjang.")
    return None


def _guessable(lowered: str, personal: tuple[str, ...]) -> bool:
    """A pattern, or a known word with digits and signs around it: found by the first guesses."""
    letters = re.sub(r"[^a-z]", "", lowered)
    if _repeats(lowered) or (letters and (letters in OFFICE_WORDS or _repeats(letters))):
        return True
    for words in personal:
        digits = re.sub(r"\D", "", words)
        if (letters and letters in _runs(words)) or (len(digits) >= 6 and digits in lowered):
            return True
    return False


def _runs(words: str) -> set[str]:
    """Every run of consecutive words, in letters only: "Brigpol Yoga Pratama" gives
    brigpol, yoga, pratama, brigpolyoga, yogapratama and brigpolyogapratama."""
    parts = [re.sub(r"[^a-z]", "", part) for part in words.lower().split()]
    runs = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
    return runs - {""}


def _repeats(letters: str) -> bool:
    """One short piece said over and over ("abcabcabc"), or a known word twice."""
    for size in range(1, len(letters) // 2 + 1):
        if len(letters) % size == 0 and letters[:size] * (len(letters) // size) == letters:
            return size <= 4 or letters[:size] in OFFICE_WORDS
    return False


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash (argon2id, or werkzeug's older hashes)."""
    if stored.startswith("$argon2"):
        try:
            return _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    try:
        return check_password_hash(stored, password)
    except ValueError:
        return False


def needs_rehash(stored: str) -> bool:
    """A hash of another scheme or of older cost parameters: hash again at the next sign-in."""
    if not stored.startswith("$argon2"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


@cache
def dummy_hash() -> str:
    """A hash nobody knows the password of: an unknown user costs as much as a wrong password."""
    return hash_password(secrets.token_urlsafe(24))
