"""Where each event happened: the place its trigger's own words put it in.

In order: a place attached to the trigger by a locative phrase ("launched over Japan",
"talks in Beijing", "the embassy in Manila said"); else a location elsewhere in the
trigger's clause ("a missile which flew over Japan"); else the article's dateline; else none.
A place inside a quote (unless the event is in the same quote), in reported or planned
content ("said that ... in Seoul", "threatened to strike Guam"), or in a clause with its own
subject is not the event's place, and a place name used as an actor ("Washington said"), a
target or a topic is no location at all (usage.py); nor is the name the event's own source
or target was read from ("visited Russia", "shelled Juba"), nor one of a list of places
that tells about a noun ("students at universities in Cairo and Alexandria").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from standoff.geo.dateline import Dateline, find_dateline
from standoff.geo.gazetteer import Entry, Gazetteer
from standoff.geo.mentions import scan
from standoff.geo.resolve import ActorCountry, Resolved, anaphors, best_entry, resolve
from standoff.geo.usage import LocatedMention, located
from standoff.lexicon import Lexicon, load_lexicon
from standoff.model import Article, Event, Mention, Place
from standoff.nlp import Doc, Token
from standoff.syntax.labels import ADVERBIAL_CLAUSE, ADVERB_MODIFIER, PLAIN_OBLIQUE, PLAIN_PATIENT, Form, Role, form, is_noun, is_predicate_word, is_subject, link, role
from standoff.syntax.tree import char_span_bounds, children, phrase_root, sentence_starts, subtree_ends
from standoff.text.quotes import find_quotes

# Clauses under the trigger that are not where it happened: what was said, wanted or planned.
_CONTENT_LINKS = frozenset(
    {
        (Role.COMPLEMENT, Form.THAT_CLAUSE),
        (Role.COMPLEMENT, Form.INFINITIVE),
        (Role.COMPLEMENT, Form.PARATAXIS),
        (Role.AGENT, Form.CLAUSE),
        (Role.PATIENT, Form.CLAUSE),
    }
)
# How narrow each kind of place is: a city says more than its country.
_FINENESS = {"continent": 0, "country": 0, "ocean": 0, "region": 1, "sea": 1, "strait": 2, "admin1": 2, "island": 3,
             "river": 3, "city": 4, "canal": 4, "reef": 5, "site": 5}  # fmt: skip
_MAX_REASONS = 3
# How a place name is part of an actor's noun phrase when the actor is the place: as its head,
# or beside it ("the regional capital Juba", "the capital, Kabul").
_NAME_OF_ACTOR = frozenset({Role.APPOSITIVE, Role.MODIFIER, Role.CONJUNCT})
# A locative phrase on a noun deeper than this below the act tells about that noun ("agreed to
# an extension of the mandate for the force in Lebanon"), not where the act happened.
_MAX_NOUNS_BETWEEN = 1


class ArticlePlaces:
    """The places of one parsed article, found and resolved once; ``locate`` answers per event.

    ``article`` gives the text for quotes and the dateline (default: the doc's text);
    ``actor_countries`` are the countries of the article's actors with the words each was read
    from, context for ambiguous names other than those words.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        doc: Doc,
        article: Article | None = None,
        actor_countries: Iterable[ActorCountry] = (),
        lexicon: Lexicon | None = None,
    ) -> None:
        self._doc = doc
        self._words = lexicon if lexicon is not None else load_lexicon()
        text = article.text if article is not None else doc.text
        actor_countries = tuple(map(self._phrase_of, actor_countries))
        mentions, demonyms = scan(gazetteer, doc, self._words, text)
        named = resolve(doc, mentions, self._words, actor_countries, demonyms)
        self.resolved: list[Resolved] = sorted(named + anaphors(doc, named, self._words), key=lambda r: r.mention.start)
        self._usage = [located(doc, r, self._words) for r in self.resolved]
        # Places by the token that links them into the parse: a sentence's places are one run.
        self._by_head = sorted(range(len(self.resolved)), key=lambda index: self.resolved[index].mention.head)
        self._heads = [self.resolved[index].mention.head for index in self._by_head]
        self._sentence_starts = sentence_starts(doc)  # the sentences Token.sent gives, read once
        quotes = find_quotes(text)  # in order, and they do not overlap either
        self._quote_starts = [q.start for q in quotes]
        self._quote_ends = [q.end for q in quotes]
        self.dateline: Dateline | None = None
        self.dateline_entry: Entry | None = None
        found = find_dateline(text, self._words)
        if found is not None:
            self.dateline_entry = self._dateline_entry(gazetteer, found, tuple({a.country for a in actor_countries}))
            self.dateline = found if self.dateline_entry is not None else None

    # -- public -------------------------------------------------------------------------

    def locate(
        self, trigger: Token, countries: Iterable[str] | None = None, actors: Sequence[tuple[int, int]] = ()
    ) -> tuple[Place | None, str]:
        """The event's place and why, or None and why not.

        ``countries`` are the acting side's countries: a dateline is used only when it is in
        one of them (a Manila dateline does not place what Beijing said in Beijing); None
        when they are not known. ``actors`` are the character spans the event's source and
        target were read from: a place named there is an actor, not where.
        """
        found, why = self._in_words(trigger, actors)
        if found is not None:
            return found.place, why
        entry = self.dateline_entry
        if self.dateline is None or entry is None:
            return None, why + "; no dateline"
        wanted = set(countries) if countries is not None else set()
        if wanted and not wanted & set(entry.countries()):
            return None, why + f"; the dateline {self.dateline.name} is not in the acting side's country"
        if any(c.lower_ in self._words.here_words and link(c) == ADVERB_MODIFIER for c in children(trigger)):
            return entry.place(), f"'here' in an article datelined {self.dateline.name}: {_describe(entry)}"
        return entry.place(), f"{why}; the article is datelined {self.dateline.name}: {_describe(entry)}"

    def named_scene(self, event: Event) -> tuple[Place, Mention] | None:
        """Where the event's own words put it, and the words: a place attached to its trigger or
        in its clause ("demonstrated across France"); never the dateline."""
        bounds = char_span_bounds(self._doc, event.trigger_start, event.trigger_end)
        if bounds is None:
            return None
        found, _ = self._in_words(phrase_root(self._doc, *bounds), [(a.mention.start, a.mention.end) for a in (event.source, event.target) if a is not None])
        if found is None:
            return None
        words = self._doc[found.resolved.mention.start : found.resolved.mention.end]
        mention = Mention(event.article_id, event.sentence_index, words.start_char, words.end_char, words.text)
        return found.place, mention

    def _in_words(self, trigger: Token, actors: Sequence[tuple[int, int]]) -> tuple[LocatedMention | None, str]:
        """The place the trigger's own words put it at, and why; or None and why not."""
        number = bisect_right(self._sentence_starts, trigger.i) - 1
        start = self._sentence_starts[number]
        end = self._sentence_starts[number + 1] if number + 1 < len(self._sentence_starts) else len(self._doc)
        attached: list[LocatedMention] = []
        in_clause: list[LocatedMention] = []
        skipped: list[str] = []
        clause: set[int] | None = None  # built only when a place may be in the trigger's clause
        in_sentence = self._by_head[bisect_left(self._heads, start) : bisect_left(self._heads, end)]
        here = [(self.resolved[index], self._usage[index]) for index in sorted(in_sentence)]  # in reading order
        listed = self._listed(here)
        for resolved, usage in here:
            name = resolved.mention.text
            if self._names_actor(resolved, actors):
                skipped.append(f"{name!r} names the event's actor, not where it happened")
            elif usage is None:
                skipped.append(f"{name!r} is no location here (an actor or a modifier)")
            elif not usage.locates(trigger, self._words):
                skipped.append(f"{usage.link} {name!r} says what {usage.anchor.text!r} is about or aimed at, not where")
            elif self._quoted_apart(self._doc[resolved.mention.head], trigger):
                skipped.append(f"{name!r} is inside a quote")
            elif usage.anchor.i != trigger.i and usage.anchor.i in listed:
                skipped.append(f"{name!r} is one of a list of places telling about {usage.anchor.text!r}, not where")
            elif _nouns_above(usage.anchor, trigger) > _MAX_NOUNS_BETWEEN:
                skipped.append(f"{name!r} tells where {usage.anchor.text!r} is, not where the act happened")
            elif _attached(usage.anchor, trigger):
                attached.append(usage)
            else:
                clause = self._clause_tokens(trigger) if clause is None else clause
                if usage.anchor.i in clause:
                    in_clause.append(usage)
                else:
                    skipped.append(f"{name!r} belongs to another clause")
        for found, how in ((attached, "attached to"), (in_clause, "in the clause of")):
            if found:
                best = _finest(found, trigger)
                return best, _reason(best, f"{how} {trigger.text!r}")
        return None, "; ".join(skipped[:_MAX_REASONS]) if skipped else "the sentence names no place"

    def locate_events(self, events: Sequence[Event]) -> list[Event]:
        """Each event with its place: a name any event of the sentence reads an actor from is
        no event's place ("will visit Mauritania and Senegal")."""
        actors: dict[int, list[tuple[int, int]]] = {}
        for event in events:
            spans = actors.setdefault(event.sentence_index, [])
            spans += [(a.mention.start, a.mention.end) for a in (event.source, event.target) if a is not None]
        return [self.locate_event(event, actors.get(event.sentence_index, ())) for event in events]

    def locate_event(self, event: Event, actors: Sequence[tuple[int, int]] | None = None) -> Event:
        """The event with ``location`` and ``loc_reason`` filled in: its trigger found by its
        offsets, the dateline checked against the source actor's country. ``actors``: the spans
        actors were read from (default: the event's own source and target)."""
        bounds = char_span_bounds(self._doc, event.trigger_start, event.trigger_end)
        if bounds is None:
            return event.replaced(location=None, loc_reason="the trigger is not in the parsed text")
        source = event.source.code if event.source is not None else None
        if actors is None:
            actors = [(a.mention.start, a.mention.end) for a in (event.source, event.target) if a is not None]
        place, why = self.locate(phrase_root(self._doc, *bounds), [source.country] if source is not None and source.country else None, actors)
        return event.replaced(location=place, loc_reason=why)

    # -- helpers ------------------------------------------------------------------------

    def _listed(self, here: list[tuple[Resolved, LocatedMention | None]]) -> set[int]:
        """The nouns a list of places tells about ("students at universities in Cairo and
        Alexandria"): places joined by a conjunction, none of which is where."""
        heads = {r.mention.head for r, _ in here}
        anchors = set()
        for resolved, usage in here:
            head = self._doc[resolved.mention.head]
            if usage is not None and not is_predicate_word(usage.anchor) and role(head) is Role.CONJUNCT and head.head.i in heads:
                anchors.add(usage.anchor.i)
        return anchors

    def _names_actor(self, resolved: Resolved, actors: Sequence[tuple[int, int]]) -> bool:
        """An actor was read from the place's name itself ("visited *Russia*", "shelled the
        regional capital *Juba*"), not from a phrase around it or a locative phrase."""
        place = self._doc[resolved.mention.head]
        for start, end in actors:
            bounds = char_span_bounds(self._doc, start, end)
            if bounds is None or not (bounds[0] <= place.i < bounds[1]):
                continue
            root = phrase_root(self._doc, *bounds).i
            token = place
            while token.i != root and role(token) in _NAME_OF_ACTOR and bounds[0] <= token.head.i < bounds[1]:
                token = token.head
            if token.i == root and not self._in_locative_phrase(token):
                return True
        return False

    def _in_locative_phrase(self, name: Token) -> bool:
        """The name is the object of a place preposition ("retook a village *in Cambodia*"): it
        says where even when the event's actor, the place's owner, was read from it."""
        return link(name) == PLAIN_OBLIQUE and name.head.lower_ in self._words.noun_place_prepositions

    def _quoted_apart(self, place: Token, trigger: Token) -> bool:
        """The place is quoted and the trigger is not in the same quote."""
        index = bisect_right(self._quote_starts, place.idx) - 1
        if index < 0 or place.idx >= self._quote_ends[index]:
            return False
        return not (self._quote_starts[index] <= trigger.idx < self._quote_ends[index])

    def _phrase_of(self, actor: ActorCountry) -> ActorCountry:
        """The actor with the span of its whole noun phrase: the country of "rival militias in
        Tripoli" was read from Tripoli, so it is no evidence of which Tripoli."""
        bounds = char_span_bounds(self._doc, actor.start, actor.end) if actor.end > actor.start else None
        if bounds is None:
            return actor
        first, last = subtree_ends(phrase_root(self._doc, *bounds))
        return ActorCountry(actor.country, min(actor.start, first.idx), max(actor.end, last.idx + len(last)))

    def _dateline_entry(self, gazetteer: Gazetteer, dateline: Dateline, actors: tuple[str, ...]) -> Entry | None:
        candidates = [c for name in dateline.names for c in gazetteer.candidates(name)]
        if dateline.qualifier:  # "PARIS, Texas"
            scope = gazetteer.candidates(dateline.qualifier)
            names = {c.entry.name for c in scope} | {c.entry.country for c in scope}
            candidates = [c for c in candidates if c.entry.admin1 in names or c.entry.country in names] or candidates
        return best_entry(candidates, (r.entry for r in self.resolved), actors)

    def _clause_tokens(self, trigger: Token) -> set[int]:
        """Token indices of the trigger's clause: its verb's subtree without reported or planned
        content and without clauses that have a subject of their own."""
        verb = trigger
        if not is_predicate_word(trigger) and _is_argument(trigger) and is_predicate_word(trigger.head):
            verb = trigger.head  # "carried out a launch", "the launch was condemned"
        found: set[int] = set()
        stack = [verb]
        while stack:
            token = stack.pop()
            found.add(token.i)
            for child in children(token):
                if link(child) in _CONTENT_LINKS or self._own_subject_clause(child):
                    continue
                stack.append(child)
        return found

    def _own_subject_clause(self, token: Token) -> bool:
        """A verb with its own subject ("after Trump spoke"), other than a relative pronoun or a
        "when" clause, which tells how the same event happened ("killed when a bomb ripped through")."""
        kind, how = link(token)
        if not is_predicate_word(token) or kind is Role.RELATIVE or (kind, how) == (Role.COMPLEMENT, Form.NOUN_CLAUSE):
            return False
        if (kind, how) == ADVERBIAL_CLAUSE and any(_opens_clause(c) and c.lower_ == "when" for c in children(token)):
            return False
        return any((is_subject(c) or form(c) is Form.EXPLETIVE) and c.lower_ not in self._words.relative_words for c in children(token))


