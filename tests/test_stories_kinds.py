"""A story's kind is one two of its members are read as, and a report read as another kind joins it only on a
day, a count or two names (bench/realset's tuning half, part M: the African Union summits of 2023 and 2024, the
Al-Aqsa raid of April 2023 and the Lebanon pager explosions of September 2024)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from store.match_records import Verdict, _Candidate
from store.vetoes import _another_kind, _union_anchors
from tests.test_stories import REALSET, _groups, _ingest


def _member(i: int, *anchors: str) -> _Candidate:
    return _Candidate(i, "en", "2023-04-05", None, None, frozenset(anchors))


def _link(to: int, **signals: float) -> Verdict:
    return Verdict(to, 0.82, False, {"signals": signals})


def test_a_report_of_another_kind_joins_a_story_on_a_day_a_count_or_two_names_not_on_one() -> None:
    """An undated Indonesian report of the 2024 summit, read as an attack ("para pemimpin mengutuk agresi Israel
    di Gaza", au-summit-2024-id-01), links to one report of the 2023 summit on Addis Ababa, the continent and
    "Uni Afrika", the organiser every summit names: the 2023 summit's reports are read as a summit, and one name
    is no agreement on the event. A day, a count or two names are; a story with no kind two members agree on
    refuses nothing."""
    report = _Candidate(9, "id", None, None, None, frozenset({"k:attack", "p:ads ab", "s:an afrk"}))
    summit = [_member(1, "k:summit", "d:2023-02-18"), _member(2, "k:summit"), _member(3, "k:meeting")]
    one_name = _link(1, other_kind=1.0, places=0.667, countries=1.0, names=0.25, anchors=0.286)
    assert _another_kind(report, one_name, summit)
    assert not _another_kind(report, _link(1, other_kind=1.0, names=0.5), summit)
    assert not _another_kind(report, _link(1, other_kind=1.0, day=1.0), summit)
    assert not _another_kind(report, _link(1, other_kind=1.0, counts=0.333), summit)
    assert not _another_kind(report, one_name, [*summit, _member(4, "k:attack"), _member(5, "k:attack")])
    assert not _another_kind(report, one_name, [_member(1, "k:summit"), _member(3, "k:meeting")])


def test_a_report_of_another_kind_does_not_join_a_storys_members_together_on_a_count() -> None:
    """A French report of the Ciudad Juarez migrant centre fire ("Plus de 30 migrants sont morts ... Selon le
    quotidien local El Sol de Parral", mx-juarez-migrant-fire-2023-fr-02, a fire) met the Rio Grande do Sul
    floods' reports together (_story_link) on "30 dead" and the newspaper's "Sol" read as a place: one count
    among the many a story's members give is no agreement on the event. Linked to one report, the count
    agrees as before."""
    report = _Candidate(9, "fr", None, None, None, frozenset({"k:fire", "e:sl", "p:sl", "q:dead:30"}))
    floods = [
        _member(1, "k:flood", "p:sl", "q:dead:30"),
        _member(2, "k:flood", "e:r grnd"),
        _member(3, "k:flood"),
    ]
    together = Verdict(
        1,
        0.975,
        False,
        {"signals": {"other_kind": 1.0, "event_place": 1.0, "places": 0.667, "counts": 0.333}, "story": 14},
    )
    assert _another_kind(report, together, floods)
    assert not _another_kind(report, _link(1, other_kind=1.0, event_place=1.0, counts=0.333), floods)
    with_day = Verdict(1, 0.99, False, {"signals": {"other_kind": 1.0, "day": 1.0}, "story": 14})
    assert not _another_kind(report, with_day, floods)


def test_a_storys_kind_for_its_members_together_is_one_two_of_them_are_read_as() -> None:
    """The Al-Aqsa raid's reports as the tuning half reads them: attacks, storms, one fire and one explosion (a
    French report: a police video "témoigne des explosions de ce qui semble être des feux d'artifice"). Read
    together, the story is an attack or a storm, not an explosion; where no kind has two members, every
    member's kind stands."""
    raid = [
        _member(1, "k:attack", "e:msgd aks"),
        _member(2, "k:attack", "r:israel"),
        _member(3, "k:storm", "e:grslm"),
        _member(4, "k:storm"),
        _member(5, "k:explosion", "e:msk aks"),
        _member(6, "k:fire"),
    ]
    union = _union_anchors(raid)
    assert {a for a in union if a.startswith("k:")} == {"k:attack", "k:storm"}
    assert {"e:msk aks", "e:msgd aks", "r:israel"} <= union
    once_each = _union_anchors([_member(1, "k:attack"), _member(2, "k:explosion")])
    assert {a for a in once_each if a.startswith("k:")} == {"k:attack", "k:explosion"}


def test_a_report_of_another_event_does_not_join_a_story_on_one_members_kind(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The undated French report of the pager explosions ("L'explosion simultanée mardi à travers le Liban de
    bipeurs utilisés par le Hezbollah", lb-pagers-2024-fr-01) recalls "le 7 octobre 2023" and names Israel and
    Hamas; read against the Al-Aqsa raid's reports together it met their one "explosion" and Israel. It stays out
    of the raid's story."""
    raid = tuple(p.stem for p in sorted(REALSET.glob("jerusalem-aqsa-2023-*.txt")))
    db = _ingest(tmp_path, runner, (*raid, "lb-pagers-2024-fr-01"))
    _, stories, _ = _groups(db)
    assert not any(
        "lb-pagers-2024-fr-01" in s and any(n.startswith("jerusalem-") for n in s) for s in stories
    )
    assert any(len(s) >= 8 and all(n.startswith("jerusalem-aqsa-2023-") for n in s) for s in stories)
