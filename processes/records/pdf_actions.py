"""Active content in an uploaded PDF: scripts and automatic actions a reader would run.

Uploaded documents are evidence, so a PDF carrying JavaScript or an action that runs on
opening (or on a page, field or annotation event) is refused rather than altered: the
office asks the sender for a plain scan.
"""

from __future__ import annotations

import io

import pikepdf

#: Keys that hold a script or a trigger of actions wherever they appear.
SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA"}
#: Action types that run code, launch programs or send data.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/Rendition"}


def active_content(content: bytes) -> str | None:
    """What active content the PDF holds (the first found), or None; `ValueError` when the
    bytes are not a PDF that can be read."""
    try:
        pdf = pikepdf.open(io.BytesIO(content))
    except pikepdf.PdfError as err:
        raise ValueError(str(err)) from None
    with pdf:
        for obj in pdf.objects:
            found = _in_dictionary(obj)
            if found:
                return found
    return None


def _in_dictionary(obj: object) -> str | None:
    if not isinstance(obj, pikepdf.Dictionary):
        return None
    keys = set(obj.keys())
    if keys & SCRIPT_KEYS:
        return min(keys & SCRIPT_KEYS)
    action = obj.get("/S")
    if action is not None and str(action) in ACTIVE_ACTIONS:
        return str(action)
    opening = obj.get("/OpenAction")
    # An open destination (a page and a zoom) is harmless; an action dictionary is not.
    if isinstance(opening, pikepdf.Dictionary) and str(opening.get("/S")) != "/GoTo":
        return "/OpenAction"
    return None
