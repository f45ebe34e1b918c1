from __future__ import annotations

import pytest

from normalize import LanguageDetector

from .conftest import sample


@pytest.mark.parametrize(
    ("prefix", "lang"), [("000", "ar"), ("001", "en"), ("002", "fr"), ("003", "id"), ("004", "en")]
)
def test_samples(prefix: str, lang: str) -> None:
    result = LanguageDetector().detect(sample(prefix).read_text(encoding="utf-8"))
    assert result.lang == lang
    assert result.confidence >= 0.9


def test_too_short_is_und_with_reason() -> None:
    result = LanguageDetector().detect("Bonjour")
    assert (result.lang, result.reason) == ("und", "too short to tell (7 letters)")


def test_arabic_script_prior() -> None:
    # Short Arabic text with Latin acronyms: langdetect alone wavers, the script settles it.
    result = LanguageDetector().detect("افتتح منتدى CMG في مدينة تشيوانتشو يوم الثلاثاء")
    assert result.lang == "ar"


def test_seeded_detection_is_repeatable() -> None:
    text = "Le forum a réuni des médias de soixante pays à Quanzhou."
    assert {LanguageDetector().detect(text) for _ in range(5)} == {LanguageDetector().detect(text)}


def test_hint_breaks_a_near_tie_only() -> None:
    text = "Ajang ini mengeksplorasi aplikasi kecerdasan buatan dalam bidang media di Jakarta."
    assert LanguageDetector().detect(text, hint="fr").lang == "id"
