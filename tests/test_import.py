"""Importing standoff, and reading input with it, leaves the process as it was."""

from __future__ import annotations

import os
import subprocess
import sys

# Run in a fresh interpreter: the test process has imported (and configured) everything already.
_PROGRAM = """
import codecs, csv, os, sys
before = (dict(os.environ), csv.field_size_limit())
import standoff, standoff.pipeline, standoff.runners.local, standoff.text.readers
from standoff.text.readers import iter_inputs
assert "numpy" in sys.modules  # the coder's modules were loaded
items = list(iter_inputs([sys.argv[1], sys.argv[2]]))
assert [type(item).__name__ for item in items] == ["Article", "Article"], items
assert (dict(os.environ), csv.field_size_limit()) == before
try:
    codecs.lookup_error("standoff-cp1252")
except LookupError:
    print("unchanged")
"""


def test_import_and_reading_change_nothing_in_the_process(tmp_path):
    csv_file = tmp_path / "feed.csv"
    csv_file.write_text("id,text\na," + "Ships left the port. " * 10_000 + "\n", encoding="utf-8")  # a field over csv's limit
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Talks in Caf\u00e9 Central ended on Monday.".encode("cp1252"))  # read through the Windows-1252 fallback
    environment = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run([sys.executable, "-c", _PROGRAM, str(csv_file), str(latin)], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "unchanged"
