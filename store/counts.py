"""The counts a run reports, under one set of names everywhere: the summary line, `polynews runs`, the JSON log's
summary event and the run's row (`runs.counts`); `polynews stats` gives the database's totals under the same
names. Every record read (a file, a JSON or JSONL record, a fetched URL, a feed entry, a line of --urls FILE) is
exactly one of them, so they add up to ``read``.
"""

from __future__ import annotations

from typing import Any

# Public name -> the writer's outcome it counts (store/writer.py `Outcome`), in the order they are shown.
COUNTS = {
    "new_articles": "stored",  # an article not seen before (an original)
    "new_versions": "updated",  # a changed source: the article's new text, the old one kept as a version
    "near_duplicates": "duplicate",  # a new article that is a near copy or translation of another
    "exact_copies": "sighting",  # the same text as a stored article from another place: one more sighting
    "unchanged": "unchanged",  # a source read before and not changed (most often not even opened)
    "reprocessed": "refreshed",  # an unchanged source processed again (--force)
    "skipped": "skipped",  # a file type polynews does not read; a line of --urls FILE that is not a URL
    "failed": "failed",  # with its reason, stored as a failed row
}


def totals(outcomes: dict[str, int]) -> dict[str, int]:
    """Counts by the writer's outcome -> counts by public name, and ``read``, their sum."""
    named = {name: int(outcomes.get(outcome, 0)) for name, outcome in COUNTS.items()}
    return named | {"read": sum(named.values())}


def run_counts(stored: dict[str, Any]) -> dict[str, Any]:
    """A run row's counts under the public names, whichever version of polynews wrote them (runs before these
    names stored the writer's outcomes)."""
    if not stored or "read" in stored:
        return stored or {}
    legacy = {k: v for k, v in stored.items() if k in COUNTS.values()}
    rest = {k: v for k, v in stored.items() if k not in COUNTS.values()}
    return totals(legacy) | rest
