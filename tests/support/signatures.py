"""The tests' own office key, and checking a letter's signature with pyHanko's validator."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext

from processes.letters.signing import KeyConfig
from processes.setup.demo_key import make_key_and_certificate

TEST_COMMON_NAME = "Kantor Uji E-CATPERS"
TEST_SUBJECT = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, TEST_COMMON_NAME)])
PASSPHRASE = "sandi-uji"


def make_office_key(folder: Path, subject: x509.Name = TEST_SUBJECT) -> KeyConfig:
    """A passphrase-protected PEM key and its self-signed certificate, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    key, cert = make_key_and_certificate(subject)
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    ))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return KeyConfig(key=folder / "key.pem", cert=folder / "cert.pem", passphrase=PASSPHRASE)


def as_pkcs12(config: KeyConfig, target: Path, passphrase: str) -> KeyConfig:
    """The same key and certificate as one PKCS#12 file (as a CA such as BSrE hands them out)."""
    key = serialization.load_pem_private_key(config.key.read_bytes(), config.passphrase.encode())
    cert = x509.load_pem_x509_certificate(config.cert.read_bytes())
    target.write_bytes(pkcs12.serialize_key_and_certificates(
        b"kantor", key, cert, None, serialization.BestAvailableEncryption(passphrase.encode()),
    ))
    return KeyConfig(key=target, passphrase=passphrase)


def signature_status(pdf: bytes, trust_root: Path) -> PdfSignatureStatus:
    """pyHanko's verdict on the PDF's only signature, with `trust_root` as the one trusted CA."""
    reader = PdfFileReader(io.BytesIO(pdf))
    assert len(reader.embedded_signatures) == 1
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(trust_root))])
    # In its own thread: once the browser tests run, this one runs Playwright's event loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(validate_pdf_signature, reader.embedded_signatures[0], context).result()
