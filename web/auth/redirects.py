"""Where a sign-in may send the browser next: a path of this site, never another site.

Browsers forgive a lot in a Location header: they drop tabs and newlines, read a backslash
as a slash, and take `//host` (or `/\\host`) as another site. So only a plain path of
printable ASCII, starting with one slash, is followed; anything else goes to the inbox.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LONGEST = 2000


def same_site_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None."""
    if not target or len(target) > LONGEST:
        return None
    if any(not ("!" <= c <= "~") for c in target):  # controls, spaces, non-ASCII
        return None
    if "\\" in target or not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return target
