"""The events coded so far in an article, found by a later noun that names one of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from standoff.events.assembly import LEAD_SENTENCES
from standoff.events.patterns import PatternStack, Words
from standoff.lexicon import Lexicon
from standoff.model import Actor, Event

# "the launch" names an act whose trigger starts the same way ("launched"), to this many letters.
_PREFIX = 5
FORCE_ROOTS = ("17", "18", "19", "20")  # coercion, assault, fighting, mass violence
VIOLENT_ROOTS = FORCE_ROOTS[1:]  # the acts a story is about: "condemned the attack" is the lead's
RIOT = "145"  # a violent protest: force a threat of punishment answers, as it answers an attack
CLAIM_ROOTS = ("01", "11")  # statements and accusations: what a denial answers
JUDGMENT = "116"  # find guilty: the act a verdict names
CAPTIVITY = ("173", "181")  # arrest or detain; abduct, hijack or take hostage: what a release ends
_CAPTIVITY_ROOTS = tuple(sorted({code[:2] for code in CAPTIVITY}))
# Words about what another did: statements, appeals, praise and verbal support, demands,
# criticism, rejections, threats (code prefixes). Their object is what they are about
# ("rejected the verdict", "welcomed the decision"), so it never names them.
ABOUT_ANOTHER = ("01", "02", "051", "052", "10", "11", "12", "13")


class EarlierActs:
    """The events coded so far in one article, indexed by the nouns that can name them: a noun
    that starts like the trigger ("the launch" after "launched"), or the object the pattern asks
    for ("the sanctions" after "imposed sanctions"); for a reaction, also a noun that names the
    act's kind ("the raids" after "bombed", lexicon act_class_nouns), among acts whose author is
    known, and for a criticism a noun of any deed ("regretted the decision", lexicon deed_nouns).
    A look-up costs the same however long the article is."""

    def __init__(self, patterns: PatternStack, words: Lexicon) -> None:
        self._patterns = patterns
        self._classes = words.act_class_nouns
        self._deed_nouns = words.deed_nouns
        self._judgments = words.judgment_nouns
        self._deed_roots = words.deed_roots
        self._dissident_sectors = words.dissident_sectors
        self._events: list[Event] = []
        self._by_prefix: dict[str, int] = {}  # trigger prefix, 0 to 5 letters -> latest event
        self._by_object: dict[str, int] = {}
        self._by_root: dict[str, list[int]] = {}  # CAMEO root -> events with a known source, in order
        self._by_act: dict[tuple[int, int, str], list[int]] = {}  # the events of one act

    def add(self, events: Iterable[Event]) -> None:
        for event in events:
            position = len(self._events)
            self._events.append(event)
            trigger = event.trigger.lower()
            for length in range(min(len(trigger), _PREFIX) + 1):
                self._by_prefix[trigger[:length]] = position
            for word in self._objects(event):
                self._by_object[word] = position
            self._by_act.setdefault(_act_key(event), []).append(position)
            if event.complete:
                self._by_root.setdefault(event.cameo_root, []).append(position)

    def latest(
        self, lemma: str, since: Sequence[Event] = (), *, by_kind: bool = False, not_by: frozenset[str] = frozenset(), critical: bool = False
    ) -> Event | None:
        """The latest event a noun with this lemma names; ``since`` are events found after the
        last ``add`` (the sentence being coded), which come later than all the others. With
        ``by_kind``, a noun of an act's kind names the latest known act of that kind done by
        none of the countries ``not_by`` (a reaction answers another's act), when no act is
        named by its own word; a ``critical`` reaction's noun of any deed names the latest deed,
        and a noun of a court's finding ("the verdict") names the latest conviction, whoever's."""
        for event in reversed(since):
            if event.trigger.lower().startswith(lemma[:_PREFIX]) or lemma in self._objects(event):
                return event
        positions = [p for p in (self._by_prefix.get(lemma[:_PREFIX]), self._by_object.get(lemma)) if p is not None]
        if positions:
            return self._events[max(positions)]
        if not by_kind:
            return None
        if lemma in self._judgments:
            return self._latest_of((JUDGMENT[:2],), lambda e: e.complete and e.cameo == JUDGMENT, since)
        if lemma in self._classes:
            roots: Sequence[str] = self._classes[lemma].split()
        elif critical and lemma in self._deed_nouns:
            roots = self._deed_roots
        else:
            return None
        lead = self._lead_act([r for r in roots if r in VIOLENT_ROOTS], not_by)
        if lead is not None:
            return lead
        for event in reversed(since):
            if event.complete and event.cameo_root in roots and _country(event) not in not_by:
                return event
        positions = [self._latest_not_by(root, not_by) for root in roots]
        found = [p for p in positions if p is not None]
        return self._events[max(found)] if found else None

    def latest_own(self, lemma: str, countries: frozenset[str], since: Sequence[Event] = ()) -> Event | None:
        """The latest act of one of ``countries``, aimed at someone, that a noun with this lemma
        names: by its own word ("the operation" after "Turkey's operation in Syria"), or as one
        of its kind ("the attacks" after "warplanes struck Iraq")."""
        roots = self._classes[lemma].split() if lemma in self._classes else ()

        def named(event: Event) -> bool:
            trigger = event.trigger.lower()
            return trigger.startswith(lemma[:_PREFIX]) or lemma in self._objects(event) or event.cameo_root in roots

        def own(event: Event) -> bool:
            return _country(event) in countries and event.target is not None and event.target.code is not None and named(event)

        return self._latest_of(tuple(self._by_root), own, since)

    def latest_force_against(self, countries: frozenset[str], since: Sequence[Event] = (), not_by: frozenset[str] = frozenset()) -> Event | None:
        """The latest known act of coercion or force (roots 17-20, and riots) aimed at one of
        ``countries`` by another, or by a dissident of its own (rioters, rebels, opposition): what
        a threat that names no target answers ("promised a painful response" after Hezbollah
        captured two Israeli soldiers; "those responsible will be punished" after rioters stormed
        Congress). Not one by the actors of codes ``not_by``, the ones who threaten: rebels'
        own acts against their country are not what they answer."""

        def against(event: Event) -> bool:
            target = event.target.code.country if event.target is not None and event.target.code is not None else None
            forceful = event.cameo_root in FORCE_ROOTS or event.cameo == RIOT
            by_threatener = event.source is not None and event.source.code is not None and event.source.code.code in not_by
            return event.complete and forceful and target in countries and not by_threatener and (_country(event) not in countries or self._dissident(event))

        return self._latest_of((*FORCE_ROOTS, RIOT[:2]), against, since)

    def _dissident(self, event: Event) -> bool:
        source = event.source.code if event.source is not None else None
        return source is not None and source.sector in self._dissident_sectors

    def latest_claim_against(self, countries: frozenset[str], since: Sequence[Event] = ()) -> Event | None:
        """The latest known statement or accusation (roots 01, 11) about one of ``countries`` by
        another country, or by a dissident of its own (opposition, rebels, civilians, lexicon
        dissident_sectors): what a denial that names no one answers ("India accused Pakistan of
        harbouring the group. Islamabad denied any role"; the Kremlin denies what a Russian
        opposition leader said)."""

        def about(event: Event) -> bool:
            target = event.target.code.country if event.target is not None and event.target.code is not None else None
            return event.complete and event.cameo_root in CLAIM_ROOTS and target in countries and (_country(event) not in countries or self._dissident(event))

        return self._latest_of(CLAIM_ROOTS, about, since)

    def _latest_of(self, roots: Sequence[str], wanted: Callable[[Event], bool], since: Sequence[Event]) -> Event | None:
        """The latest event of one of ``roots`` that is ``wanted``, those of ``since`` first."""
        for event in reversed(since):
            if wanted(event):
                return event
        positions = sorted(p for root in roots for p in self._by_root.get(root, ()))
        return next((self._events[p] for p in reversed(positions) if wanted(self._events[p])), None)

    def latest_aimed(self, code: str, since: Sequence[Event] = (), not_by: frozenset[str] = frozenset()) -> list[Actor]:
        """The targets of the latest known act with this code (or, failing one, this root) done
        by none of the countries ``not_by`` and aimed at someone: whom "also severed ties" severs
        them with."""
        aimed = [
            e for e in (*(self._events[p] for p in self._by_root.get(code[:2], ())), *since)
            if e.target is not None and e.target.code is not None and _country(e) not in not_by
        ]
        for same in (lambda e: e.cameo == code, lambda e: e.cameo_root == code[:2]):
            event = next((e for e in reversed(aimed) if same(e)), None)
            if event is not None:
                return self.targets(event, since)
        return []

    def _together(self, act: Event, since: Sequence[Event]) -> list[Event]:
        """The events coded with ``act`` at the same trigger and code: the parties of one act."""
        key = _act_key(act)
        return [self._events[p] for p in self._by_act.get(key, ())] + [e for e in since if _act_key(e) == key] or [act]

    def targets(self, act: Event, since: Sequence[Event] = ()) -> list[Actor]:
        """Whom ``act`` was aimed at: its known target, and those of the events coded with it
        at the same trigger and code ("struck Iraq and Syria")."""
        found = [e.target for e in self._together(act, since) if e.target is not None]
        return list({a.code.code: a for a in found if a.code is not None}.values())

    def captors(self, captives: Sequence[Actor], since: Sequence[Event] = ()) -> list[Actor]:
        """Who took ``captives``: the authors of the latest arrest or abduction of one of them
        ("rebels hijacked a plane ... the passengers were released")."""
        codes = {a.code.code for a in captives if a.code is not None}

        def took(event: Event) -> bool:
            return event.complete and event.cameo.startswith(CAPTIVITY) and event.target is not None and event.target.code is not None and event.target.code.code in codes

        return self.authors(self._latest_of(_CAPTIVITY_ROOTS, took, since), since) if codes else []

    def authors(self, act: Event | None, since: Sequence[Event] = ()) -> list[Actor]:
        """Who did ``act``: its source, and the sources of the events coded with it at the same
        trigger and code, the parties of a joint act ("Ethiopia and Eritrea signed an agreement")."""
        if act is None:
            return []
        found = [e.source for e in self._together(act, since) if e.source is not None]
        return list({(a.code.code if a.code is not None else a.mention.text): a for a in found}.values())

    def _lead_act(self, roots: Sequence[str], countries: frozenset[str]) -> Event | None:
        """The story's own violent act of one of ``roots``, told in its lead and done by none of
        ``countries``: what a reaction that names an act by its kind ("condemned the attack")
        answers, whatever other acts the paragraphs between recall."""
        positions = [p for root in roots for p in self._by_root.get(root, ()) if self._events[p].sentence_index < LEAD_SENTENCES and _country(self._events[p]) not in countries]
        return self._events[min(positions)] if positions else None

    def _latest_not_by(self, root: str, countries: frozenset[str]) -> int | None:
        for position in reversed(self._by_root.get(root, ())):
            if _country(self._events[position]) not in countries:
                return position
        return None

    def _objects(self, event: Event) -> frozenset[str]:
        """The nouns that name the event as its pattern's object ("imposed sanctions"); not a
        deed noun, which names the act the event answers ("regretted the decision"), nor the
        object of words about another's act ("Russia rejects verdict": "the verdict" is not Russia's)."""
        if event.cameo.startswith(ABOUT_ANOTHER):
            return frozenset()
        pattern = self._patterns.get(event.rule.pattern_set, event.rule.pattern)
        return pattern.object.single - self._deed_nouns if pattern is not None and isinstance(pattern.object, Words) else frozenset()


def _country(event: Event) -> str | None:
    source = event.source
    return source.code.country if source is not None and source.code is not None else None


def _act_key(event: Event) -> tuple[int, int, str]:
    """Events of one act share their sentence, trigger and code: the parties of a joint act."""
    return event.sentence_index, event.trigger_start, event.cameo
