"""Configuration from environment variables, with safe defaults for local use."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from processes.letters.signing import KeyConfig
from processes.setup.demo_key import demo_key

#: Where `flask --app web setup --demo` keeps the generated demo signing key.
DEMO_KEY_FOLDER = "demo-signing"


def _secret_key(instance_path: str) -> str:
    """ECATPERS_SECRET_KEY, else a random key kept in the instance folder (never in the repo)."""
    if os.environ.get("ECATPERS_SECRET_KEY"):
        return os.environ["ECATPERS_SECRET_KEY"]
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def signing_key(instance_path: str) -> KeyConfig | None:
    """The office key from ECATPERS_SIGNING_*; else the demo key `setup --demo` made; else none
    (then letters are refused, never issued unsigned)."""
    env = os.environ
    if env.get("ECATPERS_SIGNING_KEY"):
        cert = env.get("ECATPERS_SIGNING_CERT")
        chain = [p for p in env.get("ECATPERS_SIGNING_CHAIN", "").split(os.pathsep) if p]
        return KeyConfig(
            key=Path(env["ECATPERS_SIGNING_KEY"]),
            cert=Path(cert) if cert else None,
            chain=tuple(Path(p) for p in chain),
            passphrase=env.get("ECATPERS_SIGNING_PASSPHRASE") or None,
        )
    return demo_key(Path(instance_path) / DEMO_KEY_FOLDER)


def load_config(instance_path: str) -> dict:
    default_db = f"sqlite:///{Path(instance_path) / 'ecatpers.sqlite'}"
    secure = os.environ.get("ECATPERS_SECURE_COOKIES", "0") == "1"
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "DATABASE_URL": os.environ.get("ECATPERS_DATABASE_URL", default_db),
        "MAX_CONTENT_LENGTH": 12 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        "OFFICE_NAME": os.environ.get("ECATPERS_OFFICE", "Bid Propam Polda Kalimantan Tengah"),
        "SIGNING_KEY": signing_key(instance_path),
    }
