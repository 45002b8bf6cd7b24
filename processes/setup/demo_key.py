"""A self-signed signing key for demos and tests, so `make run` issues signed letters.

Its certificate names itself DEMO: a letter signed with it proves only that this
installation made it. An office installs its own certificate instead (README).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from processes.letters.signing import KeyConfig

KEY_FILE, CERT_FILE = "key.pem", "cert.pem"
DEMO_SUBJECT = x509.Name([
    x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "E-CATPERS DEMO (bukan untuk surat resmi)"),
    x509.NameAttribute(NameOID.COMMON_NAME, "Bid Propam Polda Kalimantan Tengah (DEMO)"),
])


def demo_key(folder: Path) -> KeyConfig | None:
    """The demo key kept in `folder`, if one was made there."""
    key, cert = folder / KEY_FILE, folder / CERT_FILE
    return KeyConfig(key=key, cert=cert, demo=True) if key.exists() and cert.exists() else None


def ensure_demo_key(folder: Path, years: int = 5) -> KeyConfig:
    """The demo key in `folder`, made first if there is none (the key file is private)."""
    existing = demo_key(folder)
    if existing is not None:
        return existing
    folder.mkdir(parents=True, exist_ok=True)
    key, cert = make_key_and_certificate(DEMO_SUBJECT, years)
    key_path = folder / KEY_FILE
    key_path.touch(mode=0o600)
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (folder / CERT_FILE).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return KeyConfig(key=key_path, cert=folder / CERT_FILE, demo=True)


def make_key_and_certificate(
    subject: x509.Name, years: int = 5
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """An RSA-2048 key and a self-signed certificate for document signing."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    usage = x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert
