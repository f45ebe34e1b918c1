"""bench/event_place_fit.py's account of why an event's first place is wrong (`misses`): a ranking can fix only a
right place that is among the candidates; the rest are lost before the ranking, in finding the candidates."""

from __future__ import annotations

import numpy as np
import pytest

from bench.event_place_fit import Event, misses


def event(id: str, names: list[str], right: list[int], forms: list[str], rules_ok: bool = False) -> Event:
    y = np.array([float(i in right) for i in range(len(names))])
    x = np.zeros((len(names), 29))
    return Event(id, id.split("-")[-2], "tune-a", forms[0], rules_ok, names, x, y, forms=forms)


def test_misses_tells_ranking_losses_from_candidate_losses(capsys: pytest.CaptureFixture[str]) -> None:
    # Both from the realset tuning folds as main read them in session 29 (place29): Brovary is named in the
    # French report and ranked second under Kyiv; Sindar ("dans la région de Sindar") is labelled in the text but is no
    # candidate of its event, which the ranker therefore cannot choose.
    evs = [
        event("ua-brovary-crash-2023-fr-01", ["Kyiv", "Brovary"], [1], ["Brovary", "Brovary"]),
        event("ke-ogolla-crash-2024-fr-02", ["Kenya"], [], ["Sindar", "Sindar"]),
        event("ke-ogolla-crash-2024-fr-01", ["Kenya"], [0], ["Kenya"], rules_ok=True),
    ]
    misses(evs)
    out = capsys.readouterr().out
    assert "tune-a: 2 wrong" in out
    assert "a right candidate ranked below 1" in out
    assert "named in the text, no candidate 1" in out
