"""Score the coder on PLOVER gold-standard records (OEDA, PLOVER 0.5b1): one sentence each,
with its event type, every source and target actor, and where it happened when it says so.

- type: the share of sentences whose most confident event has the gold PLOVER type (and,
  apart, the share where some event of the sentence has it);
- events: precision, recall and F1 of (source country, target country, type), matched per
  sentence as multisets and summed over the file;
- places: for sentences whose gold names where the event happened, how the most confident
  event's place compares (places.py), and how many events are placed at a place the sentence
  names only as an actor.

Conventions, so that the two codings can be compared:

- PLOVER 0.5 names are read as their 2021 names (``TYPE_2021``).
- A gold country is the first three letters of its actor code; the gold's old spellings of
  three states are read as ISO-3 (``OLD_SPELLINGS``). Organisations stay as the gold writes
  them (IGO, NGO, IMG, without naming which), so standoff's organisation actors count as their
  kind: IGOUNO is IGO, NGOAMN NGO. The gold calls the Red Cross an IGO; standoff, an NGO.
- Every event the coder gives counts. An event whose CAMEO code has no PLOVER type (the 01x
  statements) has type none, which no gold type equals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from standoff.errors import BadGoldFile
from standoff.eval.gold import GoldLine, GoldRecord, read_gold_lines
from standoff.eval.places import GoldPlace, PlaceJudge, iso3_of
from standoff.eval.report import PRF, Rate, number, prf_text, rate_text
from standoff.eval.score import most_confident
from standoff.eval.sets import check_breakdown
from standoff.model import Actor, ArticleResult, Event

TYPE_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_SPELLINGS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_ORGANISATIONS = ("IGO", "NGO", "IMG")

Triple = tuple[str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class PloverRecord:
    gold: GoldRecord
    type: str  # the 2021 name
    events: tuple[Triple, ...]  # (source country, target country, type)
    place: GoldPlace | None
    actor_texts: tuple[str, ...]  # the words that name each source and target


def read_plover(path: Path, known_types: Iterable[str]) -> list[PloverRecord]:
    """Read PLOVER gold records; a type that is not in ``known_types`` (after renaming) is an error."""
    known = frozenset(known_types)
    return [_record(line, known, str(path)) for line in read_gold_lines(path)]


def _record(line: GoldLine, known: frozenset[str], file: str) -> PloverRecord:
    def bad(message: str) -> BadGoldFile:
        return BadGoldFile(message, file=file, line=line.number)

    coding = line.data.get("plover")
    if not isinstance(coding, dict):
        raise bad('a PLOVER record needs the original coding as a "plover" object')
    event_type = plover_type(coding.get("event"))
    if event_type not in known:
        raise bad(f'"plover.event" {coding.get("event")!r} is not a PLOVER type standoff knows ({", ".join(sorted(known))})')
    triples = []
    for event in line.record.events:
        kind = plover_type(event.plover) if event.plover else event_type
        if kind not in known:
            raise bad(f'event "plover" {event.plover!r} is not a PLOVER type standoff knows')
        triples.append((_gold_country(event.source), _gold_country(event.target), kind))
    texts = tuple(a["actorText"] for side in ("source", "target") for a in coding.get(side) or () if isinstance(a, dict) and isinstance(a.get("actorText"), str))
    return PloverRecord(line.record, event_type, tuple(triples), _place(coding.get("eventLoc"), bad), texts)


def _place(value: Any, bad: Callable[[str], BadGoldFile]) -> GoldPlace | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise bad('"plover.eventLoc" must be null or an object with a "name"')
    iso2 = value.get("country code")
    country = iso3_of(iso2) if isinstance(iso2, str) else None
    if isinstance(iso2, str) and country is None:
        raise bad(f'"plover.eventLoc" has an unknown "country code" {iso2!r}; give an ISO-2 code')
    return GoldPlace(value["name"].strip(), country)


def plover_type(name: str | None) -> str:
    """The 2021 name of a PLOVER type."""
    name = (name or "").strip().upper()
    return TYPE_2021.get(name, name)


def _gold_country(code: str | None) -> str | None:
    if not code:
        return None
    return OLD_SPELLINGS.get(code[:3], code[:3])


def event_country(actor: Actor | None) -> str | None:
    """An actor's country as the PLOVER gold writes it; organisations as their kind."""
    if actor is None or actor.code is None:
        return None
    prefix = actor.code.code[:3]
    return prefix if prefix in _ORGANISATIONS else actor.code.country


