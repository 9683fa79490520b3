"""iter_inputs: bad input becomes a Failure, and the batch goes on."""

import codecs
import gzip
import json
import logging
import tracemalloc

import pytest

from standoff.errors import StandoffError
from standoff.model import Article, Failure
from standoff.text.readers import ReadOptions, iter_inputs, read_articles

ENGLISH = (
    "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart on Tuesday and said the two "
    "countries would oppose any new sanctions against North Korea, which has carried out a series of "
    "missile tests this year in defiance of the United Nations."
)
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue chinois et a déclaré que les "
    "deux pays s'opposeraient à de nouvelles sanctions contre la Corée du Nord, qui a procédé cette "
    "année à une série d'essais de missiles en dépit des résolutions des Nations unies."
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров во вторник встретился со своим китайским коллегой "
    "и заявил, что обе страны выступят против новых санкций в отношении Северной Кореи."
)


def _codes(items):
    return [item.code if isinstance(item, Failure) else item.id for item in items]


def _jsonl(path, *lines):
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines), "utf-8")
    return str(path)


def test_every_kind_of_bad_input_is_a_failure_and_the_batch_goes_on(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "french.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "huge.txt").write_text("Ships left. " * 100, encoding="utf-8")
    (tmp_path / "noise.txt").write_bytes(bytes([0x81, 0x8D, 0x41]) * 50)
    (tmp_path / "page.html").write_text("<script>alert('x')</script><p>Ships left.</p>", encoding="utf-8")
    (tmp_path / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "table.csv").write_text("title,body\nT,Ships left.\n", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.jsonl")], ReadOptions(max_bytes=1000)))
    assert _codes(items) == ["E103", "E203", "E206", "good", "E205", "E202", "page", "E206", "E104", "E101"]
    assert all(f.stage == "read" and f.file and f.message for f in items if isinstance(f, Failure))
    assert items[0].article_id == "binary" and items[-1].article_id is None


def test_malformed_json_lines_fail_one_by_one(tmp_path):
    path = _jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a", "text": "One."},
        "{not json",
        "[" * 100_000 + "]" * 100_000,
        '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",
        '{"id": "s", "text": "bad \\ud800 surrogate"}',
        {"id": "b", "text": "Two."},
    )
    failures = [(f.code, f.line, f.article_id) for f in iter_inputs([path]) if isinstance(f, Failure)]
    assert failures == [("E201", 2, None), ("E201", 3, None), ("E201", 4, None), ("E202", 5, "s")]
    assert [a.id for a in iter_inputs([path]) if isinstance(a, Article)] == ["a", "b"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_unicode_files_with_a_byte_order_mark(tmp_path, encoding):
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-8-sig": b""}.get(encoding, b"")
    for name, content in [("a.txt", "Caf\u00e9 talks."), ("b.jsonl", '{"id": "j", "text": "Caf\u00e9 talks."}\n'), ("c.csv", "id,text\nc,Caf\u00e9 talks.\n")]:
        (tmp_path / name).write_bytes(bom + content.encode(encoding))
    items = list(iter_inputs([str(tmp_path)]))
    assert [(a.id, a.text) for a in items] == [("a", "Caf\u00e9 talks."), ("j", "Caf\u00e9 talks."), ("c", "Caf\u00e9 talks.")]


def test_windows_1252_is_read_and_reported(tmp_path, caplog):
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 \u201cLe Monde\u201d \u2013 Paris.".encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        (article,) = iter_inputs([str(path)])
    assert article.text == "The caf\u00e9 \u201cLe Monde\u201d \u2013 Paris."
    assert f"{path}: not UTF-8; read as Windows-1252" in caplog.text


def test_mixed_encodings_are_read_per_byte_run_and_per_line(tmp_path, caplog):
    txt = tmp_path / "mixed.txt"
    txt.write_bytes("Caf\u00e9 one, ".encode() + "caf\u00e9 two.".encode("cp1252"))
    feed = tmp_path / "mixed.jsonl"
    feed.write_bytes(
        b'{"id": "u", "text": "Caf\xc3\xa9."}\n{"id": "w", "text": "Caf\xe9."}\n{"id": "x", "text": "\x81\x8d."}\n'
    )
    with caplog.at_level(logging.WARNING):
        items = list(iter_inputs([str(txt), str(feed)]))
    assert [i.text if isinstance(i, Article) else i.code for i in items] == ["Caf\u00e9 one, caf\u00e9 two.", "Caf\u00e9.", "Caf\u00e9.", "E202"]
    assert items[-1].line == 3
    assert "UTF-8 mixed with Windows-1252" in caplog.text and f"{feed}:2: not UTF-8" in caplog.text


def test_binary_data_inside_a_line_format_is_one_failure(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 10_000)
    assert _codes(iter_inputs([str(path)])) == ["E103"]


def test_non_english_failure_names_the_language(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", {"id": "fr", "text": FRENCH}, {"id": "ru", "text": RUSSIAN})
    messages = [f.message for f in iter_inputs([path])]
    assert "French" in messages[0] and "Cyrillic" in messages[1]
    assert all(f.code == "E206" for f in iter_inputs([path]))
    assert [a.id for a in iter_inputs([path], ReadOptions(english_only=False))] == ["fr", "ru"]


def test_stdin_failures_carry_the_stdin_id(tmp_path):
    import io

    stream = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    (failure,) = iter_inputs(["-"], ReadOptions(stdin=stream))
    assert (failure.article_id, failure.code, failure.file) == ("stdin", "E203", "-")


# -- size and memory ----------------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


def _peak(paths, options=None):
    tracemalloc.start()
    try:
        items = list(iter_inputs(paths, options))
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_fifty_megabyte_inputs_are_refused_without_reading_them_whole(tmp_path):
    line = json.dumps({"id": "huge", "text": "Ships left. " * (FIFTY_MB // 12)})
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "a", "text": "Before."}, line, {"id": "b", "text": "After."})
    txt = tmp_path / "huge.txt"
    txt.write_text("Ships left. " * (FIFTY_MB // 12), encoding="utf-8")
    packed = tmp_path / "huge.txt.gz"
    packed.write_bytes(gzip.compress(b"Ships left. " * (FIFTY_MB // 12), compresslevel=1))
    items, peak = _peak([feed, str(txt), str(packed)])
    assert _codes(items) == ["a", "E205", "b", "E205", "E205"]
    assert (items[1].line, items[3].article_id) == (2, "huge")
    assert peak < 16 * 1024 * 1024  # the 5 MB limit and read buffers, never the 50 MB


def test_an_article_under_the_limit_is_read_once(tmp_path):
    txt = tmp_path / "long.txt"
    text = ("Ships left the port on Monday. " * 20 + "\n\n") * 7000  # 4.3 MB in paragraphs
    txt.write_text(text, encoding="utf-8")
    items, peak = _peak([str(txt)])
    assert items[0].text.count("\n\n") == 6999
    assert peak < 6 * len(text)  # bytes, decoded text and the cleaner's working copies, no more


# -- what a failure says, and what it costs ----------------------------------------------------


def test_a_truncated_json_line_says_where_it_stops(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "a", "text": "Talks fail\n{"id": 1,\n', encoding="utf-8")
    first, second = iter_inputs([str(path)])
    assert first.message == "not valid JSON (Unterminated string starting at column 21)"
    assert second.message == "not valid JSON (Expecting property name enclosed in double quotes at column 10)"


def test_a_nul_byte_in_one_line_costs_that_line_only(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": ENGLISH}), '{"id": "b", "text": "Ships\x00 left."}', json.dumps({"id": "c", "text": ENGLISH})]
    path.write_bytes("\n".join(lines).encode("utf-8") + b"\n" + b"\x00" * 4096 + b"\n")  # and a block of zeros after a crash
    items = list(iter_inputs([str(path)]))
    assert _codes(items) == ["a", "E103", "c", "E103"]
    assert [item.line for item in items if isinstance(item, Failure)] == [2, 4]


def test_a_symbolic_link_loop_is_called_one(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (failure,) = iter_inputs([str(loop)])
    assert failure.code == "E103" and "leads back to itself" in failure.message
    with pytest.raises(StandoffError, match=r"\[E103\] .*loop\.txt: a symbolic link that leads back to itself"):
        read_articles([str(loop)])  # what `standoff code` checks before reading anything


def test_an_unclosed_csv_quote_is_reported_on_its_row_and_the_next_rows_are_read(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,date,text\na,2017-09-01,Fine.\nb,2017-09-02,"Talks began.\nc,2017-09-03,China agreed.\nd,2017-09-04,"Iran left." today\ne,2017-09-05,Last.\n',
        encoding="utf-8",
    )
    items = list(iter_inputs([str(path)]))
    assert _codes(items) == ["a", "E201", "c", "E201", "e"]
    assert [(f.line, "bad quoting" in f.message) for f in items if isinstance(f, Failure)] == [(3, True), (5, True)]
    assert items[2].text == "China agreed." and items[2].published.isoformat() == "2017-09-03"
