"""When: date expressions in the four languages, resolved to an ISO date with its precision and how it was
resolved.

Expressions are found with patterns per language ("on Tuesday", "March 30", "Dec. 6, 2024", "15 avril",
"mardi", "Selasa (3/12)", "3 Desember 2024", "3 ديسمبر", "الثلاثاء") and turned into dates by dateparser (why
this dependency: it knows month and weekday names in all four languages and resolves them against a base date).
A date without a year, or a weekday, is resolved against the publication date (or the dateline), looking back:
news reports what happened, so "Tuesday" in a Friday article is the Tuesday before. Without a publication
date, a missing year is taken from the years the text mentions, and the basis says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from normalize.text import digits_to_ascii

Precision = Literal["day", "month", "year"]

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_FR_MONTH = r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
_ID_MONTH = r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
_AR_MONTH = (
    r"(?:يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)"
)
_EN_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FR_DAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_ID_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)"
_AR_DAY = r"(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)"
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        rf"\b(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"{_EN_MONTH}(?:,?\s+{_YEAR})?|{_EN_MONTH}\s+{_YEAR}|{_EN_DAY})(?!\w)"
    ),
    "fr": re.compile(
        rf"\b(?:(?:{_FR_DAY}\s+)?\d{{1,2}}(?:er)?\s+{_FR_MONTH}(?:\s+{_YEAR})?|{_FR_MONTH}\s+{_YEAR}|{_FR_DAY})(?!\w)",
        re.IGNORECASE,
    ),
    "id": re.compile(
        rf"\b(?:{_ID_DAY}\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|\d{{1,2}}\s+{_ID_MONTH}(?:\s+{_YEAR})?|"
        rf"{_ID_MONTH}\s+{_YEAR}|{_ID_DAY})(?!\w)"
    ),
    "ar": re.compile(rf"(?:\d{{1,2}}\s+{_AR_MONTH}(?:\s+{_YEAR})?|{_AR_MONTH}\s+{_YEAR}|{_AR_DAY})"),
}
_ID_NUMERIC = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
_HAS_DAY_NUMBER = re.compile(r"(?<![\d/])\d{1,2}(?!\d)")
_WEEKDAY_ONLY = re.compile(rf"^(?:{_EN_DAY}|{_FR_DAY}|{_ID_DAY}|{_AR_DAY})$", re.IGNORECASE)
_TEXT_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


@dataclass(frozen=True, slots=True)
class When:
    date: str
    """ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY, as precise as the expression."""
    precision: Precision
    basis: str
    """How it was resolved: "explicit", "publication date 2024-12-06", "year inferred from the text (2023)"."""
    expression: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "precision": self.precision,
            "basis": self.basis,
            "expression": self.expression,
        }


def find_dates(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, expression) of the date expressions in ``text`` (Arabic-Indic digits read as digits)."""
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return []
    folded = digits_to_ascii(text)  # same length: offsets hold
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in pattern.finditer(folded)]


def text_year(text: str) -> int | None:
    """The year a text talks about when it names one: the most frequent, the latest among equals."""
    years = Counter(int(y) for y in _TEXT_YEAR.findall(digits_to_ascii(text)))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


@functools.cache
def _parser() -> Any:
    import dateparser  # 0.15 s to import: only when a text has a date to resolve

    return dateparser


def _parse(expression: str, lang: str, base: dt.date) -> dt.date | None:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    found = _parser().parse(expression, languages=[lang], settings=settings)
    return found.date() if found else None


def resolve(
    expression: str, lang: str, published: dt.date | None = None, year_hint: int | None = None
) -> When | None:
    """An ISO date for ``expression``, or None when it cannot be placed in time."""
    expr = digits_to_ascii(expression).strip()
    has_year = bool(_HAS_YEAR.search(expr))
    weekday_only = bool(_WEEKDAY_ONLY.match(expr))
    numeric = _ID_NUMERIC.search(expr)
    if numeric:  # "Selasa (3/12)": day/month in brackets after the weekday (Indonesian press style)
        day, month = int(numeric.group(1)), int(numeric.group(2))
        year = int(numeric.group(3)) if numeric.group(3) else None
        if year is not None and year < 100:
            year += 2000
        return _numeric(expression, day, month, year, published, year_hint)
    if has_year:
        parsed = _parse(expr, lang, published or dt.date.today())
        if parsed is None:
            return None
        precision: Precision = "day" if _HAS_DAY_NUMBER.search(_HAS_YEAR.sub("", expr)) else "month"
        value = parsed.isoformat() if precision == "day" else parsed.isoformat()[:7]
        return When(value, precision, "explicit", expression)
    if published is not None:
        parsed = _parse(expr, lang, published)
        if parsed is None:
            return None
        if weekday_only and (published - parsed).days == 7:
            parsed = published  # "on Friday" in a Friday article is that day, not a week before
        what = "weekday before" if weekday_only else "year of"
        return When(
            parsed.isoformat(), "day", f"{what} the publication date {published.isoformat()}", expression
        )
    if year_hint is not None and not weekday_only:
        parsed = _parse(expr, lang, dt.date(year_hint, 12, 31))
        if parsed is None:
            return None
        return When(parsed.isoformat(), "day", f"year inferred from the text ({year_hint})", expression)
    return None


def _numeric(
    expression: str, day: int, month: int, year: int | None, published: dt.date | None, year_hint: int | None
) -> When | None:
    try:
        if year is not None:
            return When(dt.date(year, month, day).isoformat(), "day", "explicit", expression)
        if published is not None:
            candidate = dt.date(published.year, month, day)
            if candidate > published + dt.timedelta(days=7):
                candidate = dt.date(published.year - 1, month, day)
            return When(candidate.isoformat(), "day", f"year of the publication date {published}", expression)
        if year_hint is not None:
            return When(
                dt.date(year_hint, month, day).isoformat(),
                "day",
                f"year inferred from the text ({year_hint})",
                expression,
            )
    except ValueError:
        return None
    return None


def iso_date(value: str | None) -> dt.date | None:
    """A stored publication date (YYYY, YYYY-MM or YYYY-MM-DD) as a date, or None when it is not a full day."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
