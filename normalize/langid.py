"""Language identification: langdetect with a fixed seed, a confidence, a script prior, and ``und``.

langdetect samples n-grams at random, so the seed is what makes a run repeatable. Each detector owns its own
`DetectorFactory` (not langdetect's module-level one) so two configurations never share state.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where used: LangOptions is read by every command's configuration, langdetect only by runs.
    from langdetect.detector_factory import DetectorFactory

# Other languages written in Arabic script that langdetect knows; only a confident vote for one of them
# overrides the script prior.
_ARABIC_SCRIPT_LANGS = frozenset({"ar", "fa", "ur"})


@dataclass(frozen=True, slots=True)
class LangOptions:
    seed: int = 0
    # Below about 20 letters langdetect's guesses are close to random (5-word snippets: 89% right overall,
    # far worse for similar languages); we say `und` rather than guess.
    min_letters: int = 20
    # A top probability under this is reported as `und` with the two best candidates in the reason.
    min_confidence: float = 0.5
    # langdetect reads at most this many characters: a news lead is representative, and time grows with length
    # (3000 chars cost 14.7 ms an article in bench/, 1200 about a third of that).
    max_chars: int = 1200


@dataclass(frozen=True, slots=True)
class LangResult:
    lang: str
    confidence: float
    reason: str | None = None


def _script_counts(text: str) -> tuple[int, int]:
    """(letters, letters in Arabic script)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "ARABIC" in unicodedata.name(ch, ""):
                arabic += 1
    return letters, arabic


@functools.cache
def _factory(seed: int) -> DetectorFactory:
    """Loading langdetect's 55 profiles takes 0.8 s: once per process and seed. Detectors created from a
    factory do not change it."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(seed)
    return factory


class LanguageDetector:
    def __init__(self, options: LangOptions | None = None) -> None:
        self.options = options or LangOptions()
        self._factory = _factory(self.options.seed)

    def _probabilities(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.set_max_text_length(self.options.max_chars)
        detector.append(text)
        try:
            return {p.lang: p.prob for p in detector.get_probabilities()}
        except LangDetectException:
            return {}

    def detect(self, text: str, hint: str | None = None) -> LangResult:
        sample = text[: self.options.max_chars * 2]
        letters, arabic = _script_counts(sample)
        if letters < self.options.min_letters:
            return LangResult("und", 0.0, f"too short to tell ({letters} letters)")
        probs = self._probabilities(sample)
        if arabic / letters >= 0.5:
            # Script prior: Arabic script is Arabic unless langdetect is sure it is Persian or Urdu.
            best = max(probs.items(), key=lambda kv: kv[1], default=("ar", 0.0))
            if best[0] in _ARABIC_SCRIPT_LANGS - {"ar"} and best[1] >= 0.9:
                return LangResult(best[0], round(best[1], 4))
            return LangResult("ar", round(max(probs.get("ar", 0.0), arabic / letters), 4))
        if not probs:
            return LangResult("und", 0.0, "no language features found")
        ranked = sorted(probs.items(), key=lambda kv: kv[1], reverse=True)
        lang, prob = ranked[0]
        # A hint from the page (<html lang>, a JSON field) breaks near-ties, never overrides a clear result.
        if hint and prob < 0.9 and probs.get(hint, 0.0) >= 0.2:
            lang, prob = hint, probs[hint]
        if prob < self.options.min_confidence:
            runners = ", ".join(f"{code} {p:.2f}" for code, p in ranked[:2])
            return LangResult("und", round(prob, 4), f"uncertain ({runners})")
        return LangResult(lang, round(prob, 4))
