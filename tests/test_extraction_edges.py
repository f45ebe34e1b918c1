"""Extraction edge cases seen on public benchmark pages (issue 18), each as the shape of the page it came from:
real trafilatura on small HTML built here, then the normalize stage, as an ingest runs them."""

from __future__ import annotations

import pytest

from ingest.errors import ExtractionError
from ingest.readers import parse_html, parse_txt
from ingest.record import Article
from ingest.words import word_count
from normalize import remove_boilerplate
from normalize.stages import Normalizer


def stored_text(html: str) -> str:
    """What an ingest stores as the article's text for this page."""
    fields = parse_html(html)
    return Normalizer()(Article(source="page.html", text=fields["text"], title=fields["title"])).text


def page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<nav><a href="/">Home</a> | <a href="/news">News</a></nav><article><h1>{title}</h1>{body}</article>'
        "<footer>© 2026</footer></body></html>"
    )


# -- scripts without spaces ------------------------------------------------------------------------------------
ZH = (
    "<p>新华社北京12月5日电，第十一届世界视听媒体论坛于5日在福建泉州开幕，来自六十多个国家和地区的媒体机构代表出席。</p>"
    "<p>论坛期间，与会嘉宾围绕人工智能与媒体融合发展等议题进行了深入交流，并发布了多项合作成果。</p>"
)
JA = (
    "<p>東京都は5日、臨海部に建設していた新しい橋を開通させたと発表した。総工費は約三百億円で、通勤時間の短縮が期待される。</p>"
    "<p>開通式には知事や地元住民ら約三百人が出席し、テープカットで完成を祝った。</p>"
)


@pytest.mark.parametrize(("lang", "body"), [("zh", ZH), ("ja", JA)])
def test_articles_in_scripts_without_spaces_are_read(lang: str, body: str) -> None:
    """Two paragraphs of Chinese or Japanese were 'no article text' (4 space-separated words, under 12)."""
    text = stored_text(page(lang, "标题" if lang == "zh" else "見出し", body))
    assert len(text.split()) < 12  # what the old count saw
    assert "泉州" in text or "開通式" in text
    assert word_count(text) >= 40


def test_a_chinese_text_files_first_paragraph_is_not_its_headline() -> None:
    """One line of 60 characters without a full stop was one space-separated word: a headline."""
    lead = "第十一届世界视听媒体论坛于12月5日在福建泉州开幕，来自六十多个国家和地区的媒体机构代表出席了开幕式并围绕人工智能与媒体融合发展等议题进行交流"
    fields = parse_txt(f"{lead}\n论坛期间还发布了多项合作成果。")
    assert "title" not in fields
    assert parse_txt("世界视听媒体论坛开幕\n\n" + lead + "。")["title"] == "世界视听媒体论坛开幕"


def test_a_navigation_stub_in_chinese_is_still_no_article() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        parse_html(page("zh", "首页", "<p>首页 新闻 体育</p>"))


def test_word_count_in_any_script() -> None:
    assert word_count("The minister opened the bridge - on Monday.") == 7  # "-" is not a word
    assert word_count("وحضر الحفل نحو 3000 شخص") == 5
    assert word_count("国务院总理李强出席会议") == 6  # 11 characters, two to a word
    assert word_count("Le 15 avril, 東京都は") == 5
    assert word_count("") == 0


# -- a paragraph in a table row ---------------------------------------------------------------------------------
ROW = (
    "The ministry said on Tuesday that the new water treatment plant in the eastern district would serve about "
    "40,000 households once it opens next spring, and that the full report is published at "
    '<a href="https://www.example.gov/reports/water-2024">https://www.example.gov/reports/water-2024</a> for '
    "anyone who wants to read the figures behind the decision taken by the council."
)


def test_a_paragraph_written_as_one_table_row_with_a_link_is_kept() -> None:
    """trafilatura writes the row as '| paragraph |': two pipes and a link made it a link farm."""
    html = page(
        "en",
        "Water plant to open in spring",
        "<p>The council voted on Monday to fund the plant, after two years of debate about its cost.</p>"
        f"<table><tr><td>{ROW}</td></tr></table>"
        "<p>Work on the site begins in January, the mayor said, and will employ about 300 people.</p>",
    )
    text = stored_text(html)
    assert "water treatment plant in the eastern district" in text
    assert "https://www.example.gov/reports/water-2024" in text


def test_pipe_separated_link_footers_are_still_link_farms() -> None:
    body = "The minister opened the new bridge over the river on Monday, officials said."
    for footer in (
        "Source: <http://spam.example> | [Cheap SEO](#) | [Backlinks](#)",
        "| Home | [About us](https://example.com/about) | [Contact](https://example.com/contact) |",
    ):
        cleaned = remove_boilerplate(f"{body}\n\n{footer}")
        assert cleaned.text == body
    row = "| " + ROW.replace('<a href="https://www.example.gov/reports/water-2024">', "[").replace(
        "</a>", "](https://www.example.gov/reports/water-2024)"
    )
    assert remove_boilerplate(f"{body}\n\n{row} |").text == f"{body}\n\n{row} |"


# -- links that are the article --------------------------------------------------------------------------------
def test_a_list_of_links_that_is_the_article_is_kept() -> None:
    """A recommendations page: each item's title, then its link, one a line (trafilatura's text of <p>s)."""
    items = [
        ("Lego Star Wars 75188 Resistance Bomber", "http://amzn.to/2iJFhRj"),
        ("Polistil 960574 electric racing track", "http://amzn.to/2hZfWFJ"),
        ("Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)", "http://amzn.to/2hWEIX7"),
        ("Ghostbusters Collection 1-2 (Steelbook)", "http://amzn.to/2B4BNPS"),
        ("Polaroid 600 camera, 80s style", "http://amzn.to/2hXWsBA"),
    ]
    body = (
        "<p>Black Friday is here, and these are the offers for nostalgics of the eighties and nineties.</p>"
    )
    body += "".join(f"<p>{n}) {name}</p><p>{url}</p>" for n, (name, url) in enumerate(items, 1))
    text = stored_text(page("en", "Black Friday for nostalgics", body))
    for _, url in items:
        assert url in text


def test_sources_cited_inside_the_article_are_kept() -> None:
    text = (
        "The president said that whoever insults the companions is an ally of the enemy, in a speech on Monday.\n"
        "http://www.example-news.com/2013/02/president-speech.html\n"
        "The cleric's ruling forbids insulting the symbols of other schools, and was published in 2010.\n"
        "http://example.wordpress.com/2011/09/07/fatwa/\n"
        "Now let us look at where these insults come from, and why they began after the Prophet died."
    )
    assert remove_boilerplate(text).text == text


def test_media_links_around_the_article_are_still_removed() -> None:
    body = "The minister opened the new bridge over the river on Monday, officials said."
    for debris in ("Video - https://www.youtube.com/watch?v=abc123", "https://cdn.example.com/photo.jpg"):
        assert remove_boilerplate(f"{body}\n\n{debris}").text == body
        assert remove_boilerplate(f"{debris}\n\n{body}\n\n{body}").text == f"{body}\n\n{body}"
    labelled = "\n".join(f"{label}: http://po.st/TP_615" for label in ("Listen", "Download", "iTunes"))
    assert (
        remove_boilerplate(f"{body}\n{labelled}").text == body
    )  # a podcast's buttons, not a list of sources
