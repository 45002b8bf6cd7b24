"""The office key: PEM, PKCS#12 and a CA chain sign letters that validate; a bad key refuses."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from processes.letters import signing
from processes.setup.demo_key import ensure_demo_key
from tests.support.signatures import as_pkcs12, make_office_key, signature_status
from web.config import DEMO_KEY_FOLDER, signing_key


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Surat uji</p>").write_pdf()


def signed_with(config: signing.KeyConfig, pdf: bytes) -> bytes:
    signing.configure(config)
    return signing.sign(pdf, "Penerbitan uji", "Palangka Raya")


def trusted(pdf: bytes, root) -> bool:
    status = signature_status(pdf, root)
    return status.intact and status.valid and status.trusted


def test_a_pkcs12_file_with_its_passphrase_signs(tmp_path, office_key, small_pdf):
    p12 = as_pkcs12(office_key, tmp_path / "kantor.p12", "sandi-p12")
    assert trusted(signed_with(p12, small_pdf), office_key.cert)


def test_a_key_issued_under_a_ca_validates_against_the_ca(tmp_path, small_pdf):
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA Uji")])
    ca = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, is_ca=True)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bid Propam Uji")])
    leaf = _certificate(leaf_name, ca_name, leaf_key.public_key(), ca_key, is_ca=False)
    pem = serialization.Encoding.PEM
    (tmp_path / "key.pem").write_bytes(leaf_key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(leaf.public_bytes(pem))
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(pem))
    config = signing.KeyConfig(tmp_path / "key.pem", tmp_path / "cert.pem", (tmp_path / "ca.pem",))
    pdf = signed_with(config, small_pdf)
    assert trusted(pdf, tmp_path / "ca.pem")
    assert signature_status(pdf, tmp_path / "ca.pem").signing_cert.subject.native == {
        "common_name": "Bid Propam Uji"}


def _certificate(subject, issuer, public_key, signing_key, is_ca: bool) -> x509.Certificate:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
        .public_key(public_key).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
    )
    usage = x509.KeyUsage(
        digital_signature=True, content_commitment=not is_ca, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=is_ca, crl_sign=is_ca,
        encipher_only=False, decipher_only=False)
    return builder.add_extension(usage, critical=True).sign(signing_key, hashes.SHA256())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c, tmp: c.__class__(c.key, c.cert, passphrase="salah"), signing.UNREADABLE),
        (lambda c, tmp: c.__class__(tmp / "tidak-ada.pem", c.cert), signing.UNREADABLE),
        (lambda c, tmp: c.__class__(c.key, None, passphrase=c.passphrase), signing.UNREADABLE),
        (lambda c, tmp: c.__class__(c.key, make_office_key(tmp / "lain").cert,
                                    passphrase=c.passphrase), signing.MISMATCHED),
    ],
    ids=["wrong passphrase", "missing file", "no certificate", "another key's certificate"],
)
def test_an_unusable_key_refuses_with_a_clear_message(tmp_path, office_key, change, message):
    signing.configure(change(office_key, tmp_path))
    with pytest.raises(signing.NoSigningKey) as refused:
        signing.require_key()
    assert str(refused.value) == message


def test_no_key_and_an_expired_certificate_refuse(office_key):
    signing.configure(None)
    with pytest.raises(signing.NoSigningKey, match="belum dipasang"):
        signing.sign(b"%PDF-", "x", "y")
    signing.configure(office_key)
    later = datetime.now(UTC) + timedelta(days=365 * 6)
    with pytest.raises(signing.NoSigningKey, match="hanya berlaku"):
        signing.require_key(now=later)


def test_the_demo_key_is_made_once_kept_private_and_signs(tmp_path, small_pdf):
    made = ensure_demo_key(tmp_path / DEMO_KEY_FOLDER)
    again = ensure_demo_key(tmp_path / DEMO_KEY_FOLDER)
    assert made == again and made.demo
    assert os.stat(made.key).st_mode & 0o077 == 0
    status = signature_status(signed_with(made, small_pdf), made.cert)
    assert status.intact and status.trusted
    assert "DEMO" in status.signing_cert.subject.human_friendly


def test_the_configured_key_comes_from_the_environment_else_the_demo_key(tmp_path, monkeypatch):
    for name in ("KEY", "CERT", "CHAIN", "PASSPHRASE"):
        monkeypatch.delenv(f"ECATPERS_SIGNING_{name}", raising=False)
    assert signing_key(str(tmp_path)) is None  # nothing configured: letters will be refused
    demo = ensure_demo_key(tmp_path / DEMO_KEY_FOLDER)
    assert signing_key(str(tmp_path)) == demo
    monkeypatch.setenv("ECATPERS_SIGNING_KEY", "/etc/ecatpers/kantor.p12")
    monkeypatch.setenv("ECATPERS_SIGNING_CHAIN", os.pathsep.join(["/etc/a.pem", "/etc/b.pem"]))
    monkeypatch.setenv("ECATPERS_SIGNING_PASSPHRASE", "rahasia")
    configured = signing_key(str(tmp_path))
    assert configured.key.name == "kantor.p12" and not configured.demo
    assert [p.name for p in configured.chain] == ["a.pem", "b.pem"]
    assert configured.passphrase == "rahasia" and "rahasia" not in repr(configured)


def test_signing_works_inside_a_running_event_loop(office_key, small_pdf):
    async def inside_a_loop() -> bytes:  # as under an async server or a browser-test driver
        return signed_with(office_key, small_pdf)

    # A fresh thread for the loop: this one may already run Playwright's.
    with ThreadPoolExecutor(max_workers=1) as thread:
        pdf = thread.submit(lambda: asyncio.run(inside_a_loop())).result()
    assert trusted(pdf, office_key.cert)
