"""Issued letters, their public verification page, the identity check; the office signing key."""

from flask import Blueprint, Flask

from processes.letters import signing

bp = Blueprint("letters", __name__)

from . import views  # noqa: F401


def init_app(app: Flask) -> None:
    """Letters are signed with the key of this app's configuration (`SIGNING_KEY`)."""
    key = app.config.get("SIGNING_KEY")
    signing.configure(key)
    if key is None:
        app.logger.warning(
            "Kunci tanda tangan belum dipasang (ECATPERS_SIGNING_KEY): surat tidak dapat "
            "diterbitkan."
        )
    elif key.demo:
        app.logger.warning("Surat ditandatangani dengan sertifikat DEMO (%s).", key.cert)


__all__ = ["bp", "init_app"]