def _triple(event: Event) -> Triple:
    return event_country(event.source), event_country(event.target), event.plover


# -- report -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeScore:
    sentences: int  # sentences of this gold type
    top_right: int  # ... whose most confident event has it
    events: PRF  # (source, target, type) matches of this type


@dataclass(frozen=True, slots=True)
class PlaceCheck:
    id: str
    gold: str
    got: str | None
    outcome: str  # one of places.OUTCOMES


@dataclass(frozen=True, slots=True)
class ActorPlace:
    id: str
    place: str
    cameo: str
    trigger: str
    locative: bool  # the gold's actor text stands in a locative phrase ("a curfew in Abidjan")


@dataclass(frozen=True, slots=True)
class TypeMiss:
    id: str
    gold: str
    got: str | None  # "cameo TYPE" of the most confident event, None when nothing was coded
    text: str


@dataclass(frozen=True, slots=True)
class PlaceReport:
    sentences: int  # whose gold names where the event happened
    right: Rate  # the most confident event is at that place, or within it
    country_only: int
    wrong: int
    none: int  # no place given, or no event
    placed: int  # events with a place, in all sentences
    at_actor: int  # ... placed at a place the sentence names only as an actor
    at_actor_locative: int  # ... of them named in a locative phrase ("a curfew in Abidjan")
    checks: tuple[PlaceCheck, ...]
    actor_places: tuple[ActorPlace, ...]


