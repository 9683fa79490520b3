import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.errors import (
    BadDate,
    BadEncoding,
    EmptyArticle,
    InputNotFound,
    MalformedRecord,
    TooLarge,
    UnreadableInput,
    UnsupportedInput,
)
from standoff.model import Article, DateSource
from standoff.text.readers import ReadOptions, parse_date, read_articles

DAY = date(2023, 6, 16)


def _jsonl(tmp_path, *records, name="batch.jsonl"):
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_txt_is_one_cleaned_article(tmp_path):
    path = tmp_path / "shoal-report.txt"
    path.write_bytes("\ufeffBy Jane Smith\r\n\r\nShips left.  \r\n".encode())
    assert list(read_articles([str(path)], default_date=DAY)) == [
        Article(id="shoal-report", text="Ships left.", published=DAY, date_source=DateSource.FALLBACK)
    ]


def test_jsonl_records_with_dates_and_metadata(tmp_path):
    path = _jsonl(
        tmp_path,
        {"id": "a", "text": "One.", "date": "2017-09-01", "title": "T", "url": "http://x", "source": "S"},
        "",
        {"id": "b", "text": "Two.", "published": "2017-09-02T08:30:00Z"},
        {"id": 3, "text": "Three.", "date": "20170903"},
        {"id": "d", "text": "Four.", "published": 20170904},
        {"id": "e", "text": "Five."},
    )
    articles = list(read_articles([path], default_date=DAY))
    assert articles[0] == Article("a", "One.", date(2017, 9, 1), title="T", url="http://x", source="S", date_source=DateSource.RECORD)
    assert [(a.id, a.published) for a in articles[1:]] == [
        ("b", date(2017, 9, 2)),
        ("3", date(2017, 9, 3)),
        ("d", date(2017, 9, 4)),
        ("e", DAY),
    ]


def test_jsonl_text_is_cleaned(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "text": "By Jane Smith\n\nShips left.\n\nREAD MORE"})
    assert next(read_articles([path])).text == "Ships left."


def test_paths_are_read_in_order(tmp_path):
    txt = tmp_path / "first.txt"
    txt.write_text("First.", encoding="utf-8")
    path = _jsonl(tmp_path, {"id": "second", "text": "Second."})
    assert [a.id for a in read_articles([str(txt), path])] == ["first", "second"]


def test_stdin_text_stream():
    articles = list(read_articles(["-"], default_date=DAY, stdin=io.StringIO("Ships left.\n")))
    assert articles == [Article(id="stdin", text="Ships left.", published=DAY, date_source=DateSource.FALLBACK)]


def test_stdin_byte_stream_follows_the_file_rules():
    good = io.TextIOWrapper(io.BytesIO("\ufeffCaf\u00e9 talks.".encode()), encoding="utf-8")
    assert next(read_articles(["-"], stdin=good)).text == "Caf\u00e9 talks."
    latin = io.TextIOWrapper(io.BytesIO(b"Line one.\nCaf\xe9 talks."), encoding="utf-8")
    assert next(read_articles(["-"], stdin=latin)).text == "Line one.\nCaf\u00e9 talks."
    binary = io.TextIOWrapper(io.BytesIO(b"Line one.\n\x00\x01\x02"), encoding="utf-8")
    with pytest.raises(UnreadableInput, match=r"\[E103\] -: binary"):
        list(read_articles(["-"], stdin=binary))


def test_missing_path_fails_before_any_article_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(InputNotFound) as info:
        read_articles([str(good), missing])
    assert info.value.file == missing and missing in str(info.value)


@pytest.mark.parametrize("name", ["articles.xml", "notes.txt.zip", "archive.gz", ".txt"])
def test_unsupported_input(tmp_path, name):
    path = tmp_path / name
    path.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(UnsupportedInput, match=str(path)):
        read_articles([str(path)])


@pytest.mark.parametrize(
    "bad_line",
    [
        "{not json",
        '["a", "list"]',
        '{"text": "No id."}',
        '{"id": "x"}',
        '{"id": "x", "text": 5}',
        '{"id": true, "text": "Bool id."}',
        '{"id": "x", "text": "T", "title": 7}',
    ],
)
def test_malformed_record_names_file_and_line(tmp_path, bad_line):
    path = _jsonl(tmp_path, {"id": "ok", "text": "Fine."}, bad_line)
    articles = read_articles([path])
    assert next(articles).id == "ok"
    with pytest.raises(MalformedRecord) as info:
        next(articles)
    assert (info.value.file, info.value.line) == (path, 2)
    assert f"{path}:2:" in str(info.value)


@pytest.mark.parametrize("value", ['"01/09/2017"', '"yesterday"', '"2017-02-30"', "[2017]"])
def test_bad_date_names_file_and_line(tmp_path, value):
    path = _jsonl(tmp_path, {"id": "a", "text": "A."}, "", f'{{"id": "b", "text": "B.", "date": {value}}}')
    with pytest.raises(BadDate, match=rf"{path}:3:"):
        list(read_articles([path]))


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_undecodable_bytes_name_file_and_line(tmp_path, suffix):
    # 0x81 is undefined in Windows-1252 too: there is no honest way to read it.
    path = tmp_path / f"latin{suffix}"
    path.write_bytes(b'{"id": "a", "text": "fine"}\n{"id": "b", "text": "caf\x81"}\n')
    with pytest.raises(BadEncoding) as info:
        list(read_articles([str(path)]))
    assert (info.value.file, info.value.line) == (str(path), 2)
    assert f"{path}:2:" in str(info.value)


def test_raises_the_first_problem_after_the_good_articles(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "text": "Fine."}, {"id": "b", "text": "  "}, {"id": "c", "text": "Never."})
    articles = read_articles([path])
    assert next(articles).id == "a"
    with pytest.raises(EmptyArticle, match=rf"{path}:2:"):
        next(articles)


def test_options_are_kept_and_arguments_win(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x" * 50, encoding="utf-8")
    with pytest.raises(TooLarge):
        list(read_articles([str(path)], DAY, options=ReadOptions(max_bytes=10, default_date=date(2000, 1, 1))))
    (article,) = read_articles([str(path)], DAY, options=ReadOptions(default_date=date(2000, 1, 1)))
    assert article.published == DAY


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-09-01", date(2017, 9, 1)),
        (" 2017-09-01 ", date(2017, 9, 1)),
        ("20170901", date(2017, 9, 1)),
        ("2017-09-01T23:30:00", date(2017, 9, 1)),
        ("2017-09-01T23:30:00+09:00", date(2017, 9, 1)),
        ("2017-09-01T08:30:00Z", date(2017, 9, 1)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "Sept 1", "2017-13-01", "20171301", "1.9.2017"])
def test_parse_date_rejects(value):
    with pytest.raises(BadDate, match="YYYY-MM-DD"):
        parse_date(value)


@given(st.text(max_size=30))
def test_parse_date_returns_a_date_or_raises_bad_date(value):
    try:
        assert isinstance(parse_date(value), date)
    except BadDate:
        pass
