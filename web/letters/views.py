"""Letters list and download, revocation, public verification, read log, identity CEK."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import login_required

from processes.access import read_log
from processes.accounts.roles import DIREKTUR
from processes.errors import Forbidden, Refused
from processes.letters import issue
from processes.records.identity import check_identity, nip_birth_date, nip_gender

from .. import db
from ..auth.session import me, role_required
from ..pdf import pdf_response
from . import bp


@bp.route("/surat")
@login_required
def letters():
    return render_template(
        "letters/list.html", letters=issue.letters_visible(db.session(), me())
    )


@bp.route("/surat/<int:letter_id>.pdf")
@login_required
def letter_pdf(letter_id: int):
    try:
        letter = issue.read_letter(db.unit_of_work(), me(), letter_id)
    except Forbidden as err:
        abort(403, str(err))
    except Refused as err:  # its PDF could not be made yet (no usable office key)
        flash(str(err), "error")
        return redirect(url_for("letters.letters"))
    return pdf_response(letter.pdf, letter.nomor.replace("/", "-") + ".pdf")


@bp.route("/surat/<int:letter_id>/cabut", methods=["POST"])
@role_required(DIREKTUR)
def revoke(letter_id: int):
    try:
        issue.revoke(db.unit_of_work(), me(), letter_id, request.form.get("alasan", ""))
        flash("Surat telah dicabut.", "success")
    except Refused as err:
        flash(str(err), "error")
    except Forbidden as err:
        abort(403, str(err))
    return redirect(url_for("letters.letters"))


@bp.route("/verifikasi/<token>", methods=["GET", "POST"])
def verify(token: str):
    """The letter's public facts; with an uploaded PDF, whether it is exactly that letter."""
    token = token[:64]
    found = issue.verify(db.session(), token)
    if found is None:
        return render_template("letters/verify.html", found=None), 404
    check = None
    if request.method == "POST":
        upload = request.files.get("berkas")
        content = upload.read(issue.MAX_COMPARED_BYTES + 1) if upload else b""
        check = issue.compare_upload(db.session(), token, content)
    status = 400 if check is not None and check.same is None else 200
    return render_template("letters/verify.html", found=found, check=check), status


@bp.route("/log-akses")
@role_required(DIREKTUR)
def read_log_page():
    args = request.args
    page = read_log.search(
        db.session(), nomor=args.get("nomor", "").strip(), username=args.get("pengguna", "").strip(),
        dari=_date(args.get("dari")), sampai=_date(args.get("sampai")),
        page=args.get("page", 1, type=int) or 1,
    )
    return render_template("letters/read_log.html", page=page)


@bp.route("/cek-identitas")
@login_required
def check_number():
    """Checks an NRP/NIP's form (and what a NIP encodes); never reveals whether a catpers exists."""
    personel, nomor = request.args.get("personel", ""), request.args.get("nomor", "").strip()
    result = check_identity(personel, nomor, request.args.get("jenis_kelamin") or None)
    info = {}
    if personel == "ASN" and result.ok:
        born, gender = nip_birth_date(nomor), nip_gender(nomor)
        info = {"tanggal_lahir": born.isoformat() if born else None, "jenis_kelamin": gender}
    return jsonify(ok=result.ok, errors=result.errors, warnings=result.warnings, info=info)


def _date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None
