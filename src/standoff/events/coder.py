"""Turn frames into events: match a pattern, find source and target actors, modality and date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from standoff.actors.resolve import ArticleActors
from standoff.events.dictionary import NO_EVENT, Pattern, VerbDictionary
from standoff.events.composition import Composition
from standoff.events.confidence import evidence_key, load_confidence_table
from standoff.events.embedding import SecondOpinion, action_verbs, predicate_text
from standoff.events.frames import LIGHT_VERBS, Frame, frames, verb_frame
from standoff.events.modality import modality
from standoff.model import Actor, Event, event_id
from standoff.nlp import Span, Token
from standoff.ontology import Ontology
from standoff.text.dates import DateMention

# Modalities under which the coded action did not (or not yet knowably) happen: no event.
NON_EVENTS = {"hypothetical", "question", "denied"}
# Acts the text says did not (or not knowably) happen: left out unless asked for.
UNREALISED = NON_EVENTS | {"negated"}
DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "at", "over", "into", "inside", "near")
CONTEXT_PREPS = ("regarding", "about", "on", "over", "toward", "towards", "against", "with")
RESPONSE_PREPS = ("following", "after", "over")
OWNER_PREPS = ("of", "from", "by")
DEFINITE = {"the", "this", "these", "that", "those"}
Answered = Callable[[Token], "Event | None"]
NESTING_PREPS = ("of", "for", "in")
# "a suspension of aid" is no aid: these nouns undo what they are "of"
STOPPING_NOUNS = {"suspension", "halt", "cut", "end", "cancellation", "freeze", "withdrawal", "reduction", "ban", "termination", "stop"}
PLACE_NOUNS = {"region", "city", "town", "village", "province", "district", "area", "port", "county", "island", "islands", "territory", "capital", "enclave", "state"}
# Codes of acts that, done by conjoined actors, they do with each other: consult, meet,
# negotiate, agree, cooperate (or say they will), declare a truce, clash.
RECIPROCAL_PREFIXES = ("031", "036", "04", "057", "06", "0871", "190")
STATEMENT_CODE = "010"
REPORTING_HEADS = {"tell", "advise", "warn"}
LOCATIVE_PREPS = ("in", "inside", "near", "across")
# Not in the dictionary: made by the engine for the speaker of reported speech.
SPEECH_PATTERN = Pattern(
    id="speech.reported", code=STATEMENT_CODE, triggers=(), nominal=False, object=None, prep=None, comp=None,
    content=(), clause=True, bare=False, subject=None, modifier=None, target="none", needs_target=False, negated=None,
)
# The dictionary knew no verb: the embedding's nearest code, with the default target search.
SECOND_OPINION_PATTERN = replace(SPEECH_PATTERN, id="embedding", clause=False, target="default")
SPEAKER_PRONOUNS = {"it", "they", "we"}
SPEECH_LEMMAS = {"say", "tell", "state", "announce", "report", "claim", "add", "write", "declare", "confirm", "allege"}
# A speaker's own act told with these is announced, not yet done: intent or threat.
PROMISING_AUX = {"will", "would", "'ll", "shall"}
PROMISING_SPEECH = SPEECH_LEMMAS | {"insist", "reiterate", "stress", "assure", "indicate", "signal", "affirm"}
SELF_PRONOUNS = SPEAKER_PRONOUNS | {"he", "she", "i"}  # a reported clause's subject that is its speaker


@dataclass(frozen=True, slots=True)
class SentenceContext:
    article_id: str
    index: int
    sentence: Span
    published: date | None
    dates: list[DateMention]  # with offsets into the article text


class EventCoder:
    def __init__(
        self, dictionary: VerbDictionary, composition: Composition, ontology: Ontology, unrealised: bool = False, second_opinion: SecondOpinion | None = None
    ) -> None:
        """``unrealised``: also code negated, hypothetical, questioned and denied acts, marked so in modality.
        ``second_opinion``: code sentences the dictionary leaves empty by embedding, when near enough."""
        self._unrealised = unrealised
        self._second_opinion = second_opinion
        self._dictionary = dictionary
        self._composition = composition
        self._ontology = ontology
        self._confidence = load_confidence_table()
        self._verbs = frozenset(t.lemma for p in dictionary.patterns if not p.nominal for t in p.triggers)
        self._nouns = frozenset(t.lemma for p in dictionary.patterns if p.nominal for t in p.triggers)

    def code_sentence(self, ctx: SentenceContext, actors: ArticleActors, earlier: list[Event]) -> list[Event]:
        matched = []
        for frame in frames(ctx.sentence, self._verbs, self._nouns):
            pattern = next((p for p in self._dictionary.candidates(frame.lemma, frame.nominal) if _fits(p, frame, actors)), None)
            if pattern is not None:
                matched.append((frame, pattern))
        # An action under a governing verb ("agreed to lift") is coded through that verb; the
        # verb's own pattern then stays silent, so one act is one event.
        composed = []
        for frame, pattern in matched:
            head = self._governing_head(_clause_verb(frame))
            if head is not None:
                events = self._composed(pattern, frame, head, ctx, actors, earlier)
                if events is not None:
                    composed.append((frame, head, events))
        heads = {head[0].i for _, head, events in composed if events}
        silenced = {frame.trigger.i for frame, _, _ in composed}
        found: list[Event] = []
        for frame, pattern in matched:
            if frame.trigger.i in heads or frame.trigger.i in silenced:
                continue
            found.extend(self._plain(pattern, frame, ctx, actors, earlier + found))
        for _, _, events in composed:
            found.extend(events)
        found = _light_verb_wins(found, matched)
        found = _answer_targets(found, matched, ctx)
        found = self._own_side(found, actors, ctx)
        found += self._speakers(found, actors, ctx)
        found = _reciprocated(found)
        if not found and self._second_opinion is not None:
            found = self._embedded(ctx, actors, earlier)
        return sorted(found, key=lambda e: e.trigger_start)

    def _embedded(self, ctx: SentenceContext, actors: ArticleActors, earlier: list[Event]) -> list[Event]:
        """The second opinion on the sentence's main act; a reported act whose subject is no
        known actor ("Russia says it will ...") is the speaker's."""
        assert self._second_opinion is not None
        verbs = action_verbs(ctx.sentence)
        frame = verb_frame(verbs[0]) if verbs else None
        for outer in verbs[1:]:
            if any(a is not None and a.code is not None for a in _source_actors(frame, actors)):
                break
            frame.subjects = verb_frame(outer).subjects
        if frame is None or not any(a is not None and a.code is not None for a in _source_actors(frame, actors)):
            return []
        opinion = self._second_opinion.opinion(predicate_text(frame))
        if opinion is None:
            return []
        events = self._plain(replace(SECOND_OPINION_PATTERN, code=opinion.code), frame, ctx, actors, earlier)
        # a negated act becomes a refusal in _plain; the rule says so
        return [replace(e, rule=opinion.rule + ("" if e.cameo == opinion.code else "+refuse"), confidence=opinion.confidence) for e in events]

    def _speakers(self, events: list[Event], actors: ArticleActors, ctx: SentenceContext) -> list[Event]:
        """ "X said Y did Z": besides Y's reported act, X made a statement (010) about Y."""
        spoken = []
        for event in events:
            if event.modality != "reported" or event.source is None or event.source.code is None:
                continue
            verb = _speech_verb_above(event, ctx.sentence)
            if verb is None or any(e.trigger_start == verb.idx for e in events):
                continue
            for speaker in _source_actors(verb_frame(verb), actors):
                if speaker is not None and speaker.code is not None and not _same_country(speaker, event.source):
                    spoken += self._build(STATEMENT_CODE, [speaker], [event.source], verb, "asserted", SPEECH_PATTERN, "", ctx)
        return _unique(spoken)

    def _own_side(self, events: list[Event], actors: ArticleActors, ctx: SentenceContext) -> list[Event]:
        """ "The Kremlin said Moscow was ready to resume talks": a government speaking of its own
        country's stance or intent is itself the source of that verbal act."""
        out = []
        for event in events:
            verb = _speech_verb_above(event, ctx.sentence) if event.modality == "reported" else None
            speakers = [a for a in _source_actors(verb_frame(verb), actors) if a is not None and a.code is not None] if verb is not None else []
            if event.source is not None and any(sp.code == event.source.code for sp in speakers):
                # "Lavrov and Kerry said they hoped ...": the speakers' own statement, not a report
                event = replace(event, modality="asserted")
            elif len(speakers) == 1 and event.quad_class in (1, 3):
                speaker = speakers[0]
                if _same_country(speaker, event.source) and speaker.code.sector and not event.source.code.sector:
                    event = _reid(replace(event, source=speaker, modality="asserted"))
            out.append(event)
        return out

    def _answering(self, earlier: list[Event]) -> Answered:
        """Finds the latest earlier act a noun names: "the launch", "the accusation", "the sanctions"."""

        def find(noun: Token) -> Event | None:
            lemma = noun.lemma_.lower()
            for event in reversed(earlier):
                pattern = self._dictionary.get(event.rule.removeprefix("pattern:").partition("+")[0])
                words = pattern.object if pattern is not None and isinstance(pattern.object, frozenset) else frozenset()
                if event.trigger.lower().startswith(lemma[:5]) or lemma in words:
                    return event
            return None

        return find

    def _governing_head(self, trigger: Token) -> tuple[Token, list[str]] | None:
        """The verb (or adjective: "ready to talk") whose infinitival complement the trigger is."""
        token = trigger
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        # "called on China on Friday to release ...": the parser may attach the infinitive as advcl
        infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        clause = token.dep_ == "ccomp"  # "demanded that Israel halt ...": only appeals and demands
        if token.dep_ != "xcomp" and not infinitive and not clause:
            return None
        head = token.head
        words = {c.lower_ for c in head.children if c.dep_ in ("prt", "prep") and 0 < c.i - head.i <= 2}
        groups = self._composition.groups_of(head.lemma_.lower(), words)
        if clause:  # "told reporters that ..." reports; "demanded that ..." demands
            groups = [g for g in groups if g in ("appeal", "demand")] if head.lemma_.lower() not in REPORTING_HEADS else []
        return (head, groups) if groups else None

    def _plain(self, pattern: Pattern, frame: Frame, ctx: SentenceContext, actors: ArticleActors, earlier: list[Event]) -> list[Event]:
        mode = modality(frame.trigger)
        code: str | None = pattern.code
        group = ""
        if mode == "negated":
            # "will not lift the ban" is a refusal; "did not attack" is no event at all
            refusal = pattern.negated or self._composition.compose("refuse", pattern.code)
            code, mode = (refusal, "asserted") if refusal not in (None, NO_EVENT) else (pattern.code, "negated")
        elif mode in ("future", "hypothetical") and _announces_own_act(frame, actors):
            # "the rebels said they would release ...": the speaker states an intent (03), or
            # a threat (13) when the act is hostile; the act itself has not happened
            group = "threaten" if int(pattern.code[:2]) >= 9 else "intend"
            promised = self._composition.compose(group, pattern.code)
            code, mode, group = (promised, "asserted", group) if promised else (code, mode, "")
        if mode in UNREALISED and not self._unrealised:
            return []
        sources = _source_actors(frame, actors)
        targets = _target_actors(pattern, frame, actors, self._answering(earlier), sources)
        return self._build(code, sources, targets, frame.trigger, mode, pattern, group, ctx)

    def _composed(
        self, pattern: Pattern, frame: Frame, head: tuple[Token, list[str]], ctx: SentenceContext, actors: ArticleActors, earlier: list[Event]
    ) -> list[Event] | None:
        """Events for an action under a governing verb; None when the head does not apply."""
        head_token, groups = head
        head_verb = head_token if head_token.pos_ in ("VERB", "AUX") else head_token.head  # "was ready to"
        head_frame = verb_frame(head_verb)
        mode = "hypothetical" if "hypothetical" in groups else modality(head_verb)
        if mode in NON_EVENTS:
            if not self._unrealised:
                return []
            sources = _source_actors(frame, actors) or _source_actors(head_frame, actors)
            targets = _target_actors(pattern, frame, actors, self._answering(earlier), sources)
            return self._build(pattern.code, sources, targets, frame.trigger, mode, pattern, "", ctx)
        if "future" in groups:
            sources = _source_actors(frame, actors) or _source_actors(head_frame, actors)
            targets = _target_actors(pattern, frame, actors, self._answering(earlier), sources)
            return self._build(pattern.code, sources, targets, frame.trigger, "future", pattern, "future", ctx)
        if mode == "negated":
            groups, mode = ["refuse"], "asserted"
        for group in groups:
            code = self._composition.compose(group, pattern.code)
            if code is None:
                continue
            sources = _source_actors(head_frame, actors)
            targets = _target_actors(pattern, frame, actors, self._answering(earlier), sources)
            if group in ("appeal", "demand"):
                # the addressee: "urged X to", "called on X to", "demanded that X ..."
                addressed = head_frame.objects + [o for word in head_frame.adjacent for o in head_frame.preps.get(word, [])]
                if frame.trigger.dep_ == "ccomp":
                    addressed = addressed + frame.subjects
                targets = [a for o in addressed for a in _actors_at(o, actors)] or targets
            return self._build(code, sources, targets, head_verb, mode, pattern, group, ctx)
        return []  # offered, agreed or threatened, but not done: no event for the action itself

    def _build(
        self,
        code: str,
        sources: list[Actor | None],
        targets: list[Actor],
        trigger: Token,
        mode: str,
        pattern: Pattern,
        group: str,
        ctx: SentenceContext,
    ) -> list[Event]:
        """Events for every source-target pair; ``group`` names the governing verb's group, if any."""
        known_target = any(t is not None and t.code is not None for t in targets)
        if not sources or (sources == [None] and not known_target) or (pattern.needs_target and not known_target):
            return []  # an event needs a source, or at least a known target of a sourceless passive
        info = self._ontology.cameo(code)
        event_date, basis = _event_date(trigger, ctx)
        if mode == "asserted" and basis == "text" and ctx.published and event_date and event_date > ctx.published:
            mode = "future"  # "Kishida's visit to Washington next week"
        out = []
        for source in sources:
            for target in targets or [None]:
                if source is not None and target is not None and source.code is not None and source.code == target.code:
                    continue  # an actor does not act on itself
                confidence = self._confidence.score(evidence_key(pattern, group not in ("", "future"), source, target))
                source_code = source.code.code if source and source.code else None
                target_code = target.code.code if target and target.code else None
                out.append(
                    Event(
                        id=event_id(ctx.article_id, ctx.index, trigger.idx, trigger.idx + len(trigger.text), source_code, target_code, code),
                        article_id=ctx.article_id,
                        sentence_index=ctx.index,
                        sentence_start=ctx.sentence.start_char,
                        sentence_end=ctx.sentence.end_char,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger.text),
                        trigger=trigger.text,
                        source=source,
                        target=target,
                        cameo=code,
                        plover=info.plover,
                        goldstein=info.goldstein,
                        quad_class=info.quad_class,
                        modality=mode,
                        event_date=event_date,
                        date_basis=basis,
                        confidence=confidence,
                        rule=f"pattern:{pattern.id}+{group}" if group else f"pattern:{pattern.id}",
                    )
                )
        return out


