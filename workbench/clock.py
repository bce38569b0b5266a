"""The one place that reads the wall clock, so tests can pin it."""

from datetime import datetime, timezone


def now() -> str:
    """Current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