@dataclass(frozen=True, slots=True)
class PloverReport:
    records: int
    type_right: Rate  # the most confident event has the gold type
    type_any: Rate  # some event of the sentence has it
    events: PRF
    by_type: dict[str, TypeScore]
    places: PlaceReport
    type_misses: tuple[TypeMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        p = self.places
        lines = [
            f"PLOVER gold records: {self.records} sentences",
            f"type right:   {rate_text(self.type_right, 'sentences, most confident event')}",
            f"              {rate_text(self.type_any, 'sentences, some event')}",
            f"events:       {prf_text(self.events)}  on (source country, target country, type)",
            f"places:       {rate_text(p.right, 'sentences naming where, most confident event at that place')}",
            f"              country only {p.country_only}, wrong place {p.wrong}, no place {p.none}",
            f"              events placed at a place named only as an actor: {p.at_actor} of {p.placed} placed events"
            f" ({p.at_actor_locative} of them in a locative phrase the gold marks as the actor: 'a curfew in Abidjan')",
        ]
        check_breakdown("plover", by)
        if by == "type":
            lines += ["", *_type_table(self.by_type)]
        if failures:
            lines += ["", *_failure_lines(self)]
        return "\n".join(lines) + "\n"


def _type_table(by_type: dict[str, TypeScore]) -> list[str]:
    header = f"{'type':<10}{'sentences':>10}{'top right':>10}{'share':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>10}{'recall':>8}{'F1':>8}"
    lines = ["by PLOVER type (gold type for sentences; events by their own type)", header]
    for name, s in sorted(by_type.items()):
        share = number(s.top_right / s.sentences) if s.sentences else "n/a"
        e = s.events
        lines.append(
            f"{name:<10}{s.sentences:>10}{s.top_right:>10}{share:>8}{e.tp:>5}{e.fp:>5}{e.fn:>5}"
            f"{number(e.precision):>10}{number(e.recall):>8}{number(e.f1):>8}"
        )
    return lines


def _failure_lines(report: PloverReport) -> list[str]:
    lines = [f"type wrong ({len(report.type_misses)}):"]
    lines += [f"  {m.id}: gold {m.gold}, got {m.got or 'no event'}  | {m.text}" for m in report.type_misses]
    checks = [c for c in report.places.checks if c.outcome != "right"]
    lines += ["", f"places not right ({len(checks)}):"]
    lines += [f"  {c.id}: gold {c.gold}, got {c.got or '-'} ({c.outcome})" for c in checks]
    lines += ["", f"events placed at a place named only as an actor ({len(report.places.actor_places)}):"]
    lines += [f"  {a.id}: {a.cameo} {a.trigger!r} at {a.place}{' (locative phrase)' if a.locative else ''}" for a in report.places.actor_places]
    return lines


# -- scoring ------------------------------------------------------------------------------------


@dataclass
class _TypeTally:
    sentences: int = 0
    top_right: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # tp, fp, fn


def score_plover(records: Sequence[PloverRecord], results: Iterable[ArticleResult], judge: PlaceJudge) -> PloverReport:
    by_id = {r.article.id: r.events for r in results}
    types: dict[str, _TypeTally] = {}
    totals: Counter[str] = Counter()
    misses: list[TypeMiss] = []
    checks: list[PlaceCheck] = []
    actor_places: list[ActorPlace] = []
    placed = any_right = 0
    for record in records:
        record_id, text = record.gold.id, record.gold.text
        events = by_id.get(record_id, ())
        top = most_confident(events)
        tally = types.setdefault(record.type, _TypeTally())
        tally.sentences += 1
        any_right += any(e.plover == record.type for e in events)
        if top is not None and top.plover == record.type:
            tally.top_right += 1
        else:
            got = f"{top.cameo} {top.plover or 'no type'}" if top is not None else None
            misses.append(TypeMiss(record_id, record.type, got, text))
        _match(record.events, [_triple(e) for e in events], types, totals)
        if record.place is not None:
            place = top.location if top is not None else None
            checks.append(PlaceCheck(record_id, record.place.name, place.name if place else None, judge.judge(place, record.place)))
        for event in events:
            if event.location is None:
                continue
            placed += 1
            if (record.place is None or judge.judge(event.location, record.place) != "right") and judge.only_as_actor(
                event.location, text, record.actor_texts
            ):
                locative = judge.in_locative_phrase(event.location, text, record.actor_texts)
                actor_places.append(ActorPlace(record_id, event.location.name, event.cameo, event.trigger, locative))
    outcomes = Counter(c.outcome for c in checks)
    places = PlaceReport(
        sentences=len(checks),
        right=Rate.of(outcomes["right"], len(checks)),
        country_only=outcomes["country"],
        wrong=outcomes["wrong"],
        none=outcomes["none"],
        placed=placed,
        at_actor=len(actor_places),
        at_actor_locative=sum(a.locative for a in actor_places),
        checks=tuple(checks),
        actor_places=tuple(actor_places),
    )
    return PloverReport(
        records=len(records),
        type_right=Rate.of(sum(t.top_right for t in types.values()), len(records)),
        type_any=Rate.of(any_right, len(records)),
        events=PRF.of(totals["tp"], totals["fp"], totals["fn"]),
        by_type={name: TypeScore(t.sentences, t.top_right, PRF.of(t.counts["tp"], t.counts["fp"], t.counts["fn"])) for name, t in types.items()},
        places=places,
        type_misses=tuple(misses),
    )


def _match(gold: Sequence[Triple], produced: Sequence[Triple], types: dict[str, _TypeTally], totals: Counter[str]) -> None:
    """Count one sentence's matches; each gold triple pairs with at most one produced triple."""
    gold_left = Counter(gold)
    produced_left = Counter(produced)
    matched = gold_left & produced_left
    for kind, counter in (("tp", matched), ("fn", gold_left - matched), ("fp", produced_left - matched)):
        for triple, count in counter.items():
            types.setdefault(triple[2] or "none", _TypeTally()).counts[kind] += count
            totals[kind] += count
