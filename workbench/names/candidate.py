"""One entity proposed for a name, as the matcher and the picker return it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Candidate:
    """One entity proposed for a name."""

    entity_id: str
    canonical: str
    score: float
    accepted: bool
    variant: str
    why: str
    acronym: bool = False  # matched as an acronym of the variant (its initials, in some language)
