"""Convert the Phoenix actor, agent and discard dictionaries into the files standoff ships:
the actors and agents in src/standoff/actors/data/phoenix/ (the format is described in
standoff/actors/imported.py), the discards in src/standoff/text/discards.yaml (described in
standoff/text/discards.py).

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
import re
from pathlib import Path

from standoff.actors.imported import actor_lines, agent_lines
from standoff.actors.petrarch import read_actor_entries, read_agent_entries
from standoff.errors import BadDictionary
from standoff.text.discards import petrarch_discards

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "standoff"
OUT = PACKAGE / "actors" / "data" / "phoenix"
DISCARDS = PACKAGE / "text" / "discards.yaml"
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


# Families of the discard list standoff does not apply, and why: each was decided on the
# even-numbered records of the development sets (docs/accuracy.md). Years and "... ago" mark
# a chronology in PETRARCH's news, but modern reports name past years in sentences that state
# a current act, and standoff dates events itself; history, disasters and health, and elections
# are news that holds political acts (aid against Ebola, a commemoration, a recount), not the
# sports results, entertainment and idioms the list is for.
NOT_APPLIED = {
    "years": r"\d{4}\*",
    "time": r"(.* )?(ago|later)\*",
    "history": r"(abdul karim qasim|angels of bataan|april 1942|attack on pearl harbor|british empire|decorated vietnam veteran"
    r"|napoleonic wars|post world war ii|second world war|world war (one|i|1|two|ii|2)|world trade center|pharaoh|tutankhamun"
    r"|mummy|golden sarcophagus|xuan ?zang|archaeology|millennium|mother teresa|canonization mass|amelia earhart|oliver north"
    r"|anita hill|kimjongilism|catherine leroy|salman rushdie)\*",
    "disasters and health": r"(avian flu|avian influenza|bacteria epidemic|bird flu|blizzard|boat capsized|bus fell into ravine"
    r"|bus plunged|chickungunga|contracted cholera|diving accident|ebola|equine influenza|h5n1|landslide|mine accident|mudslide"
    r"|polio|pollution|rift valley fever|road accident|traffic accident|tropical depression|tropical storm|tsunami|typhoon"
    r"|west nile fever|west nile virus|widespread flood|yellow dust|accident killed|dengue fever|storm warning center"
    r"|medical tests|routine medical check up)\*",
    "elections": r"(presidential debate|poll published|presidential vote recount)\*",
}


def discard_lists(text: str) -> dict[str, list[str]]:
    """The phrases of a PETRARCH discard list under ``sentence``, ``story`` or the family in
    NOT_APPLIED they belong to."""
    lists: dict[str, list[str]] = {"sentence": [], "story": [], **{family: [] for family in NOT_APPLIED}}
    for phrase, story in petrarch_discards(text):
        family = next((f for f, pattern in NOT_APPLIED.items() if re.fullmatch(pattern, phrase)), None)
        target = lists[family or ("story" if story else "sentence")]
        if phrase not in target:
            target.append(phrase)
    return lists


def discards_yaml(lists: dict[str, list[str]], licence: str) -> str:
    def block(phrases: list[str], indent: str) -> str:
        return "\n".join(f"{indent}- {_quoted(p)}" for p in phrases)

    header = [
        "# Phrases that make a sentence, or its whole story, no political news (see standoff/text/discards.py):",
        "# the discard list of the Phoenix event data set (Phoenix.discards.txt), as PETRARCH2 ships it",
        f"# ({ORIGIN}), converted by tools/phoenix_dictionaries.py.",
        "# A phrase ending in * is a stem: its last word may go on. Phrases under not_applied are the",
        "# list's families standoff leaves out (tools/phoenix_dictionaries.py says why). Covered by this licence:",
        "#",
        *(f"# {line}".rstrip() for line in licence.strip().splitlines()),
    ]
    left_out = "\n".join(f"  {family}:\n{block(lists[family], '    ')}" for family in NOT_APPLIED)
    return "\n".join(header) + f"\n\nsentence:\n{block(lists['sentence'], '  ')}\n\nstory:\n{block(lists['story'], '  ')}\n\nnot_applied:\n{left_out}\n"


def _quoted(phrase: str) -> str:
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
    lists = discard_lists(decoded(args.dictionaries / "Phoenix.discards.txt")[0])
    DISCARDS.write_text(discards_yaml(lists, licence), encoding="utf-8")
    left_out = ", ".join(f"{family} {len(lists[family])}" for family in NOT_APPLIED)
    print(f"Phoenix.discards.txt: {len(lists['sentence'])} sentence and {len(lists['story'])} story phrases -> {DISCARDS.name}; not applied: {left_out}")
    for error in skipped:
        print(f"  left out {error.file}:{error.line}: {error.message}")


if __name__ == "__main__":
    main()
