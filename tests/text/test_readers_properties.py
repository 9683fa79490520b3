"""Property tests: whatever the bytes, readers yield articles and failures, and never crash."""

import csv
import gzip
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standoff.errors import StandoffError
from standoff.model import Article, Failure
from standoff.text.clean import clean_text
from standoff.text.readers import ReadOptions, iter_inputs, read_articles

SMALL = ReadOptions(max_bytes=2000)

# Bytes that look a little like the formats, so the readers get past their first checks.
_FRAGMENTS = st.sampled_from(
    [b"\n", b"\r\n", b"\n\n", b'"', b",", b";", b"{", b"}", b'{"id": 1, "text": "', b'"}', b"id,text\n", b"id,date,text\n",
     b"2017-09-01", b"<p>", b"</p>", b"<script>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b'<a href="', b">", b"<article>",
     b'<meta charset="latin-1">', b"&amp;", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xe9", b"\x81", b"\xc3\xa9", b"\x00",
     b"Ships left the port. ", b"Photo: AFP", b"By Jane Smith"]
)  # fmt: skip
_BYTES = st.one_of(st.binary(max_size=300), st.lists(st.one_of(_FRAGMENTS, st.binary(max_size=8)), max_size=30).map(b"".join))

# Fuzzing: at least 10,000 generated inputs per reader, kept small so that each reader's run
# stays under a minute (13 to 35 s each on a busy 2-core VM, 2026-12).
FUZZ = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
READERS = {
    "txt": ["a.txt"],
    "jsonl": ["a.jsonl"],
    "csv": ["a.csv"],
    "html": ["a.html", "a.htm"],
    "gz": ["a.txt.gz", "a.jsonl.gz", "a.csv.gz", "a.html.gz"],
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("random")


def _plain(text):
    """The text as the readers pass it to the cleaner: invisible control characters removed."""
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", "", text.replace("\x0c", "\n"))


@pytest.mark.parametrize("reader", READERS)
@FUZZ
@given(data=_BYTES, choice=st.integers(0, 3), packed=st.booleans())
def test_random_bytes_give_articles_or_failures(folder, reader, data, choice, packed):
    name = READERS[reader][choice % len(READERS[reader])]
    path = str(folder / name)
    # packed=False on a .gz name writes the raw bytes: a broken archive.
    (folder / name).write_bytes(gzip.compress(data) if packed and name.endswith(".gz") else data)
    items = list(iter_inputs([path], SMALL))
    assert all(isinstance(item, Article | Failure) for item in items)
    for item in items:
        if isinstance(item, Failure):
            assert item.code.startswith("E") and item.stage == "read" and item.file == path
        else:
            assert item.text.strip() and item.id
    try:
        raised = list(read_articles([path], options=SMALL))
    except StandoffError:
        return
    assert raised == items


@FUZZ
@given(data=_BYTES)
def test_random_bytes_on_stdin(data):
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    (item,) = iter_inputs(["-"], ReadOptions(stdin=stream, max_bytes=2000))
    assert isinstance(item, Article | Failure)
    if isinstance(item, Failure):
        assert item.code.startswith("E") and item.file == "-"


@FUZZ
@given(text=st.text(max_size=300) | st.lists(st.sampled_from(["\n", "\u2029", "\x00", "\ufeff", "caf\u00e9", "Ships left the port. ", "Photo: AFP", "\ud800"]), max_size=30).map("".join))
def test_random_text_on_stdin(text):
    # A text stream without a byte buffer under it, as a caller may pass: read as text, same checks.
    (item,) = iter_inputs(["-"], ReadOptions(stdin=io.StringIO(text), max_bytes=2000))
    assert isinstance(item, Article | Failure)
    if isinstance(item, Article):
        assert item.text.strip() and "\x00" not in item.text


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=10), st.integers(), st.booleans(), _JSON),
        "text": st.one_of(st.text(max_size=200), _JSON),
        "date": st.one_of(st.dates().map(str), st.text(max_size=12), _JSON),
        "title": st.one_of(st.text(max_size=20), _JSON),
    },
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(values=st.lists(st.one_of(_JSON, _RECORD), min_size=1, max_size=12))
def test_random_json_lines_give_one_item_per_line(folder, values):
    path = folder / "random.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in values), encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert len(items) == len(values)
    for number, (value, item) in enumerate(zip(values, items, strict=True), start=1):
        if isinstance(item, Article):
            assert item.id == str(value["id"]) and item.text == clean_text(_plain(value["text"])).text
        else:
            assert item.line == number


_CELL = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=100)
@given(rows=st.lists(st.tuples(st.text(alphabet="abc123", min_size=1, max_size=5), _CELL), max_size=10))
def test_random_csv_rows_round_trip(folder, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    path = folder / "random.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    items = list(iter_inputs([str(path)], ReadOptions(english_only=False)))
    kept = [row for row in rows if any(cell.strip() for cell in row)]
    assert [getattr(item, "id", None) or item.article_id for item in items] == [row[0] for row in kept]
    for (_, text), item in zip(kept, items, strict=True):
        if isinstance(item, Article):
            assert item.text == clean_text(text).text
        else:
            assert item.code == "E203" and not clean_text(text).text.strip()
