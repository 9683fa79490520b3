"""Convert the Phoenix actor and agent dictionaries into the files standoff ships
(src/standoff/actors/data/phoenix/; the format is described in standoff/actors/imported.py).

Run once by hand when the dictionaries should change, never at install time. The input is the
folder of dictionaries PETRARCH2 ships (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf,
``petrarch2/data/dictionaries/``, MIT licence):

    python tools/phoenix_dictionaries.py path/to/dictionaries

Every entry is kept with all its names and dated roles. A line the reader cannot take (a
handful of typing slips, such as "[ARMUNR 9008223-911221]") is left out and listed, with its
file and line, in the output and in NOTICE; a line that is not valid UTF-8 is read as
Windows-1252 and counted. The same input makes the same files byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from standoff.actors.imported import actor_lines, agent_lines
from standoff.actors.petrarch import read_actor_entries, read_agent_entries
from standoff.errors import BadDictionary

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "standoff"
OUT = PACKAGE / "actors" / "data" / "phoenix"
ORIGIN = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/"
# source file -> converted file, in the order they stack (an earlier file's name wins)
ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries.tsv",
    "Phoenix.International.actors.txt": "international.tsv",
    "Phoenix.MilNonState.actors.txt": "nonstate.tsv",
}
AGENT_FILES = {"Phoenix.agents.txt": "agents.tsv"}
HEADER = "# kind\tnames\tcode\troles\tline"


def decoded(path: Path) -> tuple[str, int]:
    """The file's text, and how many of its lines were not UTF-8 (read as Windows-1252)."""
    lines, fallback = [], 0
    for raw in path.read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            fallback += 1
    return "\n".join(lines), fallback


def convert(source: Path, target: Path, agents: bool) -> tuple[int, int, list[BadDictionary]]:
    """Write one converted file; (entries written, lines read as Windows-1252, lines left out)."""
    text, fallback = decoded(source)
    skipped: list[BadDictionary] = []
    if agents:
        lines = list(agent_lines(read_agent_entries(text, source.name, skipped)))
    else:
        lines = list(actor_lines(read_actor_entries(text, source.name, skipped)))
    header = [f"# {source.name} from {ORIGIN}", "# converted by tools/phoenix_dictionaries.py; MIT licence, see NOTICE", HEADER]
    target.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return len(lines), fallback, skipped


def notice(licence: str, skipped: list[BadDictionary]) -> str:
    left_out = "\n".join(f"  {error.file}:{error.line}: {error.message}" for error in skipped) or "  none"
    return (
        "countries.tsv, international.tsv, nonstate.tsv and agents.tsv are the actor and agent\n"
        "dictionaries of the Phoenix event data set (Phoenix.Countries.actors.txt,\n"
        "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt, Phoenix.agents.txt), as\n"
        f"PETRARCH2 ships them ({ORIGIN}),\n"
        "converted by tools/phoenix_dictionaries.py in the standoff repository: the same entries, names,\n"
        "codes and dated roles, one entry per line. They are covered by this licence:\n\n"
        f"{licence.strip()}\n\n"
        "Lines of the dictionaries the converter could not read, left out:\n"
        f"{left_out}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dictionaries", type=Path, help="the folder holding the Phoenix dictionaries and their LICENSE")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    skipped: list[BadDictionary] = []
    for files, agents in ((ACTOR_FILES, False), (AGENT_FILES, True)):
        for source, target in files.items():
            written, fallback, left_out = convert(args.dictionaries / source, OUT / target, agents)
            skipped += left_out
            print(f"{source}: {written} entries -> {target}; {fallback} lines read as Windows-1252, {len(left_out)} left out")
    licence = (args.dictionaries / "LICENSE").read_text(encoding="utf-8")
    (OUT / "NOTICE").write_text(notice(licence, skipped), encoding="utf-8")
    for error in skipped:
        print(f"  left out {error.file}:{error.line}: {error.message}")


if __name__ == "__main__":
    main()
