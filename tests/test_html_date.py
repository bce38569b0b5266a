"""An HTML page's date: from its metadata, never from a "© 2022" footer."""

from pathlib import Path

import pytest
from lxml import html as lxml_html

from workbench.corpus.html_date import iso_date, published_date
from workbench.corpus.readers import read_file

FIXTURE = Path(__file__).parent / "data" / "copyright_footer.html"


def page_with(head: str = "", body_extra: str = "") -> str:
    """The fixture page with extra markup in <head> and at the top of the article."""
    page = FIXTURE.read_text(encoding="utf-8")
    return page.replace("</head>", head + "</head>").replace("<article>", "<article>" + body_extra)


def read_html(tmp_path, text: str):
    path = tmp_path / "page.html"
    path.write_text(text, encoding="utf-8")
    articles, _ = read_file(path)
    return articles[0]


def test_copyright_footer_is_not_a_date(tmp_path):
    article = read_html(tmp_path, FIXTURE.read_text(encoding="utf-8"))
    assert "prison de Hassaké" in article.text and "Tous droits" not in article.text
    assert article.date is None


@pytest.mark.parametrize("head,body,expected", [
    ('<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">', "", "2024-03-05"),
    ('<meta name="date" content="2023-07-14">', "", "2023-07-14"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},'
     ' {"@type": "NewsArticle", "dateModified": "2022-12-31", "datePublished": "2021-06-07T08:00:00Z"}]}'
     '</script>', "", "2021-06-07"),
    ("", '<time datetime="2023-11-02T09:30">2 novembre 2023</time>', "2023-11-02"),
    # the published time wins over a modified time, and over <time> in the page
    ('<meta property="article:modified_time" content="2024-05-01">'
     '<meta property="article:published_time" content="2024-04-30">',
     '<time datetime="2020-01-01">1er janvier 2020</time>', "2024-04-30"),
])
def test_date_from_metadata(tmp_path, head, body, expected):
    assert read_html(tmp_path, page_with(head, body)).date == expected


def test_bad_metadata_values_are_skipped():
    root = lxml_html.fromstring(
        '<html><head><meta property="article:published_time" content="2024-02-30">'
        '<script type="application/ld+json">{not json</script></head>'
        '<body><time datetime="hier">hier</time><time datetime="2022-05-06">6 mai</time></body></html>')
    assert published_date(root) == "2022-05-06"
    assert iso_date("2022-01-01T00:00:00Z") == "2022-01-01"
    assert iso_date("© 2022") is None and iso_date(None) is None