# -- matching ------------------------------------------------------------------------------


def _fits(pattern: Pattern, frame: Frame, actors: ArticleActors) -> bool:
    if not _trigger_words_present(pattern, frame):
        return False
    objects = _objects(pattern, frame)
    if pattern.object == "none" and objects:
        return False
    if pattern.object == "thing" and not objects:
        return False
    if pattern.object == "actor" and not any(_actors_at(o, actors) or actors.actors(o) for o in objects):
        return False
    if isinstance(pattern.object, frozenset) and not any(_words_of(o) & pattern.object for o in objects):
        return False
    if pattern.modifier is not None and not any(_modifiers_of(o) & pattern.modifier for o in objects):
        return False
    if pattern.subject is not None and not any(_words_of(s) & pattern.subject for s in frame.subjects):
        return False
    if pattern.prep is not None and not _prep_objects(pattern.prep, frame):
        return False
    if pattern.comp is not None and (frame.complement is None or frame.complement.lemma_.lower() not in pattern.comp):
        return False
    if pattern.clause and frame.clause is None:
        return False
    if pattern.bare and (frame.predicative or frame.complement is not None or frame.clause is not None):
        return False
    if pattern.content and not any(expr.search(_content_text(frame)) for expr in pattern.content):
        return False
    return True


def _objects(pattern: Pattern, frame: Frame) -> list[Token]:
    """Direct objects, and the object of a preposition the trigger is written with: the
    addressee of "call on X", the ceasefire in "agree to a ceasefire"."""
    extra = {word for t in pattern.triggers if t.lemma == frame.lemma for word in t.extra}
    return frame.objects + [o for word in sorted(extra) for o in frame.preps.get(word, [])]


def _trigger_words_present(pattern: Pattern, frame: Frame) -> bool:
    """Any of the pattern's triggers with this lemma whose extra words are all there."""
    for trigger in pattern.triggers:
        if trigger.lemma != frame.lemma:
            continue
        if frame.nominal:
            modifiers = {c.lower_ for c in frame.trigger.lefts} | {c.lemma_.lower() for c in frame.trigger.lefts}
            if all(word in modifiers for word in trigger.extra):
                return True
        elif all(frame.has_word(word) for word in trigger.extra):
            return True
    return False


def _words_of(token: Token) -> set[str]:
    """A role filler's lemma and form, those of its compound modifiers ("road map") and of the
    noun it is an offer or proposal of ("the offer of talks")."""
    words = {token.lemma_.lower(), token.lower_}
    for child in token.children:
        if child.dep_ == "compound":
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ in NESTING_PREPS and token.lemma_.lower() not in STOPPING_NOUNS:
            words |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
    return words


def _modifiers_of(token: Token) -> set[str]:
    """Adjectives and nouns before the object, or before the noun it is an amount of: the
    "military" of "military aid" and of "$250 million in military aid"."""
    words = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in NESTING_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    words |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")}
    return words


def _content_text(frame: Frame) -> str:
    return "" if frame.clause is None else _clause_text(frame.clause)


