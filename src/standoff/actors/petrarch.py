"""Import PETRARCH/TABARI actor and agent dictionaries into knowledge-base entries.

Actor dictionaries name actors with their codes::

    ISRAEL [ISR]                      # a phrase, words joined by _ or spaces
    +ISRAELI                          # + lines add synonyms to the entry above
    SAM_GAMGEE [HOB]                  # an undated code is the default
        [HOBCIV <20080120]            # codes that hold before / after a date,
        [HOBGOV 20121109-20130119]    # or between two dates (inclusive);
        [HOBELI >20130119]            # dates are YYYYMMDD or YYMMDD
    BOROMIR [---]                     # a code of dashes: recognised, coded as nothing

Entries with dated codes become people (date-bounded roles, and antecedents for "he"/"she");
the others become organisations with a fixed code. ``[A/B]`` (an actor coded as several)
keeps the first code: an actor here has one code.

Agent dictionaries name kinds of actors by common nouns::

    !PERSON! = MAN, MEN, WOMAN          # a substitution set, used as !PERSON! in phrases
    FOREIGN_MINISTER [~GOVFRM]          # ~ before: the code follows the country (RUSGOVFRM)
    HUMAN_RIGHTS_BODY [NGO~]            # ~ after: the code comes before the country
    POLICE {} [~COP]                    # {} no plural; {ATTORNEYS_GENERAL} the plural;
    SOLDIER [~MIL]                      # without braces the plural is made (SOLDIERS)

``#`` starts a comment; ``<!-- ... -->`` blocks are skipped. Phrases match whole words,
case-insensitively; TABARI's matching of a bare stem against longer words ("ARGENTIN" for
"Argentina") is not reproduced: list the full words. A name with an abbreviation in brackets
(``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_``) is read as the name and, when its letters are the name's
initials, the abbreviation; a line may hold several synonyms (``+TAIOAN_ +TAWIAN_``).

A file a user passes must be right: the first line that cannot be read stops with its file and
line. The dictionaries standoff converts for shipping (``standoff.actors.imported``) hold a few
typing slips ("[ARMUNR 9008223-911221]"); they are read with ``skipped``, which collects each
unreadable line's error and goes on without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Mapping

from standoff.actors.entries import NULL_CODE, SECTOR_CODES, Agent, Organisation, Person, Role, split_code
from standoff.errors import BadDictionary
from standoff.model import ActorCode


@dataclass(frozen=True, slots=True)
class Imported:
    """What one dictionary file adds to the knowledge base."""

    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    agents: Mapping[str, Agent] = field(default_factory=lambda: MappingProxyType({}))


def read_petrarch(text: str, file: str, skipped: list[BadDictionary] | None = None) -> Imported:
    """Read an actor or agent dictionary; which one is told from the content. With ``skipped``,
    a line that cannot be read is left out and its error added there instead of raised."""
    lines = list(_lines(text))
    if any(line.startswith("---") and "[" in line for _, line in lines):
        raise BadDictionary("this is a PETRARCH verb dictionary; --actors takes actor and agent dictionaries", file=file)
    problems = _Problems(skipped)
    if any(_SUBSTITUTION.match(line) or _AGENT_HINT.search(line) for _, line in lines):
        agents = {phrase: agent for phrase, (agent, _) in _agents(lines, file, problems).items()}
        return Imported(agents=MappingProxyType(agents))
    people, organisations = _actors(lines, file, problems)
    return Imported(people=tuple(people), organisations=tuple(organisations))


@dataclass(frozen=True, slots=True)
class _Problems:
    """Where the errors of unreadable lines go: raised, or collected when a list is given."""

    skipped: list[BadDictionary] | None

    def report(self, error: BadDictionary) -> None:
        if self.skipped is None:
            raise error
        self.skipped.append(error)


# --- lines -----------------------------------------------------------------------------

_COMMENT_BLOCK = re.compile(r"<!.*?-->", re.DOTALL)
_SUBSTITUTION = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_AGENT_HINT = re.compile(r"\[\s*~|~\s*\]|\{[^}]*\}")
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATE = r"(\d{8}|\d{6})"
_RESTRICTION = re.compile(rf"^([^\s<>]+)\s*(?:([<>])\s*{_DATE}|{_DATE}\s*-\s*{_DATE})?$")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line without comments, stripped on the right); a leading tab or space is
    kept, since it marks a line that continues the entry above."""
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group().count("\n"), text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def _phrase(raw: str) -> str:
    """PETRARCH phrase -> plain words: underscores are spaces, a trailing _ only ends the phrase."""
    return " ".join(raw.replace("_", " ").split())


_BRACKETED = re.compile(r"\s*\(([^)]*)\)")


