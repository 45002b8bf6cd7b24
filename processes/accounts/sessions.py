"""How long a signed-in session lasts: it ends after a spell of no activity (30 minutes
unless configured) and, however active, some hours after signing in (12 unless configured).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class SessionLimits:
    idle: timedelta = timedelta(minutes=30)
    lifetime: timedelta = timedelta(hours=12)


def end_reason(
    limits: SessionLimits, signed_in_at: float | None, seen_at: float | None, now: float
) -> str | None:
    """Why a session with these times (seconds since the epoch) has ended, or None if it has not."""
    if signed_in_at is None or seen_at is None:
        return "Sesi Anda telah berakhir. Silakan masuk kembali."
    if now - signed_in_at > limits.lifetime.total_seconds():
        hours = round(limits.lifetime.total_seconds() / 3600)
        return f"Sesi Anda berakhir karena sudah {hours} jam sejak masuk. Silakan masuk kembali."
    if now - seen_at > limits.idle.total_seconds():
        minutes = round(limits.idle.total_seconds() / 60)
        return (f"Sesi Anda berakhir karena tidak ada aktivitas selama {minutes} menit. "
                "Silakan masuk kembali.")
    return None