@lru_cache(maxsize=1)  # every content pattern of a verb asks for the same clause, one after the other
def _clause_text(clause: Token) -> str:
    tokens = list(clause.subtree)
    return clause.doc[tokens[0].i : tokens[-1].i + 1].text.lower()


# -- actors --------------------------------------------------------------------------------


def _actors_at(token: Token, actors: ArticleActors) -> list[Actor]:
    """Resolved actors a role filler stands for. A noun that is no actor passes to its owner:
    "Lavrov's call", "the Afghan army base", "demands from the rebels"."""
    found = [a for a in actors.actors(token) if a.code is not None]
    if found:
        return found
    if token.lemma_.lower() in PLACE_NOUNS:
        # "the Transnistria region of Moldova": a place belongs to the country it is "of"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                owners = [a for obj in prep.children if obj.dep_ == "pobj" for a in actors.actors(obj) if a.code is not None]
                if owners:
                    return owners
    for child in token.children:
        if child.dep_ in ("poss", "compound", "appos"):
            found = [a for a in actors.actors(child) if a.code is not None]
            if found:
                return found
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return [a for a in actors.actors(obj) if a.code is not None]
    return actors.owners(token)


def _source_actors(frame: Frame, actors: ArticleActors) -> list[Actor | None]:
    """Who acts. A named source the knowledge base does not know is kept unresolved; a
    passive without agent ("the ship was seized") has no source at all."""
    found = [a for s in frame.subjects for a in _actors_at(s, actors)]
    if found:
        return found
    found = [a for s in frame.subjects if s.lower_ in SPEAKER_PRONOUNS for a in _speaker_of(s, actors)]
    if found:
        return found
    unresolved = [a for s in frame.subjects for a in actors.actors(s)]
    if unresolved:
        return unresolved
    return [None] if frame.passive and not frame.subjects else []


