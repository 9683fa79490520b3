"""Score actor-phrase resolution against NGEC-style actor tests.

One JSON object per line: ``{"id", "text", "context", "date", "method", "expect"}`` where
``expect`` holds what NGEC's resolver had to return: ``country`` (ISO-3; ``IGO`` for
intergovernmental bodies without a bloc code, ``""`` for none), ``code_1``/``code_2`` (PLOVER
sectors; ``""`` or ``UNK`` for none), ``return`` ``is null`` (must not resolve), or
``return[0]`` (the country, for ``search_nat``). Dates may be ISO, "10 May 2015", "October 1,
2021" or "today"; "today" and missing dates are read as ``as_of``: the day the expectations
describe, which for office holders matters.

Scoring:

- ``query_wiki`` cases test Wikipedia title lookup, which standoff does not do: skipped.
- country: over the cases that state a country (or must not resolve), the share where the
  resolved country, written NGEC's way, is the expected one.
- country and sector: over all scored cases, the share where every stated expectation holds.
  A sector is right when the CAMEO sector stands for one of the expected PLOVER sectors
  (``_PLOVER``: CAMEO's HLH is PLOVER's MED, CAMEO's MED is JRN, UAF covers PRM, ...).
  A placeholder expectation (``????``) is not checked.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping, Sequence

from standoff.actors.phrase import PhraseQuery, PhraseResolution, resolve_phrases
from standoff.actors.table import ActorTable
from standoff.errors import BadGoldFile, InputNotFound
from standoff.eval.report import Rate

SKIPPED_METHODS = {"query_wiki": "needs a Wikipedia index"}

# CAMEO sector -> the PLOVER/NGEC sectors it stands for, where the two ontologies differ.
_PLOVER: dict[str | None, frozenset[str]] = {
    None: frozenset({"", "UNK"}),
    "IGO": frozenset({"", "UNK", "IGO"}),
    "HLH": frozenset({"HLH", "MED"}),
    "MED": frozenset({"JRN"}),
    "UAF": frozenset({"UAF", "PRM"}),
    "SEP": frozenset({"SEP", "PRE"}),
    "INS": frozenset({"INS", "REB"}),
    "MNC": frozenset({"MNC", "BUS"}),
    **{religion: frozenset({religion, "REL"}) for religion in ("BUD", "CHR", "CTH", "HIN", "JEW", "MOS", "SHI", "SUN", "SIK")},
}
# Blocs NGEC writes as the country of their bodies; other intergovernmental bodies are "IGO".
_NGEC_BLOCS = {"UNO", "EUR"}
_PLACEHOLDER = re.compile(r"\?+")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y%m%d")


@dataclass(frozen=True, slots=True)
class ActorCase:
    id: str
    text: str
    context: str | None
    date: date
    method: str
    expect: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ActorMiss:
    id: str
    text: str
    expected: str  # e.g. "country=ARM sector=GOV"
    got: str  # e.g. "ARMGOV (country+sector)"
    wrong: str  # "country", "sector" or "resolved" (should have stayed unresolved)


@dataclass(frozen=True, slots=True)
class ActorReport:
    as_of: date
    scored: int
    skipped: dict[str, int]  # method -> cases skipped
    country: Rate
    country_sector: Rate
    misses: tuple[ActorMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        return data

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        """The figures and every miss (there is no breakdown to choose)."""
        skipped = ", ".join(f"{m}: {n} ({SKIPPED_METHODS.get(m, 'not scored')})" for m, n in self.skipped.items())
        lines = [
            f"actor tests: {self.scored} scored, {sum(self.skipped.values())} skipped ({skipped or 'none'}); "
            f"'today' read as {self.as_of.isoformat()}",
            f"country right             {_rate(self.country)}",
            f"country and sector right  {_rate(self.country_sector)}",
        ]
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            width = max(len(m.text) for m in self.misses)
            for miss in self.misses:
                lines.append(f"  {miss.text:<{width}}  want {miss.expected:<28} got {miss.got}  [{miss.id}]")
        return "\n".join(lines) + "\n"


def _rate(rate: Rate) -> str:
    share = f"{rate.rate:6.1%}" if rate.rate is not None else "     -"
    return f"{rate.hits:>4}/{rate.total:<4} {share}"


def read_actor_cases(path: Path, as_of: date) -> list[ActorCase]:
    path = Path(path)
    if not path.is_file():
        raise InputNotFound("actor test file not found; check the path", file=str(path))
    cases = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadGoldFile(f"not valid JSON ({exc.msg}, column {exc.colno})", file=str(path), line=number) from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("expect"), dict):
                raise BadGoldFile('each line must be an object with "text" and an "expect" object', file=str(path), line=number)
            try:
                day = _date(obj.get("date"), as_of)
            except ValueError as exc:
                raise BadGoldFile(str(exc), file=str(path), line=number) from None
            cases.append(ActorCase(str(obj.get("id") or number), obj["text"], obj.get("context") or None, day, str(obj.get("method") or ""), obj["expect"]))
    return cases


def _date(value: Any, as_of: date) -> date:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "today")):
        return as_of
    if isinstance(value, str):
        for pattern in _DATE_FORMATS:
            try:
                return datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
    raise ValueError(f'"date" {value!r} is not a date this reader knows (YYYY-MM-DD, "10 May 2015", "October 1, 2021", "today")')


def evaluate_actor_file(path: Path, table: ActorTable, as_of: date, limit: int | None = None) -> ActorReport:
    """Read an actor test file, resolve its phrases with ``table`` and score them."""
    cases = read_actor_cases(path, as_of)[:limit]
    scored = scored_cases(cases)
    resolutions = list(resolve_phrases(table, [PhraseQuery(c.text, c.date, c.context) for c in scored]))
    return evaluate_actor_cases(cases, resolutions, as_of)


def scored_cases(cases: Sequence[ActorCase]) -> list[ActorCase]:
    return [c for c in cases if c.method not in SKIPPED_METHODS]


def evaluate_actor_cases(cases: Sequence[ActorCase], resolutions: Sequence[PhraseResolution], as_of: date) -> ActorReport:
    """Score ``resolutions``, given in the order of ``scored_cases(cases)``."""
    scored = scored_cases(cases)
    if len(scored) != len(resolutions):
        raise ValueError("one resolution per scored case is needed")
    skipped: dict[str, int] = {}
    for case in cases:
        if case.method in SKIPPED_METHODS:
            skipped[case.method] = skipped.get(case.method, 0) + 1
    country_hits = country_total = both_hits = 0
    misses = []
    for case, got in zip(scored, resolutions):
        wrong = _check(case.expect, got)
        if _states_country(case.expect):
            country_total += 1
            country_hits += wrong not in ("country", "resolved")
        both_hits += wrong is None
        if wrong is not None:
            misses.append(ActorMiss(case.id, case.text, _describe(case.expect), _got(got), wrong))
    return ActorReport(
        as_of=as_of,
        scored=len(scored),
        skipped=skipped,
        country=Rate.of(country_hits, country_total),
        country_sector=Rate.of(both_hits, len(scored)),
        misses=tuple(misses),
    )


def _states_country(expect: Mapping[str, Any]) -> bool:
    return "country" in expect or "return[0]" in expect or _must_not_resolve(expect)


def _must_not_resolve(expect: Mapping[str, Any]) -> bool:
    value = expect.get("return")
    return isinstance(value, dict) and value.get("op") == "is" and value.get("value") is None


def _check(expect: Mapping[str, Any], got: PhraseResolution) -> str | None:
    """What is wrong with ``got``: "resolved", "country", "sector", or None."""
    if _must_not_resolve(expect):
        return "resolved" if got.country or got.sector else None
    want = expect.get("country", expect.get("return[0]"))
    country = ngec_country(got)
    if isinstance(want, dict) and want.get("op") == "!=":
        if country == want.get("value"):
            return "country"
    elif isinstance(want, str) and want != country:
        return "country"
    sectors = {v for v in (expect.get("code_1"), expect.get("code_2")) if isinstance(v, str) and not _PLACEHOLDER.fullmatch(v)}
    if "code_1" in expect and isinstance(expect.get("code_1"), str) and not _PLACEHOLDER.fullmatch(expect["code_1"]):
        if not _PLOVER.get(got.sector, frozenset({got.sector or ""})) & (sectors or {""}):
            return "sector"
    return None


def ngec_country(got: PhraseResolution) -> str:
    """The resolved country the way NGEC writes it."""
    code = got.code or ""
    if code.startswith("IGO"):
        return got.country if got.country in _NGEC_BLOCS else "IGO"
    if code.startswith(("NGO", "IMG")):
        return ""
    return got.country or ""


def _describe(expect: Mapping[str, Any]) -> str:
    if _must_not_resolve(expect):
        return "nothing"
    parts = []
    want = expect.get("country", expect.get("return[0]"))
    if isinstance(want, dict):
        parts.append(f"country{want.get('op')}{want.get('value')}")
    elif want is not None:
        parts.append(f"country={want or '-'}")
    sectors = "/".join(v or "-" for v in (expect.get("code_1"), expect.get("code_2")) if isinstance(v, str))
    if sectors:
        parts.append(f"sector={sectors}")
    return " ".join(parts)


def _got(got: PhraseResolution) -> str:
    return f"{got.code or '-'} ({got.method})"
