"""A small story of undated reports joins the story of its event where each of its members links on its own to
the reports that story holds, two or more of them linking between them (store/matching.py Matcher._witnessed;
bench/realset's tuning half, fold tune-b: the Enga landslide of 24 May 2024, whose Arabic reports made a story of
their own before the Latin-script reports arrived)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from store.match_records import _Candidate
from store.matching import Matcher
from tests.test_stories import REALSET, _groups, _ingest

# The anchors the tuning half's reports carry (main 9f11d8d's ingest), the event places as read: the Arabic
# reports' own story had "klm" (the village "كاوكالام"), "tbk" and "al", the story its event's "ymbl" (Yambali).
_AR_01 = ("e:ymbl", "k:landslide", "p:ang", "p:brt", "p:mht hd", "q:dead:100", "r:papua new guinea")
_EN_01 = ("e:ymbl", "k:landslide", "p:ang", "p:pkfk akn", "p:ymbl", "r:papua new guinea", "x:enga province")
_AR_03 = ("e:klm", "k:landslide", "p:ang", "p:brt", "p:klm", "q:dead:300", "r:papua new guinea")
_AR_04 = ("e:tbk", "k:landslide", "p:ang", "p:angltr", "p:mb", "p:tbk", "r:papua new guinea", "y:2024")
_AR_05 = ("e:al", "g:sa", "k:landslide", "p:al", "p:ang", "p:gd", "r:papua new guinea", "r:saudi arabia")


def _report(i: int, anchors: tuple[str, ...], lang: str = "ar", published: str | None = None) -> _Candidate:
    return _Candidate(i, lang, published, None, None, frozenset(anchors))


def test_a_small_story_of_undated_reports_comes_along_where_each_member_links_on_its_own() -> None:
    """Enga's Arabic reports ("ويخشى أن يكون المئات قد لقوا حتفهم في الانهيار الأرضي الذي وقع في قرية كاوكالام في
    إقليم إنجا", pg-enga-landslide-2024-ar-03) name the landslide, Enga and Papua New Guinea, as the
    English report (-en-01) and the story's first Arabic report (-ar-01) do. One of those two links to each of
    the three, and both link to one: the small story comes along. A dated member, a fourth member, a member linked by
    none, or one report alone linking, and it does not."""
    matcher = Matcher()
    joined = [_report(10, _EN_01, "en"), _report(1, _AR_01)]
    small = [_report(3, _AR_03), _report(4, _AR_04), _report(5, _AR_05)]
    assert matcher._witnessed(small, joined)
    assert not matcher._witnessed([*small[:2], _report(5, _AR_05, published="2024-05-27")], joined)
    assert not matcher._witnessed([*small, _report(6, _AR_03)], joined)
    assert not matcher._witnessed([*small[:2], _report(5, ("k:landslide", "r:papua new guinea"))], joined)
    assert not matcher._witnessed(small, joined[:1])


def test_a_report_of_another_kind_witnesses_on_a_day_or_two_names_only() -> None:
    """A link between two kinds (a French report of the Al-Aqsa raid read as a riot, one of the raid's undated
    Arabic reports read as an explosion: jerusalem-aqsa-2023-fr-01 and -ar-05 on the tuning half) on Jerusalem and
    one name, the Israeli police, says nothing of which raid: it is no witness, as _another_kind asks."""
    matcher = Matcher()
    riot = _report(1, ("e:grslm", "g:ps", "k:riot", "p:grslm", "s:asrl blk", "s:mdn ns"), "fr")
    explosion = _report(2, ("e:grslm", "g:ps", "k:explosion", "p:grslm", "p:msk aks", "s:asrl blk"))
    assert not matcher._pair_links(riot, explosion)
    two_names = _report(3, (*explosion.anchors, "s:mdn ns"))
    assert matcher._pair_links(riot, two_names)


def test_the_arabic_reports_own_story_joins_the_story_of_their_event(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The Enga landslide's fifteen tuning reports ingested in one run: the undated Arabic reports -ar-03, -ar-04
    and -ar-05, which link to each other before any Latin-script report arrives, end in one story with the
    English and Indonesian reports and the first Arabic ones."""
    names = tuple(p.stem for p in sorted(REALSET.glob("pg-enga-landslide-2024-*.txt")))
    db = _ingest(tmp_path, runner, names)
    _, stories, _ = _groups(db)
    together = {f"pg-enga-landslide-2024-{x}" for x in ("ar-01", "ar-03", "ar-04", "ar-05", "en-01", "id-01")}
    assert any(together <= s for s in stories)