def _speaker_of(pronoun: Token, actors: ArticleActors) -> list[Actor]:
    """ "China said it would respond", "Lavrov and Kerry said they hoped": the pronoun subject of
    a reported clause is the speaker."""
    token = pronoun.head
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_LEMMAS | {"warn", "insist", "hope", "vow"}:
            speakers = [c for c in token.head.children if c.dep_ == "nsubj"]
            return [a for sp in speakers for a in _actors_at(sp, actors)]
        token = token.head
    return []


def _target_actors(pattern: Pattern, frame: Frame, actors: ArticleActors, answered: Answered, sources: list[Actor | None]) -> list[Actor]:
    found = _named_targets(pattern, frame, actors, answered)
    if not found and pattern.code[:2] >= "14":
        # force shown or used somewhere is aimed at that country, unless it is the actor's own
        places = _located(frame, actors) or [a for o in frame.objects for a in _placed_at(o, actors)]
        return [p for p in places if not any(_same_country(s, p) for s in sources)]
    return found


def _named_targets(pattern: Pattern, frame: Frame, actors: ArticleActors, answered: Answered) -> list[Actor]:
    kind = pattern.target
    if kind == "none":
        return []
    if kind == "object":
        objects = _objects(pattern, frame)
        return (
            [a for o in objects for a in _actors_at(o, actors)]
            or [a for o in objects for a in _placed_at(o, actors)]
            or _authors(objects, answered)
            or [a for o in objects for a in actors.actors(o)]
        )
    if kind.startswith("prep:"):
        return _prep_targets(kind[5:], frame, actors)
    if kind == "content":
        return _content_targets(frame, actors, answered)
    objects = _objects(pattern, frame)
    found = [a for o in objects for a in _actors_at(o, actors)]
    for prep in DEFAULT_TARGET_PREPS:
        if found:
            break
        found = [a for t in frame.preps.get(prep, []) for a in _actors_at(t, actors)]
    return found or [a for o in objects for a in _placed_at(o, actors)] or _authors(objects, answered)


