"""CSV, HTML, gzipped and folder input."""

import gzip
import json
from datetime import date

import pytest

from standoff.errors import MissingColumn
from standoff.model import Article, DateSource, Failure
from standoff.text.readers import ReadOptions, input_files, iter_inputs, read_articles

DAY = date(2023, 6, 16)

PAGE = """<!doctype html>
<html><head>
<title>Border talks stall | The Daily Planet</title>
<meta property="og:title" content="Border talks stall">
<meta property="article:published_time" content="2017-09-01T23:30:00-05:00">
<meta property="og:site_name" content="The Daily Planet">
<link rel="canonical" href="https://example.org/world/border-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border talks stall</h1>
<p>Negotiators from both countries met in Geneva on Friday.</p>
<script>document.write("Subscribe today")</script>
<p>They agreed to meet again next month, an official said.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>"""


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- CSV ----------------------------------------------------------------------------------


def test_csv_rows_with_default_columns(tmp_path):
    path = _write(
        tmp_path / "feed.csv",
        "id,title,text,published,url,source\n"
        'a,Talks,"Ships left, slowly.\nThen they came back.",2017-09-01,http://x/a,Wire\n'
        "\n"
        "b,,Second story.,,,\n",
    )
    articles = list(read_articles([str(path)], default_date=DAY))
    assert articles == [
        Article("a", "Ships left, slowly.\nThen they came back.", date(2017, 9, 1), "Talks", "http://x/a", "Wire", DateSource.RECORD),
        Article("b", "Second story.", DAY, date_source=DateSource.FALLBACK),
    ]


def test_csv_named_columns_and_other_delimiters(tmp_path):
    path = _write(tmp_path / "feed.csv", "Body;Key;Day\nShips left.;k1;20170901\n")
    options = ReadOptions(text_column="body", id_column="key", date_column="day")
    assert list(iter_inputs([str(path)], options)) == [Article("k1", "Ships left.", date(2017, 9, 1), date_source=DateSource.RECORD)]


def test_csv_without_id_column_numbers_rows_by_line(tmp_path):
    path = _write(tmp_path / "sub" / "feed.csv", 'text\n"Two\nlines."\nNext.\n')
    assert [a.id for a in iter_inputs([str(tmp_path)])] == ["sub/feed#2", "sub/feed#4"]


@pytest.mark.parametrize(
    ("options", "missing"),
    [(ReadOptions(), "text"), (ReadOptions(text_column="story", id_column="key"), "key")],
)
def test_csv_missing_column_names_file_and_columns_present(tmp_path, options, missing):
    path = _write(tmp_path / "feed.csv", "story,title\nShips left.,T\n")
    with pytest.raises(MissingColumn) as info:
        list(read_articles([str(path)], options=options))
    assert info.value.file == str(path)
    assert f"'{missing}'" in info.value.message and "'story', 'title'" in info.value.message


def test_csv_bad_rows_are_failures_and_good_rows_go_on(tmp_path):
    path = _write(tmp_path / "feed.csv", "id,text,date\na,Fine.,2017-09-01\nb\nc,Dated.,not a date\n,No id.,\nd,Last.,\n")
    items = list(iter_inputs([str(path)]))
    assert [item.id for item in items if isinstance(item, Article)] == ["a", "d"]
    failures = [(f.article_id, f.code, f.line) for f in items if isinstance(f, Failure)]
    assert failures == [("b", "E201", 3), ("c", "E204", 4), (None, "E201", 5)]


def test_csv_row_larger_than_the_limit_is_skipped_and_quoting_stays_in_step(tmp_path):
    big = '"' + "word " * 100 + '\n' + "more " * 100 + '"'
    path = _write(tmp_path / "feed.csv", f"id,text\na,Before.\nb,{big}\nc,After.\n")
    items = list(iter_inputs([str(path)], ReadOptions(max_bytes=300)))
    assert [(type(i).__name__, getattr(i, "id", None) or i.code) for i in items] == [
        ("Article", "a"),
        ("Failure", "E205"),
        ("Article", "c"),
    ]


# -- HTML ---------------------------------------------------------------------------------


def test_html_page_gives_body_title_date_url_and_site(tmp_path):
    path = _write(tmp_path / "talks.html", PAGE)
    (article,) = read_articles([str(path)], default_date=DAY)
    assert article == Article(
        id="talks",
        text="Negotiators from both countries met in Geneva on Friday.\n\n"
        "They agreed to meet again next month, an official said.",
        published=date(2017, 9, 1),
        title="Border talks stall",
        url="https://example.org/world/border-talks",
        source="The Daily Planet",
        date_source=DateSource.PAGE,  # the page's own date wins over the fallback
    )


def test_html_without_date_uses_the_default_and_honours_declared_charset(tmp_path):
    path = tmp_path / "page.htm"
    page = '<html><head><meta charset="koi8-r"></head><body><p>Ships left Vladivostok.</p></body></html>'
    path.write_bytes(page.encode("koi8-r"))
    assert list(read_articles([str(path)], default_date=DAY)) == [Article("page", "Ships left Vladivostok.", DAY, date_source=DateSource.FALLBACK)]


def test_html_page_without_text_is_an_empty_article(tmp_path):
    path = _write(tmp_path / "blank.html", "<html><script>alert('x')</script><style>p{}</style></html>")
    (failure,) = iter_inputs([str(path)])
    assert (failure.article_id, failure.code) == ("blank", "E203")


# -- gzip ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt.gz", "Ships left.", ["a"]),
        ("a.jsonl.gz", json.dumps({"id": "j1", "text": "Ships left."}) + "\n", ["j1"]),
        ("a.csv.gz", "id,text\nc1,Ships left.\n", ["c1"]),
        ("a.html.gz", "<p>Ships left.</p>", ["a"]),
        ("A.TXT.GZ", "Ships left.", ["A"]),
    ],
)
def test_gzipped_inputs(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    assert [a.id for a in read_articles([str(path)])] == expected


def test_broken_gzip_is_one_failure(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    data = gzip.compress((json.dumps({"id": "x", "text": "Ships left."}) + "\n").encode() * 2000)
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_inputs([str(path)]))
    assert all(isinstance(i, Article) for i in items[:-1])
    assert (items[-1].code, items[-1].file) == ("E103", str(path))


# -- folders ------------------------------------------------------------------------------


def test_folder_is_read_recursively_sorted_with_relative_ids(tmp_path):
    root = tmp_path / "archive"
    _write(root / "b.txt", "Second.")
    _write(root / "a.txt", "First.")
    _write(root / "2017" / "a.txt", "Same name, other folder.")
    _write(root / "2017" / "page.html", "<p>From a page.</p>")
    _write(root / "2017" / "notes.md", "Not an input.")
    _write(root / ".cache" / "c.txt", "Hidden folder.")
    _write(root / ".d.txt", "Hidden file.")
    _write(root / "feed.jsonl", json.dumps({"id": "j", "text": "From JSON."}) + "\n")
    ids = [a.id for a in read_articles([str(root)])]
    assert ids == ["a", "b", "j", "2017/a", "2017/page"]
    assert [f.article_id for f in input_files(str(root))] == ["a", "b", "feed", "2017/a", "2017/page"]


def test_files_named_directly_keep_their_stem_as_id(tmp_path):
    path = _write(tmp_path / "deep" / "story.v2.txt", "Ships left.")
    assert [a.id for a in read_articles([str(path)])] == ["story.v2"]
