"""The office's signing key, and the PAdES signature every issued letter carries.

The key is configured once at start-up (`configure`; the web app reads it from the
environment, see the README) and loaded on first use: a PEM/DER private key with its
certificate, or a PKCS#12 file holding both, plus the chain up to the issuing CA (BSrE,
say). The signature is PAdES baseline B-B made by pyHanko: it covers the whole rendered
PDF and carries the certificate chain, so any PDF reader can check a letter offline.

No key, no letter: `require_key` refuses while no key is configured or the configured
one cannot be used, and issuing calls it before anything is written, so a letter is
never issued unsigned.
"""

from __future__ import annotations

import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from processes.errors import Refused

log = logging.getLogger(__name__)

#: The signature field every letter's signature sits in (invisible: the layout is the letter's).
FIELD_NAME = "TandaTanganKantor"
PKCS12_SUFFIXES = frozenset({".p12", ".pfx"})

_CANNOT = "Surat tidak dapat diterbitkan: "
_ASK_ADMIN = " Hubungi administrator."
NOT_INSTALLED = _CANNOT + "kunci tanda tangan elektronik kantor belum dipasang." + _ASK_ADMIN
UNREADABLE = (
    _CANNOT + "kunci tanda tangan elektronik kantor tidak dapat dibaca (berkas tidak ada, "
    "kata sandi salah, atau formatnya tidak dikenal)." + _ASK_ADMIN
)
MISMATCHED = _CANNOT + "kunci dan sertifikat tanda tangan kantor tidak berpasangan." + _ASK_ADMIN


class NoSigningKey(Refused):
    """No usable office key: letters are refused rather than issued unsigned."""


@dataclass(frozen=True)
class KeyConfig:
    """Where the office key is. `key` is a PEM/DER private key, or a PKCS#12 file (.p12,
    .pfx) holding the key and its certificate; `cert` is the signer's certificate (a PEM
    file may hold the chain after it); `chain` adds the CA certificates."""

    key: Path
    cert: Path | None = None
    chain: tuple[Path, ...] = ()
    passphrase: str | None = field(default=None, repr=False)
    #: A generated self-signed demo key (`make run`), never for real letters.
    demo: bool = False


@dataclass(frozen=True)
class OfficeKey:
    signer: signers.SimpleSigner
    subject: str
    not_before: datetime
    not_after: datetime
    demo: bool


_configured: KeyConfig | None = None


def configure(config: KeyConfig | None) -> None:
    """Set the key letters are signed with from now on (None: letters are refused)."""
    global _configured
    _configured = config


def configured() -> KeyConfig | None:
    return _configured


def require_key(now: datetime | None = None) -> OfficeKey:
    """The office key, if one is configured, readable and valid now; refuses otherwise."""
    if _configured is None:
        raise NoSigningKey(NOT_INSTALLED)
    key = load_key(_configured)
    now = now or datetime.now(UTC)
    if not key.not_before <= now <= key.not_after:
        raise NoSigningKey(
            _CANNOT + "sertifikat tanda tangan kantor hanya berlaku "
            f"{key.not_before:%d-%m-%Y} s.d. {key.not_after:%d-%m-%Y}." + _ASK_ADMIN
        )
    return key


def sign(pdf: bytes, reason: str, location: str) -> bytes:
    """`pdf` with the office's PAdES signature over all of it (an incremental update)."""
    key = require_key()
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    # pyHanko's sync API calls asyncio.run, which refuses in a thread that already runs an
    # event loop (an async server, a browser-test driver); a worker thread of ours never does.
    with ThreadPoolExecutor(max_workers=1) as worker:
        signed = worker.submit(signers.sign_pdf, writer, meta, signer=key.signer).result()
    return signed.getvalue()


@lru_cache(maxsize=4)
def load_key(config: KeyConfig) -> OfficeKey:
    """Read the key once per configuration (a new certificate takes a restart)."""
    try:
        private_key, cert, chain = _read(config)
    except (OSError, ValueError, TypeError) as err:
        log.error("kunci tanda tangan %s tidak dapat dibaca: %s", config, err)
        raise NoSigningKey(UNREADABLE) from err
    if _public(private_key.public_key()) != _public(cert.public_key()):
        log.error("kunci tanda tangan %s tidak cocok dengan sertifikatnya", config)
        raise NoSigningKey(MISMATCHED)
    der = serialization.Encoding.DER
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            private_key.private_bytes(
                der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(c.public_bytes(der)) for c in chain]
        ),
    )
    return OfficeKey(
        signer, cert.subject.rfc4514_string(), cert.not_valid_before_utc,
        cert.not_valid_after_utc, config.demo,
    )


def _read(config: KeyConfig) -> tuple[Any, x509.Certificate, list[x509.Certificate]]:
    password = config.passphrase.encode("utf-8") if config.passphrase else None
    extra = [c for path in config.chain for c in _certificates(path.read_bytes())]
    if config.key.suffix.lower() in PKCS12_SUFFIXES:
        key, cert, bundled = pkcs12.load_key_and_certificates(config.key.read_bytes(), password)
        if key is None or cert is None:
            raise ValueError("the PKCS#12 file holds no key or no certificate")
        return key, cert, [*bundled, *extra]
    if config.cert is None:
        raise ValueError("a PEM/DER key needs its certificate (ECATPERS_SIGNING_CERT)")
    key = _private_key(config.key.read_bytes(), password)
    cert, *chain = _certificates(config.cert.read_bytes())
    return key, cert, [*chain, *extra]


def _private_key(data: bytes, password: bytes | None) -> Any:
    if b"-----BEGIN" in data:
        return serialization.load_pem_private_key(data, password)
    return serialization.load_der_private_key(data, password)


def _certificates(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def _public(public_key: Any) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