def _names(raw: str) -> list[str]:
    """The names a phrase gives: "ADEN ABYAN ISLAMIC ARMY (AAIA)" is the name without the
    brackets and, since its letters are the name's initials, "AAIA"; "DIRECT ACTION (GREECE)"
    only "DIRECT ACTION"."""
    phrase = _phrase(raw)
    name = " ".join(_BRACKETED.sub(" ", phrase).split())
    names = [name]
    for inside in _BRACKETED.findall(phrase):
        initials = "".join(word[0] for word in re.split(r"[\s-]+", name) if word and word[0].isalpha())
        if inside.isalpha() and inside.isupper() and len(inside) > 1 and inside in initials:
            names.append(inside)
    return names


def _date(text: str, file: str, line: int) -> date:
    try:
        if len(text) == 6:  # YYMMDD, as TABARI wrote them: 00-29 are 20xx, the rest 19xx
            year = int(text[:2])
            return date(2000 + year if year < 30 else 1900 + year, int(text[2:4]), int(text[4:]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise BadDictionary(f"{text!r} is not a date (YYYYMMDD or YYMMDD)", file=file, line=line) from None


def _code(raw: str) -> str:
    code = raw.upper().split("/")[0]
    return NULL_CODE if not code.strip("-+#") else code


# --- actors ----------------------------------------------------------------------------


@dataclass
class ActorEntry:
    """One entry of an actor dictionary as written: its names, the code it gives outside any
    date restriction (None when it gives none) and its dated roles."""

    line: int
    names: list[str]
    default: str | None = None
    roles: list[Role] = field(default_factory=list)


def read_actor_entries(text: str, file: str, skipped: list[BadDictionary] | None = None) -> list[ActorEntry]:
    """The entries of an actor dictionary, each with at least one name and one code."""
    return _entries(list(_lines(text)), file, _Problems(skipped))


def _entries(lines: list[tuple[int, str]], file: str, problems: _Problems) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    for number, line in lines:
        body = line.strip()
        if body.startswith("+") or line[0].isspace() and body.startswith("["):
            if not entries:
                what = "a + synonym line" if body.startswith("+") else "a code line"
                problems.report(BadDictionary(f"{what} needs an entry above it", file=file, line=number))
                continue
            for synonym in body.split("[", 1)[0].split("+")[1:]:  # "+TAIOAN_ +TAWIAN_": two synonyms
                entries[-1].names.extend(_names(synonym))
        elif entries and entries[-1].default is None and not entries[-1].roles:
            # a phrase line before the codes of the entry above: one more name for it (the
            # Phoenix files list "LEONID_BREZHNEV_", "SECRETARY_BREZHNEV", ... then the codes)
            entries[-1].names.extend(_names(body.split("[", 1)[0]))
        else:
            entries.append(ActorEntry(number, _names(body.split("[", 1)[0])))
        for block in _CODE_BLOCK.findall(body):
            try:
                _add_code(entries[-1], block, file, number)
            except BadDictionary as error:
                problems.report(error)
    complete = []
    for entry in entries:
        entry.names = [n for n in dict.fromkeys(entry.names) if n]
        if not entry.names:
            problems.report(BadDictionary("an entry without a phrase", file=file, line=entry.line))
        elif entry.default is None and not entry.roles:
            name = entry.names[0]
            problems.report(BadDictionary(f"{name}: no code; write it in brackets, e.g. {name.replace(' ', '_')} [USA]", file=file, line=entry.line))
        else:
            complete.append(entry)
    return complete


def _actors(lines: list[tuple[int, str]], file: str, problems: _Problems) -> tuple[list[Person], list[Organisation]]:
    """People (entries with dated codes: outside them, the entry's code or, as PETRARCH reads
    it, no code) and organisations (one fixed code)."""
    people: list[Person] = []
    organisations: list[Organisation] = []
    for entry in _entries(lines, file, problems):
        names = entry.names
        if entry.roles:
            default = _actor_code(entry.default) if entry.default else ActorCode(NULL_CODE, None)
            country = split_code(entry.default or entry.roles[0].code or NULL_CODE)[0] or ""
            people.append(Person(names[0], tuple(names[1:]), country, tuple(entry.roles), default))
        else:
            assert entry.default is not None
            country, sector = split_code(entry.default)
            organisations.append(Organisation(entry.default, None, country, sector, tuple(names), frozenset()))
    return people, organisations


def _actor_code(code: str) -> ActorCode:
    country, sector = split_code(code)
    return ActorCode(code, country, sector)


def _add_code(entry: ActorEntry, block: str, file: str, line: int) -> None:
    match = _RESTRICTION.match(block.strip())
    if match is None:
        raise BadDictionary(f"cannot read the code block [{block}]; write [CODE], [CODE <YYYYMMDD], [CODE >YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD]", file=file, line=line)
    raw, sign, day, first, last = match.groups()
    code = _code(raw)
    if sign is None and first is None:
        if entry.default is None:
            entry.default = code
        return
    if sign == "<":
        start, end = None, _date(day, file, line) - timedelta(days=1)
    elif sign == ">":
        start, end = _date(day, file, line) + timedelta(days=1), None
    else:
        start, end = _date(first, file, line), _date(last, file, line)
        if start > end:
            raise BadDictionary(f"[{block}]: the range ends before it starts", file=file, line=line)
    country, sector = split_code(code)
    entry.roles.append(Role(entry.names[0], country, sector, start, end, code))


# --- agents ----------------------------------------------------------------------------

_AGENT_LINE = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")
_SET_MARK = re.compile(r"![A-Z0-9_]+!")


def read_agent_entries(text: str, file: str, skipped: list[BadDictionary] | None = None) -> dict[str, tuple[Agent, int]]:
    """The phrases of an agent dictionary (plurals and substitutions spelled out), each with
    its agent and the line that gives it."""
    return _agents(list(_lines(text)), file, _Problems(skipped))


def _agents(lines: list[tuple[int, str]], file: str, problems: _Problems) -> dict[str, tuple[Agent, int]]:
    sets: dict[str, list[str]] = {}
    agents: dict[str, tuple[Agent, int]] = {}
    for number, line in lines:
        body = line.strip()
        substitution = _SUBSTITUTION.match(body)
        if substitution:
            sets[substitution.group(1)] = [v.strip() for v in substitution.group(2).split(",") if v.strip()]
            continue
        try:
            agents.update((phrase, (agent, number)) for phrase, agent in _agent_line(body, sets, file, number).items())
        except BadDictionary as error:
            problems.report(error)
    return agents


def _agent_line(body: str, sets: Mapping[str, list[str]], file: str, number: int) -> dict[str, Agent]:
    """The phrases of one agent line (with their plurals and substitutions) and their agent."""
    match = _AGENT_LINE.match(body)
    if match is None:
        raise BadDictionary("cannot read this agent line; write PHRASE {PLURAL} [~CODE]", file=file, line=number)
    agent = agent_code(match.group("code"), file, number)
    plural = match.group("plural")
    # a substitution set spells out its forms: no plural is made of them ("CONGRESS!PERSON!")
    substituted = _SET_MARK.search(match.group("phrase")) is not None
    found = {}
    for singular in _expand(match.group("phrase"), sets, file, number):
        forms = [singular]
        if plural is None:
            if not substituted:
                forms.append(_plural(singular))
        elif plural.strip():
            forms.extend(_expand(plural, sets, file, number))
        for form in forms:
            found[" ".join(_phrase(form).lower().split())] = agent
    return found


# Agent codes the Phoenix dictionaries write for what CAMEO codes otherwise: MUS ("imam",
# "Muslims") is CAMEO's code for Muslims (MOS). (Their PPL, "men", "persons", is people of no
# kind in particular, and stays without a sector.)
_AGENT_CODE_SYNONYMS = {"MUS": "MOS"}


def agent_code(block: str, file: str, line: int) -> Agent:
    """The agent of a code block: ``~GOVFRM`` (after the country) or ``NGO~`` (before it)."""
    raw = block.replace(" ", "").upper()
    before = raw.endswith("~") and not raw.startswith("~")
    code = raw.strip("~")
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        raise BadDictionary(f"cannot read the agent code [{block}]; write [~GOV] or [NGO~]", file=file, line=line)
    code = "".join(_AGENT_CODE_SYNONYMS.get(code[i : i + 3], code[i : i + 3]) for i in range(0, len(code), 3))
    sector = next((code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3] in SECTOR_CODES), None)
    return Agent(sector, code, before)


def _expand(phrase: str, sets: Mapping[str, list[str]], file: str, line: int) -> list[str]:
    """All phrases a pattern stands for, with every !SET! replaced by each of its values."""
    mark = _SET_MARK.search(phrase)
    if mark is None:
        return [phrase.strip()]
    if mark.group() not in sets:
        raise BadDictionary(f"{mark.group()} is used before it is defined", file=file, line=line)
    return [
        expanded
        for value in sets[mark.group()]
        for expanded in _expand(phrase[: mark.start()] + value + phrase[mark.end() :], sets, file, line)
    ]


_NOT_MAN = frozenset({"GERMAN", "HUMAN", "ROMAN", "OMAN", "SHAMAN", "TALISMAN", "CAYMAN"})


def _plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word (PETRARCH's default plural)."""
    head, _, last = phrase.strip().rpartition("_") if "_" in phrase else ("", "", phrase.strip())
    upper = last.upper()
    if upper.endswith("MAN") and upper not in _NOT_MAN:
        last = last[:-3] + "MEN"
    elif upper.endswith(("S", "X", "Z", "CH", "SH")):
        last += "ES"
    elif upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "I", "O", "U"):
        last = last[:-1] + "IES"
    else:
        last += "S"
    return f"{head}_{last}" if head else last