def _authors(objects: list[Token], answered: Answered) -> list[Actor]:
    """ "China denied the accusation", "condemned the sanctions": aimed at who made them."""
    acts = [answered(o) for o in objects if any(c.lower_ in DEFINITE for c in o.children)]
    return [act.source for act in acts if act is not None and act.source is not None]


def _located(frame: Frame, actors: ArticleActors) -> list[Actor]:
    """The country of where a material act was done to unnamed targets ("bombed targets inside Afghanistan")."""
    return [a for prep in LOCATIVE_PREPS for t in frame.preps.get(prep, []) for a in _actors_at(t, actors)]


def _placed_at(token: Token, actors: ArticleActors) -> list[Actor]:
    """Where a targeted thing is: "targets inside Afghanistan", "a missile which flew over Japan"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            found = [a for o in child.children if o.dep_ == "pobj" for a in _actors_at(o, actors)]
            if found:
                return found
        if child.dep_ == "relcl":
            for part in child.children:
                if part.dep_ in ("prt", "prep") and part.lower_ in ("over", "into", "toward", "towards", "at"):
                    objects = [o for o in child.children if o.dep_ == "dobj"] + [o for o in part.children if o.dep_ == "pobj"]
                    found = [a for o in objects for a in _actors_at(o, actors)]
                    if found:
                        return found
    return []


def _prep_objects(prep: str, frame: Frame) -> list[Token]:
    """Objects of the preposition on the trigger or on its object ("favored negotiations with
    X", "host talks between X and Y", "imposed sanctions on Russia on Friday")."""
    on_objects = [t for obj in frame.objects for p in obj.children if p.dep_ == "prep" and p.lower_ == prep for t in p.children if t.dep_ == "pobj"]
    return frame.preps.get(prep, []) + on_objects


def _prep_targets(prep: str, frame: Frame, actors: ArticleActors) -> list[Actor]:
    return [a for t in _prep_objects(prep, frame) for a in _actors_at(t, actors)]


def _content_targets(frame: Frame, actors: ArticleActors, answered: Answered) -> list[Actor]:
    """Who a statement is about: an actor named in what was said ("regarding North Korea"),
    else the author of an earlier event it answers ("following the missile launch")."""
    if frame.clause is not None:
        condition = {t.i for c in frame.clause.subtree if c.dep_ == "advcl" for t in c.subtree}
        verbs = [t for t in frame.clause.subtree if t.pos_ in ("VERB", "AUX") and t.i not in condition]
        for verb in verbs:  # the object of what was said to be done: "would strike US bases"
            for obj in verb.children:
                if obj.dep_ == "dobj":
                    found = _actors_at(obj, actors)
                    if found:
                        return found
        for token in frame.clause.subtree:
            if token.i not in condition and token.dep_ == "pobj" and token.head.lower_ in CONTEXT_PREPS:
                found = _actors_at(token, actors)
                if found:
                    return found
    for token in frame.trigger.sent:
        if token.lower_ in RESPONSE_PREPS and token.dep_ == "prep":
            for obj in token.children:
                if obj.dep_ == "pobj":
                    act = answered(obj)
                    if act is not None and act.source is not None:
                        return [act.source]
    return []


def _light_verb_wins(events: list[Event], matched: list[tuple[Frame, Pattern]]) -> list[Event]:
    """ "carried out air strikes on X": when the light verb's own pattern coded the act, the
    noun's pattern adds nothing."""
    coded = {e.trigger_start for e in events}
    redundant = {
        f.trigger.idx
        for f, _ in matched
        if f.nominal and f.trigger.dep_ == "dobj" and f.trigger.head.lemma_.lower() in LIGHT_VERBS and f.trigger.head.idx in coded
    }
    return [e for e in events if e.trigger_start not in redundant]


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    return [e for e in events if not (e.id in seen or seen.add(e.id))]


def _clause_verb(frame: Frame) -> Token:
    """The verb that carries the frame's act: a light verb for its noun ("agreed to *stage* a
    joint exercise"), else the trigger."""
    trigger = frame.trigger
    if frame.nominal and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in LIGHT_VERBS:
        return trigger.head
    return trigger


def _announces_own_act(frame: Frame, actors: ArticleActors) -> bool:
    """ "X said it will/would do Y": a clause under a verb of saying, in the future (or the
    future-in-the-past "would"), whose subject is the speaker ("it", "they", or X again)."""
    verb = frame.trigger
    if frame.nominal or not any(c.dep_ == "aux" and c.lower_ in PROMISING_AUX for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in PROMISING_SPEECH:
        return False
    speakers = {a.code.code for s in verb_frame(clause.head).subjects for a in _actors_at(s, actors) if a.code is not None}
    for subject in frame.subjects:
        if subject.lower_ in SELF_PRONOUNS:
            continue
        if not {a.code.code for a in _actors_at(subject, actors) if a.code is not None} & speakers:
            return False
    return bool(frame.subjects)


def _speech_verb_above(event: Event, sentence: Span) -> Token | None:
    """The verb of saying whose clause holds the event's trigger."""
    token = next((t for t in sentence if t.idx == event.trigger_start), None)
    while token is not None and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_LEMMAS:
            return token.head
        token = token.head
    return None


def _answer_targets(events: list[Event], matched: list[tuple[Frame, Pattern]], ctx: SentenceContext) -> list[Event]:
    """An act aimed at another act in the same sentence ("criticised the sanctions that
    Washington imposed") is aimed at that act's author."""
    out = []
    for event in events:
        if event.target is None:
            frame = next((f for f, _ in matched if f.trigger.idx == event.trigger_start), None)
            answered = _event_inside(frame, events) if frame is not None else None
            if answered is not None and answered.source is not None and not _same_country(event.source, answered.source):
                event = _retarget(event, answered.source)
        out.append(event)
    return out


def _event_inside(frame: Frame, events: list[Event]) -> Event | None:
    """An event told in a relative clause of the frame's object ("the sanctions that ... imposed")."""
    for obj in frame.objects:
        for clause in obj.children:
            if clause.dep_ not in ("relcl", "acl") or clause.i == frame.trigger.i:
                continue
            span = range(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
            for other in events:
                if other.trigger_start in span:
                    return other
    return None


def _retarget(event: Event, target: Actor) -> Event:
    return _reid(replace(event, target=target))


def _reid(event: Event) -> Event:
    """The event with its id recomputed after a change of actors."""
    source_code = event.source.code.code if event.source and event.source.code else None
    target_code = event.target.code.code if event.target and event.target.code else None
    new_id = event_id(event.article_id, event.sentence_index, event.trigger_start, event.trigger_end, source_code, target_code, event.cameo)
    return replace(event, id=new_id)


def _reciprocated(events: list[Event]) -> list[Event]:
    """Joint acts of conjoined actors ("Japan and South Korea agreed to resume talks") run
    both ways: each actor toward the other."""
    out = list(events)
    by_trigger: dict[tuple[int, str], list[Event]] = {}
    for event in events:
        if event.target is None and event.source is not None and event.cameo.startswith(RECIPROCAL_PREFIXES):
            by_trigger.setdefault((event.trigger_start, event.cameo), []).append(event)
    for group in by_trigger.values():
        if len(group) < 2:
            continue
        for event in group:
            partners = [e.source for e in group if e is not event and not _same_country(e.source, event.source)]
            if partners:
                out.remove(event)
                out.append(_retarget(event, partners[0]))
                out.extend(_retarget(event, p) for p in partners[1:])
    return out


def _same_country(source: Actor | None, target: Actor | None) -> bool:
    if source is None or target is None or source.code is None or target.code is None:
        return False
    return source.code.country == target.code.country


# -- dates ---------------------------------------------------------------------------------


def _event_date(trigger: Token, ctx: SentenceContext) -> tuple[date | None, str]:
    """A date phrase that modifies the trigger's own clause, else the article's date."""
    for mention in ctx.dates:
        if mention.date is None:
            continue
        tokens = [t for t in ctx.sentence if mention.start <= t.idx < mention.end]
        if tokens and _governs(trigger, tokens[0]):
            return mention.date, "text"
    if ctx.published is not None:
        return ctx.published, "article"
    return None, "none"


def _governs(trigger: Token, token: Token) -> bool:
    """True when the nearest verb above ``token`` is the trigger or a verb controlling it, or,
    for a noun trigger, when the date belongs to the noun ("the visit next week")."""
    if trigger.pos_ == "NOUN" and any(a.i == trigger.i for a in token.ancestors):
        return True
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    current = trigger
    while True:
        if current.i == verb.i:
            return True
        if current.dep_ not in ("xcomp", "conj", "advcl", "dobj", "pobj", "prep", "relcl", "acl") or current.head.i == current.i:
            return False
        current = current.head
