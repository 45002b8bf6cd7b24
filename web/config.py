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


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} harus bilangan bulat, bukan {raw!r}") from None


def instance_key(instance_path: str, env: str, filename: str) -> bytes:
    """A key from `env`, else from the file `env`_FILE names, else from instance/`filename`
    (made with mode 0600 on first use). Keys of the audit log live here, never in the database."""
    if os.environ.get(env):
        return os.environ[env].encode()
    path = Path(os.environ.get(f"{env}_FILE") or Path(instance_path) / filename)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def audit_key(instance_path: str) -> bytes:
    """HMAC key of the audit chain: ECATPERS_AUDIT_KEY or ECATPERS_AUDIT_KEY_FILE."""
    return instance_key(instance_path, "ECATPERS_AUDIT_KEY", "audit_key")


def audit_head_key(instance_path: str) -> bytes:
    """Key that signs exported chain heads: ECATPERS_AUDIT_HEAD_KEY or …_HEAD_KEY_FILE."""
    return instance_key(instance_path, "ECATPERS_AUDIT_HEAD_KEY", "audit_head_key")


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
    # Behind HTTPS: Secure cookies (with the __Host- prefix) and HSTS on every response.
    secure = os.environ.get("ECATPERS_SECURE_COOKIES", "0") == "1"
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "DATABASE_URL": os.environ.get("ECATPERS_DATABASE_URL", default_db),
        "MAX_CONTENT_LENGTH": 12 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "SESSION_COOKIE_NAME": "__Host-session" if secure else "session",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": secure,
        "SECURE_COOKIES": secure,
        # A session ends after this much inactivity, and this long after signing in.
        "SESSION_IDLE_MINUTES": _number("ECATPERS_SESSION_IDLE_MINUTES", 30),
        "SESSION_MAX_HOURS": _number("ECATPERS_SESSION_MAX_HOURS", 12),
        # Reverse proxies in front of the app whose X-Forwarded-For/-Proto are trusted.
        "PROXY_HOPS": _number("ECATPERS_PROXY_HOPS", 0),
        "WTF_CSRF_TIME_LIMIT": None,
        "OFFICE_NAME": os.environ.get("ECATPERS_OFFICE", "Bid Propam Polda Kalimantan Tengah"),
        "SIGNING_KEY": signing_key(instance_path),
    }
