from __future__ import annotations

import json

import pytest

from ingest.errors import ExtractionError
from ingest.readers import parse_txt, read_document

from .conftest import sample

HTML = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Chengdu accueille la conférence | Le Quotidien</title>
<meta property="article:published_time" content="2026-04-15T09:30:00+08:00"></head>
<body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a> | <a href="/sport">Sport</a></nav>
<article><h1>Chengdu accueille la 13e conférence de l'audiovisuel</h1>
<p>Dans la matinée du 15 avril, la 13e Conférence de l'audiovisuel en ligne de Chine s'est ouverte à Chengdu,
capitale de la province du Sichuan, en présence de nombreux responsables et diplomates.</p>
<p>Cette conférence a accueilli de nombreux forums thématiques, attirant plus de 12 000 invités et plus de
4 000 institutions participantes venues de toute la Chine et de l'étranger.</p></article>
<footer>© 2026 Le Quotidien. Tous droits réservés.</footer></body></html>"""


def test_txt_date_token_keeps_month_precision() -> None:
    art = next(read_document("003.txt", sample("003").read_bytes(), ".txt"))
    assert (art.published, art.published_precision) == ("2024-12", "month")
    assert art.text.startswith("Digelar oleh CCTV Video News Agency")


def test_txt_date_token_day_precision() -> None:
    art = next(read_document("004.txt", sample("004").read_bytes(), ".txt"))
    assert (art.published, art.published_precision) == ("2024-12-06", "day")
    assert art.title is None  # the first line is a long sentence, not a headline


def test_txt_headline_becomes_title() -> None:
    art = next(read_document("001.txt", sample("001").read_bytes(), ".txt"))
    assert art.title == (
        "Forum|Internet audio-visual conference: tell Chinese stories well and spread Chinese voice well"
    )
    assert not art.text.lstrip().startswith("Forum|")


def test_txt_paragraph_ending_in_a_period_is_not_a_title() -> None:
    assert "title" not in parse_txt("Une phrase complète qui se termine.\n\nEt la suite du texte.")


def test_html_through_trafilatura() -> None:
    art = next(read_document("page.html", HTML.encode(), ".html"))
    assert art.kind == "html"
    assert art.title == "Chengdu accueille la 13e conférence de l'audiovisuel"
    assert (art.published, art.published_precision) == ("2026-04-15", "day")
    assert art.lang_hint == "fr"
    assert "12 000 invités" in art.text
    assert "Accueil" not in art.text and "Tous droits" not in art.text


def test_html_without_article_text() -> None:
    with pytest.raises(ExtractionError, match="no article text found in the HTML"):
        next(read_document("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ".html"))


def test_jsonl_one_bad_record_fails_alone() -> None:
    lines = [
        json.dumps(
            {"text": "Premier article assez long pour être lu.", "title": "Un", "published": "2024-05"}
        ),
        "{not json",
        json.dumps({"html": HTML, "url": "https://example.org/a"}),
        json.dumps({"title": "no body"}),
    ]
    arts = list(read_document("feed.jsonl", "\n".join(lines).encode(), ".jsonl"))
    assert [a.source for a in arts] == ["feed.jsonl#1", "feed.jsonl#2", "feed.jsonl#3", "feed.jsonl#4"]
    assert (arts[0].title, arts[0].published, arts[0].published_precision) == ("Un", "2024-05", "month")
    assert arts[1].status == "failed" and arts[1].error.startswith("line 2: invalid JSON")
    assert arts[2].url == "https://example.org/a" and "12 000" in arts[2].text
    assert arts[3].error == "line 4: no 'text' or 'html' field with content"


def test_json_object_and_list() -> None:
    one = list(read_document("a.json", json.dumps({"text": "Texte.", "lang": "FR"}).encode(), ".json"))
    assert [(a.source, a.lang_hint) for a in one] == [("a.json", "fr")]
    many = list(read_document("b.json", json.dumps([{"text": "A."}, {"text": "B."}]).encode(), ".json"))
    assert [a.source for a in many] == ["b.json#1", "b.json#2"]
