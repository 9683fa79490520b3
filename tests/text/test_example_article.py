from standoff.examples import EXAMPLE_DATE, example_path
from standoff.text.clean import clean_text
from standoff.text.dates import find_dates
from standoff.text.quotes import find_quotes


def _cleaned():
    return clean_text(example_path().read_text(encoding="utf-8"))


def test_example_is_bundled_with_its_date():
    assert example_path().is_file()
    assert EXAMPLE_DATE.weekday() == 4  # a Friday, so "on Friday" is the publication day


def test_example_noise_lines_are_removed():
    raw_lines = example_path().read_text(encoding="utf-8").splitlines()
    removed = _cleaned().removed
    assert removed[0] == raw_lines[0] and removed[1] == raw_lines[1]  # caption and its credited copy
    assert [line.split()[0] for line in removed[2:]] == ["By", "Read", "(Harbour"]
    text = _cleaned().text
    assert "Shoal\n" not in text and "AFP" not in text
    assert "Read more" not in text and "desk is following" not in text


def test_example_news_lines_are_kept():
    text = _cleaned().text
    assert text.startswith("MANILA (Harbour Wire) - The Philippines accused China on Friday")
    assert text.endswith("expected the shoal to dominate the talks.")
    assert len(text.split("\n\n")) == 12
    assert "China denied the accusation." in text


def test_example_quotes_and_dates_resolve():
    text = _cleaned().text
    quotes = [q.text for q in find_quotes(text)]
    assert "If the Philippine side keeps up its provocations, China will take every necessary measure to defend its sovereignty," in quotes
    lead = text.split("\n\n")[0]
    assert [(m.text, m.date) for m in find_dates(lead, EXAMPLE_DATE)] == [("Friday", EXAMPLE_DATE)]
