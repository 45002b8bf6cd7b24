"""Letters list and download, revocation, public verification, identity CEK."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import login_required

from processes.accounts.roles import DIREKTUR
from processes.errors import Refused
from processes.letters import issue, listing, verification
from processes.records import personnel
from processes.records.identity import check_identity, nip_birth_date, nip_gender

from .. import db
from ..auth.session import me, role_required
from ..pdf import pdf_response
from . import bp


@bp.route("/surat", methods=["GET", "POST"])
@login_required
def letters():
    """The letters list; a search (a name or NRP/NIP) and paging come by POST, so what was
    typed never goes into an address."""
    form = request.form if request.method == "POST" else {}
    f = listing.LetterFilter(q=form.get("q", "")[:100], page=_page_number(form.get("page")))
    return render_template("letters/list.html", page=listing.letters_page(db.session(), me(), f), f=f)


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) < 10 else 1


@bp.route("/surat/<int:letter_id>.pdf")
@login_required
def letter_pdf(letter_id: int):
    try:
        letter = issue.read_letter(db.unit_of_work(), me(), letter_id)
    except Refused as err:  # its PDF could not be made yet (no usable office key)
        flash(str(err), "error")
        return redirect(url_for("letters.letters"))
    return pdf_response(letter.pdf, letter.nomor.replace("/", "-") + ".pdf")


@bp.route("/surat/<int:letter_id>/cabut", methods=["POST"])
@role_required(DIREKTUR)
def revoke(letter_id: int):
    try:
        issue.revoke(db.unit_of_work(), me(), letter_id, request.form.get("alasan", ""),
                     request.form.get("konfirmasi_sandi"))
        flash("Surat telah dicabut.", "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("letters.letters"))


@bp.route("/verifikasi/<token>", methods=["GET", "POST"])
def verify(token: str):
    """The letter's public facts; with an uploaded PDF, whether it is exactly that letter."""
    token = token[:64]
    check = verification.check_letter(db.unit_of_work(), token, request.remote_addr)
    if check.wait_minutes:
        return render_template("letters/verify.html", wait=check.wait_minutes), 429, {
            "Retry-After": str(check.wait_minutes * 60)}
    if check.found is None:
        return render_template("letters/verify.html", found=None), 404
    compared = None
    if request.method == "POST":
        upload = request.files.get("berkas")
        content = upload.read(issue.MAX_COMPARED_BYTES + 1) if upload else b""
        compared = issue.compare_upload(db.session(), token, content)
    status = 400 if compared is not None and compared.same is None else 200
    return render_template("letters/verify.html", found=check.found, check=compared), status


@bp.route("/cek-identitas", methods=["POST"])
@login_required
def check_number():
    """Checks an NRP/NIP's form (and what a NIP encodes) and, for a number the personnel
    master data knows, returns that identity for the operator to confirm; a typed name
    that differs from it is warned about. Never reveals whether a catpers exists.
    By POST: the number never goes into an address."""
    form = request.form
    personel, nomor = form.get("personel", ""), form.get("nomor", "").strip()[:18]
    result = check_identity(personel, nomor, form.get("jenis_kelamin") or None)
    info = {}
    if personel == "ASN" and result.ok:
        born, gender = nip_birth_date(nomor), nip_gender(nomor)
        info = {"tanggal_lahir": born.isoformat() if born else None, "jenis_kelamin": gender}
    identity = personnel.identity_on_file(db.session(), nomor) if result.ok else None
    warnings = list(result.warnings)
    mismatch = personnel.name_warning(form.get("nama", "")[:200], identity)
    if mismatch:
        warnings.append(mismatch)
    return jsonify(ok=result.ok, errors=result.errors, warnings=warnings, info=info,
                   identity=identity)