def _describe(entry: Entry) -> str:
    return f"{entry.name} ({entry.feature}, {entry.country or 'no single country'})"


def _reason(usage: LocatedMention, relation: str) -> str:
    entry = usage.resolved.entry
    what = f"{entry.name} ({usage.feature or entry.feature}, {entry.country or 'no single country'})"
    return f"{usage.word!r} {usage.resolved.mention.text!r} {relation}: {what}; {usage.resolved.why}"


def _is_argument(token: Token) -> bool:
    """A noun as subject, object or predicate of its verb."""
    return is_subject(token) or link(token) == PLAIN_PATIENT or role(token) is Role.PREDICATIVE


def _opens_clause(token: Token) -> bool:
    """A subordinator or adverb at the head of a clause: the "when" of "killed when a bomb ..."."""
    return link(token) in ((Role.FUNCTION, Form.SUBORDINATOR), (Role.MODIFIER, Form.ADVERB))


def _nouns_above(anchor: Token, trigger: Token) -> int:
    """How many nouns lie between a noun the phrase hangs on and the verb (or trigger) above it."""
    count = 0
    token = anchor
    for _ in range(12):
        if token.i == trigger.i or is_predicate_word(token) or token.head.i == token.i:
            return count
        token = token.head
        count += token.i != trigger.i and not is_predicate_word(token) and is_noun(token)
    return count


def _attached(anchor: Token, trigger: Token) -> bool:
    """The locative phrase hangs on the trigger itself or on one of its noun arguments
    ("the embassy in Manila said"), not reaching it through another verb."""
    token = anchor
    for _ in range(12):
        if token.i == trigger.i:
            return True
        if is_predicate_word(token) or token.head.i == token.i:
            return False
        token = token.head
    return False


def _finest(found: list[LocatedMention], trigger: Token) -> LocatedMention:
    """The nearest place, or a finer one within it ("over Japan ... off Hokkaido", "into
    Japanese waters near the Senkakus")."""
    nearest = min(found, key=lambda m: abs(m.anchor.i - trigger.i) + abs(m.resolved.mention.head - trigger.i) / 100)
    country = nearest.resolved.entry.country
    finer = [
        m for m in found
        if country and country in m.resolved.entry.countries() and _fineness(m) > _fineness(nearest)
    ]  # fmt: skip
    return max(finer, key=_fineness) if finer else nearest


def _fineness(located: LocatedMention) -> float:
    """How narrow a place is; the waters off a place are a little wider than the place itself."""
    fineness = _FINENESS.get(located.resolved.entry.feature, 0)
    return fineness + 0.5 if located.feature == "offshore" else fineness
