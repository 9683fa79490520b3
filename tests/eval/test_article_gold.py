"""Reading whole-article gold: the fixture set, and bad codings that must name file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.errors import BadGoldFile
from standoff.eval.article_gold import read_article_gold, read_article_set

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"

TEXT = "Mali's army detained the interim president on Monday.\n\nThe African Union condemned the arrest.\n"
CODING = """\
id: a01-test
published: 2021-05-25
style: wire
events:
  required:
    - sentence: "army detained the interim president"
      source: MLI
      target: MLI
      code: {code}
      date: 2021-05-24
      precision: day
      background: false
  acceptable:
    - sentence: "The African Union condemned the arrest."
      source: AFR
      target: MLI
      root: "11"
"""


def write(tmp_path: Path, coding: str = CODING.format(code='"1711"'), text: str = TEXT, stem: str = "a01-test") -> Path:
    (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / f"{stem}.yaml"
    path.write_text(coding, encoding="utf-8")
    return path


def test_the_fixture_set_reads_sorted_by_id() -> None:
    articles = read_article_set(FIXTURES)
    assert [a.id for a in articles] == ["a01-border-shelling", "a02-caucasus-talks", "a03-rights-report"]
    first = articles[0]
    assert first.published == date(2023, 3, 14) and first.style == "wire"
    assert [len(first.section(s)) for s in ("required", "acceptable", "forbidden")] == [4, 2, 1]
    background = first.section("required")[3]
    assert (background.root, background.code, background.date, background.precision, background.background) == (
        "19", "192", date(2022, 1, 1), "year", True)  # fmt: skip
    assert first.section("forbidden")[0].root == "19" and first.section("forbidden")[0].code is None
    torture = articles[2].section("required")[1]
    assert (torture.date, torture.precision) == (None, "unknown")


def test_codes_keep_their_leading_zero_even_unquoted(tmp_path: Path) -> None:
    act = read_article_gold(write(tmp_path, CODING.format(code="0211"))).acts[0]
    assert (act.code, act.root) == ("0211", "02")


@pytest.mark.parametrize(
    "old, new, line, message",
    [
        ('"army detained the interim president"', '"army arrested the president"', 6, "does not occur"),
        ('"army detained the interim president"', '"the"', 6, "occurs 2 times"),
        ("precision: day", "precision: fortnight", 6, "precision 'fortnight'"),
        ("date: 2021-05-24\n      precision: day", "date: 2021-05-24\n      precision: unknown", 6, "unless the precision is unknown"),
        ("      precision: day\n", "", 6, 'needs "precision"'),
        ("source: MLI", "source: Mali", 6, "three-letter code"),
        ('root: "11"', 'root: "21"', 14, "not a CAMEO root"),
        ("date: 2021-05-24", "date: 24/05/2021", 6, "is not a date"),
        ("background: false", "background: maybe", 6, "true or false"),
        ("style: wire", "style: blog", 1, "style 'blog'"),
        ("id: a01-test", "id: a02-other", 1, "file stem"),
        ("      target: MLI\n      code", "      target: MLI\n      target: MLI\n      code", 9, "duplicate key 'target'"),
        ("  acceptable:", "  maybe:", 5, "unknown event lists"),  # the line where the lists begin
        ("      precision: day", "      precision: [day", 12, "not valid YAML"),
    ],
)
def test_bad_codings_name_file_and_line(tmp_path: Path, old: str, new: str, line: int | None, message: str) -> None:
    coding = CODING.format(code='"1711"')
    assert old in coding
    path = write(tmp_path, coding.replace(old, new, 1))
    with pytest.raises(BadGoldFile, match=message) as info:
        read_article_gold(path)
    assert info.value.file == str(path)
    if line is not None:
        assert info.value.line == line


def test_a_text_without_coding_and_an_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(BadGoldFile, match="no article gold"):
        read_article_set(tmp_path)
    write(tmp_path)
    (tmp_path / "a02-uncoded.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(BadGoldFile, match="a02-uncoded.txt has no coding"):
        read_article_set(tmp_path)
