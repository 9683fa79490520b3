"""Code one sentence: find its predicates, match patterns, compose acts under governing verbs,
find source and target actors and modality, then run the named rules (rules.py)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from standoff.actors.resolve import ArticleActors
from standoff.events.arguments import Answered, actors_at, is_definite, is_state, pattern_sources, source_actors, target_actors
from standoff.events.assembly import LEAD_SENTENCES, EventAssembler, SentenceContext
from standoff.events.composition import Composition
from standoff.events.confidence import ConfidenceTable, evidence_key
from standoff.events.dating import date_phrase_of
from standoff.events.earlier import FORCE_ROOTS, EarlierActs
from standoff.events.embedding import SecondOpinion, action_verbs, predicate_text
from standoff.events.matching import PatternMatcher, patients_for
from standoff.events.modality import modality
from standoff.events.patterns import CURATED, IMPORTED, NO_EVENT, Pattern, PatternStack
from standoff.events.rules import DENIAL, ENGINE, ANSWERING_THREATS, OFF_STACK_PATTERN, THREAT_ROOT, Sentence, SentenceRule, is_light_verb_patient, sentence_rules
from standoff.lexicon import Lexicon
from standoff.model import Actor, Event, Modality, Provenance, RuleId
from standoff.nlp import Token
from standoff.ontology import Ontology
from standoff.syntax.labels import ADJECTIVE_MODIFIER, ADVERB_MODIFIER, CLAUSE_ON_NOUN, PLAIN_PATIENT, THAT_CLAUSE, Form, Role, WordClass, first_conjunct, has_subject, is_auxiliary, is_predicate_word, is_subject, link, role, word_class
from standoff.syntax.predicates import Governor, Predicate, PredicateReader, adjacent_particles, adverbial_clause, governor, in_a_judgement, names_a_free_relative
from standoff.syntax.tense import Tense, own_tense
from standoff.syntax.tree import children

# Modalities under which the coded action did not (or not yet knowably) happen: no event.
NON_EVENTS = frozenset({Modality.HYPOTHETICAL, Modality.QUESTION, Modality.DENIED})
# Acts the text says did not (or not knowably) happen: left out unless asked for.
UNREALISED = NON_EVENTS | {Modality.NEGATED}
# The groups of governing verbs that compose the act below them, by the rule they stand for.
GROUP_RULES = {
    "appeal": RuleId.APPEAL,
    "demand": RuleId.DEMAND,
    "intend": RuleId.INTEND,
    "threaten": RuleId.THREATEN,
    "refuse": RuleId.REFUSE,
    "consider": RuleId.CONSIDER,
    "future": RuleId.FUTURE,
    "attempt": RuleId.ATTEMPTED,
    "fail": RuleId.FAILED,
    "prepare": RuleId.PREPARED,
    "hypothetical": RuleId.HYPOTHETICAL,
}
# Material acts that go on from day to day: "launched the operation", "ordered the attacks" name one told before.
CONTINUED_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
HEAD_ACT_GROUPS = ("fail", "prepare")  # where the table gives a code, the head's own act, not the one it governs
ADDRESSING_GROUPS = ("appeal", "demand")  # the head's object (or clause subject) is the addressee
# Groups a noun heads as a verb does: "an attempt to assassinate him" is the attempt. A noun's other
# acts ("a US offer to host a summit") are its owner's, not the clause subject's, and are left to it.
NOUN_HEAD_GROUPS = ("attempt",)
# Statements of a stance the actor holds now: said, appealed, demanded, accused, rejected, threatened.
STANCE_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
CAMEO_SETS = frozenset({CURATED, IMPORTED})  # the packaged pattern sets, whose codes are CAMEO's
# Measures decided by saying one will take them: reducing relations or aid, sanctions, halting
# talks or mediation (160-165; withdrawing a presence, 166, is announced as a threat as often).
MEASURE_CODES = ("160", "161", "162", "163", "164", "165")
# Restrictions decided by saying one will impose them on what is one's own ("said it would close
# *its* land border with Qatar"); on another's ("would blockade Paris") they are a threat.
OWN_MEASURE_CODES = ("191",)
OWNING_PRONOUNS = frozenset({"its", "their"})
# Measures a state announces in the passive as its own decision ("the pilot would be freed"):
# yielding (releasing, easing), reducing relations and coercion (arresting, expelling, banning).
AUTHORITY_ROOTS = frozenset({"08", "16", "17"})


class EventCoder:
    def __init__(
        self,
        patterns: PatternStack,
        composition: Composition,
        ontology: Ontology,
        lexicon: Lexicon,
        confidence: ConfidenceTable,
        unrealised: bool = False,
        second_opinion: SecondOpinion | None = None,
        rules: Sequence[SentenceRule] | None = None,
    ) -> None:
        """``unrealised``: also code negated, hypothetical, questioned and denied acts, marked so in modality.
        ``second_opinion``: code sentences the patterns leave empty by embedding, when near enough.
        ``rules``: the rules run after the patterns, in order; default: ``sentence_rules``."""
        self._unrealised = unrealised
        self._second_opinion = second_opinion
        self._patterns = patterns
        self._composition = composition
        self._words = lexicon
        self._predicates = PredicateReader(lexicon)
        self._matcher = PatternMatcher(lexicon)
        self._confidence = confidence
        self._assembler = EventAssembler(ontology, confidence, lexicon, composition)
        self._rules = tuple(rules) if rules is not None else sentence_rules(lexicon, self._predicates, self._assembler)

    def earlier_acts(self) -> EarlierActs:
        """An empty record of an article's events, for ``code_sentence`` to find acts named again."""
        return EarlierActs(self._patterns, self._words)

    def code_sentence(self, ctx: SentenceContext, actors: ArticleActors, earlier: EarlierActs) -> list[Event]:
        """The events of one sentence; ``earlier`` holds those of the sentences before it."""
        matched = []
        for predicate in self._predicates.sentence(ctx.sentence, self._patterns.verbs, self._patterns.nouns):
            pattern = self._matcher.first_fit(self._patterns.candidates(predicate.lemma, predicate.nominal), predicate, actors)
            if pattern is not None:
                matched.append((predicate, pattern))
        # An action under a governing verb ("agreed to lift") is coded through that verb; the
        # verb's own pattern then stays silent, so one act is one event.
        composed = []
        rank_at = {predicate.trigger.i: self._patterns.rank(pattern.pattern_set) for predicate, pattern in matched}
        silenced = set()
        for predicate, pattern in matched:
            head = self._governing_head(self._clause_verb(predicate))
            if head is None:
                continue
            if rank_at.get(head[0].i, 1 << 20) < self._patterns.rank(pattern.pattern_set):
                silenced.add(predicate.trigger.i)  # the head's own pattern, from a higher set, tells the act
                continue
            events = self._composed(pattern, predicate, head, ctx, actors, earlier)
            if events is not None:
                composed.append((predicate, head, events))
        heads = {head[0].i for _, head, events in composed if events}
        silenced |= {predicate.trigger.i for predicate, _, _ in composed}
        found: list[Event] = []
        for predicate, pattern in matched:
            if predicate.trigger.i in heads or predicate.trigger.i in silenced:
                continue
            found.extend(self._plain(pattern, predicate, ctx, actors, earlier, found))
        for _, _, events in composed:
            found.extend(events)
        sentence = Sentence(ctx, matched, actors, self._patterns.rank)
        for rule in self._rules:
            found = rule.apply(found, sentence)
        found = [self.rescored(e) if e.rule.rules else e for e in found]
        if not found and self._second_opinion is not None:
            found = self._embedded(ctx, actors, earlier)
        return sorted(found, key=lambda e: e.trigger_start)

    def _embedded(self, ctx: SentenceContext, actors: ArticleActors, earlier: EarlierActs) -> list[Event]:
        """The second opinion on the sentence's main act; a reported act whose subject is no
        known actor ("Russia says it will ...") is the speaker's."""
        assert self._second_opinion is not None
        verbs = action_verbs(ctx.sentence, self._words)
        predicate = self._predicates.verb(verbs[0]) if verbs else None
        for outer in verbs[1:]:
            if any(a is not None and a.code is not None for a in source_actors(predicate, actors, self._words)):
                break
            assert predicate is not None
            predicate.agents = self._predicates.verb(outer).agents
        if predicate is None or not any(a is not None and a.code is not None for a in source_actors(predicate, actors, self._words)):
            return []
        opinion = self._second_opinion.opinion(predicate_text(predicate))
        if opinion is None:
            return []
        pattern = Pattern(
            id=opinion.code, pattern_set="embedding", code=opinion.code, triggers=(), nominal=False, object=None, prep=None, comp=None,
            content=(), clause=False, bare=False, subject=None, modifier=None, source_sectors=None, target_sectors=None, voice=None, target="default", needs_target=False, negated=None,
        )  # fmt: skip
        events = self._plain(pattern, predicate, ctx, actors, earlier, similarity=opinion.similarity)
        return [e.replaced(confidence=opinion.confidence) for e in events]

    def rescored(self, event: Event) -> Event:
        """An event a rule changed (its target, its actors) is scored on what it now is."""
        pattern = self._patterns.get(event.rule.pattern_set, event.rule.pattern) or OFF_STACK_PATTERN
        key = evidence_key(pattern, event.rule.composed, event.source, event.target, event.quad_class)
        return event.replaced(confidence=self._confidence.score(key))

    @staticmethod
    def _answering(
        earlier: EarlierActs, found: Sequence[Event] = (), *, reaction_by: Sequence[Actor | None] | None = None, critical: bool = False
    ) -> Answered:
        """Finds who did the latest earlier act a noun names: "the launch", "the accusation", "the
        sanctions"; for a reaction by the countries of ``reaction_by`` ("condemned the raids"),
        also a noun of the act's kind, naming an act of another country, and for a ``critical``
        one a noun of any deed ("regretted the decision")."""
        countries = frozenset(a.code.country for a in reaction_by or () if a is not None and a.code is not None and a.code.country)
        if not countries:  # whose reaction is not known, so neither is whose act it answers
            return lambda noun: earlier.authors(earlier.latest(noun.lemma_.lower(), found), found)
        return lambda noun: earlier.authors(earlier.latest(noun.lemma_.lower(), found, by_kind=True, not_by=countries, critical=critical), found)

    def _clause_verb(self, predicate: Predicate) -> Token:
        """The verb that carries the predicate's act: a light verb for its noun ("agreed to
        *stage* a joint exercise"), else the trigger."""
        trigger = predicate.trigger
        if predicate.nominal and is_light_verb_patient(trigger, self._words.light_verbs):
            return trigger.head
        return trigger

    def _named_among(self, predicate: Predicate, actors: ArticleActors) -> list[Actor | None]:
        """Members of the act's patient named in an "among them" phrase: "telephoning the leaders
        of undecided council members, among them Chile's President Ricardo Lagos" reached Chile."""
        members = predicate.obliques.get("among", [])
        if not any(m.lower_ in self._words.among_pronouns for m in members):
            return []
        return [a for m in members if m.lower_ not in self._words.among_pronouns for a in actors_at(m, actors, self._words)]

    def _told_of_another(self, predicate: Predicate, sources: Sequence[Actor | None], actors: ArticleActors) -> bool:
        """The clause a threat is read from tells an attack, or its preparation, by a subject of
        another country than the speaker's: that one's plan, not the speaker's threat."""
        if predicate.clause is None:
            return False
        speakers = {s.code.country for s in sources if s is not None and s.code is not None and s.code.country}
        clause = predicate.clause
        for _ in range(3):  # "said they did not believe [Beijing was preparing an invasion]": the innermost clause tells whose act
            inner = next((c for c in children(clause) if link(c) == THAT_CLAUSE), None)
            if inner is None:
                break
            clause = inner
        if clause.lemma_.lower() not in self._words.attacking_verbs:
            return False  # "vowed that the United States would pay a heavy price": the one punished is the subject
        doers = {a.code.country for s in children(clause) if is_subject(s) for a in actors_at(s, actors, self._words) if a.code is not None and a.code.country}
        return bool(speakers and doers and not doers & speakers)

    def _wished(self, verb: Token) -> bool:
        """The act is what someone hopes, fears or believes will happen ("said they hoped the men
        would be arrested if they left Russia"): no promise or threat of the one who says so."""
        return any(head.lemma_.lower() in self._words.wishing_verbs for head in islice(verb.ancestors, 4))

    def _subject_verb(self, predicate: Predicate, verb: Token) -> Token:
        """The verb whose subject does a noun's act, when the noun lies in a phrase under it: the
        verb that says whether the speaker announces it ("said Berlin would look at every option
        *in talks* with Budapest"); else ``verb``."""
        if predicate.nominal and predicate.agents and _dominates(predicate.agents[0].head, predicate.trigger):
            return predicate.agents[0].head
        return verb

    def _tells_a_habit(self, verb: Token, code: str, ctx: SentenceContext) -> bool:
        """Past the lead, an act in the simple present with no day of its own tells a habit or a
        standing state, not an event: "Qatar hosts the air base", "Hungary receives 5 billion
        euros a year". A statement in it is the actor's word now ("Kinshasa accuses Rwanda")."""
        return (
            ctx.index >= LEAD_SENTENCES
            and code[:2] not in STANCE_ROOTS
            and own_tense(verb) is Tense.PRESENT
            and not any(is_auxiliary(c) for c in children(verb))
            and date_phrase_of(verb, ctx.sentence, ctx.dates, self._words) is None
        )

    def _describes(self, trigger: Token) -> bool:
        """A word that describes something rather than tells an act: a participle describing its
        noun by a standing relation ("fighters backed by Ankara", "a mission led by a former
        ruler"), the verb of naming of a free relative, which says whose word a name is
        ("struck what New Delhi described as a training camp"), or a noun in what a judgement
        calls its object ("criticised the strike as a clear attack")."""
        if names_a_free_relative(trigger, self._words.naming_verbs) or in_a_judgement(trigger, self._words.judging_verbs):
            return True
        return link(trigger) == CLAUSE_ON_NOUN and trigger.lower_ in self._words.describing_participles

    def _governing_head(self, trigger: Token) -> tuple[Token, list[str]] | None:
        """The verb (or adjective: "ready to talk") whose complement the trigger is, with the
        composition groups it belongs to."""
        found: Governor | None = governor(trigger)
        if found is None:
            return None
        head = found.word
        groups = self._composition.groups_of(head.lemma_.lower(), adjacent_particles(head))
        if word_class(head) is WordClass.NOUN:
            groups = [g for g in groups if g in NOUN_HEAD_GROUPS]
        if found.form is Form.THAT_CLAUSE:  # "told reporters that ..." reports; "demanded that ..." demands
            groups = [g for g in groups if g in ADDRESSING_GROUPS] if head.lemma_.lower() not in self._words.telling_verbs else []
        if groups == ["aspect"]:
            # "prepared to resume shelling", "agreed to resume talks": the verb of aspect passes the
            # act up to the verb that governs it, when one does
            outer = self._governing_head(head)
            if outer is not None:
                return outer
        return (head, groups) if groups else None

    def _plain(
        self,
        pattern: Pattern,
        predicate: Predicate,
        ctx: SentenceContext,
        actors: ArticleActors,
        earlier: EarlierActs,
        found: Sequence[Event] = (),
        similarity: float | None = None,
    ) -> list[Event]:
        verb = self._clause_verb(predicate)  # "will hold talks": the light verb says whether they happen
        mode = modality(verb, self._words)
        code: str | None = pattern.code
        rules: tuple[RuleId, ...] = ()
        condition = adverbial_clause(verb, self._words.condition_openers)
        promised_to: list[Actor] = []
        announcers = self._announcing_state(predicate, verb, pattern.code, actors)
        if mode is Modality.NEGATED and pattern.polarity == "negated":
            mode = Modality.ASSERTED  # the pattern says what the negated act is
        elif mode in (Modality.FUTURE, Modality.HYPOTHETICAL) and pattern.auxiliaries:
            mode = Modality.ASSERTED  # "WOULD *": the pattern says what the act in that mood is
        elif mode is Modality.NEGATED:
            # "will not lift the ban" is a refusal; "did not attack" is no event at all
            refusal = pattern.negated or self._composition.compose("refuse", pattern.code)
            if refusal not in (None, NO_EVENT):
                code, mode, rules = refusal, Modality.ASSERTED, (RuleId.NEGATED_AS_REFUSAL,)
        elif mode in (Modality.FUTURE, Modality.HYPOTHETICAL) and ((condition is not None and not self._wished(verb)) or announcers or self._announces_own_act(predicate, self._subject_verb(predicate, verb), actors)):
            # "the rebels said they would release ...", "Russia would shoot down any missiles if
            # the US struck": the actor states an intent (03), or a threat (13) when the act is
            # hostile, made to whoever the condition is about; the act itself has not happened
            promised, threat = self._promised(pattern.code)
            if condition is None and (pattern.code.startswith(MEASURE_CODES) or (pattern.code.startswith(OWN_MEASURE_CODES) and _on_own(predicate))):
                mode, rules = Modality.ASSERTED, (RuleId.ANNOUNCED_MEASURE,)  # "said it would close its border": decided
            elif promised:
                code, mode = promised, Modality.ASSERTED
                if condition is not None:
                    rules = (RuleId.CONDITIONAL_THREAT if threat else RuleId.CONDITIONAL_PROMISE,)
                    promised_to = self._condition_parties(condition, actors)
                else:
                    rules = (RuleId.ANNOUNCED_THREAT if threat else RuleId.ANNOUNCED_INTENT,)
        elif mode is Modality.FUTURE and (planned := self._composition.compose("future", pattern.code)):
            # "will visit Mauritania": the plan is what happened, an intent to meet
            code, mode, rules = planned, Modality.ASSERTED, (RuleId.PLANNED_MEETING,)
        elif mode is Modality.FUTURE and pattern.pattern_set in CAMEO_SETS and self._tells_own_plan(predicate, verb, actors) and (plan := self._promised(pattern.code))[0]:
            # "Finland will give Tanzania a grant": the story tells the actor's intent, not the act.
            # A user's dictionary keeps its code: PETRARCH's own dictionaries code the verb whatever its tense
            promised, threat = plan
            code, mode = promised, Modality.ASSERTED
            rules = (RuleId.ANNOUNCED_THREAT if threat else RuleId.ANNOUNCED_INTENT,)
        if mode in UNREALISED and not self._unrealised:
            return []
        assert code is not None
        if self._tells_a_habit(verb, code, ctx) or self._describes(predicate.trigger):
            return []
        if pattern.dyad and self._act_as_subject(predicate):
            return []  # "the kidnapping of two journalists shocked France": its actors are the act's parties
        sources = pattern_sources(pattern, predicate, actors, self._words)
        if sources == [None]:
            sources = announcers or self._supplied_agents(predicate, verb, actors) or sources
        if sources == [None] and pattern.source == "arrester":
            sources = [actors.arresting_police(predicate.trigger)]  # None when no country is known
        if sources == [None] and code[:2] in FORCE_ROOTS and self._toll(predicate):
            return []  # "51 people were killed": the toll of acts told elsewhere, not an act of its own
        if pattern.dyad and not any(s is not None and s.code is not None for s in sources):
            return []  # no rule gives a dyad a source it lacks
        if pattern.content and code.startswith(THREAT_ROOT) and self._told_of_another(predicate, sources, actors):
            return []  # "officials said North Korea was preparing an invasion": the attack is another's, not a threat of theirs
        targets = promised_to or target_actors(pattern, predicate, patients_for(pattern, predicate), actors, self._answering(earlier, found, reaction_by=sources if _reacts(pattern) else None, critical=_criticises(pattern)), sources, self._words)
        if sources == [None] and pattern.source == "captor":
            sources = earlier.captors(targets, found) or sources  # "the passengers were released": by who took them
        if pattern.joint and not targets:
            # "X and Y agreed": each toward the other; with one of them unknown, the other's act has no target
            targets = [s for s in sources if s is not None] if len(sources) > 1 else []
        if not any(t is not None and t.code is not None for t in targets) and predicate.patients:
            targets = self._named_among(predicate, actors) or targets
        if not targets and code.startswith(THREAT_ROOT):
            targets = self._threatened(predicate, verb, actors)
        countries = frozenset(s.code.country for s in sources if s is not None and s.code is not None and s.code.country)
        if not targets and code in ANSWERING_THREATS:
            # "promised a painful response", "those responsible will be punished": a threat answers the latest force against its side
            threateners = frozenset(s.code.code for s in sources if s is not None and s.code is not None)
            authors = earlier.authors(earlier.latest_force_against(countries, found, not_by=threateners), found) if countries else []
            # of an exchange of fire ("Indian and Pakistani troops exchanged fire") the threat answers the other side's part
            authors = [a for a in authors if not (is_state(a) and a.code is not None and a.code.country in countries)]
            if authors:
                targets, rules = authors, (*rules, RuleId.ANSWER_TARGET)
        if not targets and predicate.nominal:
            targets = self._answering_party(predicate, actors, countries)
        if not targets and code == DENIAL and countries:
            # "Islamabad denied any role": a denial answers whoever accused or spoke of its side
            authors = earlier.authors(earlier.latest_claim_against(countries, found), found)
            if authors:
                targets, rules = authors, (*rules, RuleId.ANSWER_TARGET)
        if not targets and code[:2] in CONTINUED_ROOTS and countries and (act := self._own_act_named(predicate, earlier, found, countries)) is not None:
            # "Turkey launched the operation on Wednesday": the actor's own act told before, aimed where it was
            targets, rules = earlier.targets(act, found), (*rules, RuleId.NAMED_EARLIER)
        if not targets and code != NO_EVENT and self._told_as_another(verb, predicate):
            targets = earlier.latest_aimed(code, found, countries)
            rules = (*rules, RuleId.ANOTHER_OF_THE_SAME) if targets else rules
        provenance = Provenance(pattern.pattern_set, pattern.id, rules, similarity)
        events = [] if code == NO_EVENT else self._assembler.build(code, sources, targets, predicate.trigger, mode, pattern, provenance, ctx)
        if pattern.reverse is not None and not rules and not pattern.joint:
            # the paired act, from the target back to the source: "arrived in X" is X's hosting
            back = provenance.with_rule(RuleId.PAIRED)
            events += self._assembler.build(pattern.reverse, list(targets), [s for s in sources if s is not None], predicate.trigger, mode, pattern, back, ctx)
        return events

    def _answering_party(self, predicate: Predicate, actors: ArticleActors, countries: frozenset[str]) -> list[Actor]:
        """Whom an act named by a noun was aimed at, where the words give no one: whoever
        answers it ("Nigeria accepted an American offer of help", "Iran rejected Washington's
        offer of talks"), if of another country than its author."""
        noun = predicate.trigger
        if link(noun) != PLAIN_PATIENT or noun.head.lemma_.lower() not in self._words.answering_verbs:
            return []
        found = source_actors(self._predicates.verb(noun.head), actors, self._words)
        return [a for a in found if a is not None and a.code is not None and a.code.country and a.code.country not in countries]

    def _toll(self, predicate: Predicate) -> bool:
        """A passive of harm without an agent whose patients are counted: "51 people were
        killed", "thousands have been killed", "about 10 people had been injured"."""
        if not predicate.passive or predicate.agents or predicate.lemma not in self._words.toll_verbs:
            return False
        return bool(predicate.patients) and all(self._counted(p) for p in predicate.patients)

    def _counted(self, noun: Token) -> bool:
        return word_class(noun) is WordClass.NUMBER or noun.lower_ in self._words.count_nouns or any(link(c) == (Role.MODIFIER, Form.NUMBER) for c in children(noun))

    def _own_act_named(self, predicate: Predicate, earlier: EarlierActs, found: Sequence[Event], countries: frozenset[str]) -> Event | None:
        """The earlier act of ``countries`` that the definite noun of the predicate names: "the
        operation", "the attacks", or the nominal trigger itself ("ordered the attacks")."""
        nouns = [predicate.trigger] if predicate.nominal else predicate.patients
        for noun in nouns:
            if is_definite(noun, self._words):
                act = earlier.latest_own(noun.lemma_.lower(), countries, found)
                if act is not None:
                    return act
        return None

    def _told_as_another(self, verb: Token, predicate: Predicate) -> bool:
        """ "also severed ties", "did likewise", "made a similar appeal": the act is one more of
        a kind told before."""
        if any(link(c) == ADVERB_MODIFIER and c.lower_ in self._words.additive_adverbs for c in children(verb)):
            return True
        nouns = [predicate.trigger] if predicate.nominal else predicate.patients
        return any(link(c) == ADJECTIVE_MODIFIER and c.lower_ in self._words.additive_adjectives for noun in nouns for c in children(noun))

    def _threatened(self, predicate: Predicate, verb: Token, actors: ArticleActors) -> list[Actor]:
        """Whom a threat without a named target is made to: whoever its condition is about, on
        the verb, in what was said or in the act threatened ("warned of grave consequences if
        China attacked Taiwan", "said there would be consequences if foreign forces stayed",
        "threatened to launch an offensive if Syria did not withdraw")."""
        for clause in (verb, predicate.clause, predicate.complement):
            condition = adverbial_clause(clause, self._words.condition_openers) if clause is not None else None
            if condition is not None:
                return self._condition_parties(condition, actors)
        return []

    def _condition_parties(self, condition: Token, actors: ArticleActors) -> list[Actor]:
        """The known actors a condition is about: its subject ("if the US struck")."""
        return [a for a in source_actors(self._predicates.verb(condition), actors, self._words) if a is not None and a.code is not None]

    def _raised_subject(self, head: Predicate, actors: ArticleActors) -> list[Actor]:
        """The subject of a passive plan is who will act: "Ruto is expected to arrive", "the
        minister is scheduled to meet"."""
        if not head.passive or head.agents:
            return []
        return [a for subject in head.patients for a in actors_at(subject, actors, self._words)]

    def _act_as_subject(self, predicate: Predicate) -> bool:
        """The subject is a noun that names an act ("the kidnapping of ...", "the arrest of ..."):
        whoever is named inside it took part in that act, not in the verb's."""
        return any(agent.lemma_.lower() in self._patterns.nouns for agent in predicate.agents)

    def _supplied_agents(self, predicate: Predicate, verb: Token, actors: ArticleActors) -> list[Actor | None]:
        """Who did an act told in the passive without a "by": the parties of an event noun that
        is its patient ("an agreement between Ottawa and Erbil was signed"), or the agent of a
        clause telling how it came about ("were arrested when police raided the office")."""
        for patient in predicate.patients:
            noun = self._predicates.noun(patient)
            if noun.lemma in self._patterns.nouns or patient.lower_ in self._patterns.nouns or noun.obliques.get("between"):
                found = [a for a in source_actors(noun, actors, self._words) if a is not None]
                if found:
                    return list(found)
        circumstance = adverbial_clause(verb, self._words.circumstance_openers)
        if circumstance is not None:
            return [a for a in source_actors(self._predicates.verb(circumstance), actors, self._words) if a is not None]
        return []

    def _composed(
        self, pattern: Pattern, predicate: Predicate, head: tuple[Token, list[str]], ctx: SentenceContext, actors: ArticleActors, earlier: EarlierActs
    ) -> list[Event] | None:
        """Events for an action under a governing verb; None when the head does not apply."""
        if pattern.code == NO_EVENT:
            return []  # the action is no event: nothing to compose
        head_token, groups = head
        head_verb = head_token if is_predicate_word(head_token) else head_token.head  # "was ready to"
        head_predicate = self._predicates.verb(head_verb)
        mode = Modality.HYPOTHETICAL if "hypothetical" in groups else modality(head_verb, self._words)
        answered = self._answering(earlier)
        patients = patients_for(pattern, predicate)
        if ("future" in groups or "aspect" in groups) and mode in (Modality.FUTURE, Modality.HYPOTHETICAL) and self._announces_own_act(head_predicate, head_verb, actors):
            # "said it would continue fighting": what the actor says it will go on doing is a threat, or an intent
            promised, threat = self._promised(pattern.code)
            if promised:
                sources = source_actors(head_predicate, actors, self._words)
                targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
                provenance = Provenance(pattern.pattern_set, pattern.id, (RuleId.ANNOUNCED_THREAT if threat else RuleId.ANNOUNCED_INTENT,))
                return self._assembler.build(promised, sources, targets, head_verb, Modality.ASSERTED, pattern, provenance, ctx)
        for group in HEAD_ACT_GROUPS:
            own = self._composition.compose(group, pattern.code) if group in groups else None
            if own and modality(head_verb, self._words) is not Modality.NEGATED:
                # "failed to reach agreement": the sides' rejection; "prepared to resume shelling": a show of force
                sources = source_actors(head_predicate, actors, self._words)
                targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
                provenance = Provenance(pattern.pattern_set, pattern.id, (GROUP_RULES[group],))
                return self._assembler.build(own, sources, targets, head_verb, Modality.ASSERTED, pattern, provenance, ctx)
        if mode in (Modality.FUTURE, Modality.HYPOTHETICAL) and "hypothetical" not in groups and self._announces_own_act(head_predicate, head_verb, actors):
            mode = Modality.ASSERTED  # "said the United States would be ready to resume talks": the readiness it states is its intent
        if mode in NON_EVENTS:
            if not self._unrealised:
                return []
            sources = pattern_sources(pattern, predicate, actors, self._words) or source_actors(head_predicate, actors, self._words)
            targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
            return self._assembler.build(pattern.code, sources, targets, predicate.trigger, mode, pattern, Provenance(pattern.pattern_set, pattern.id), ctx)
        if "future" in groups:
            sources = self._doers(pattern, predicate, head_predicate, actors)
            targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
            planned = self._composition.compose("future", pattern.code)
            if planned:  # "is due to fly to Beijing": the plan states an intent to meet
                provenance = Provenance(pattern.pattern_set, pattern.id, (RuleId.PLANNED_MEETING,))
                return self._assembler.build(planned, sources, targets, predicate.trigger, Modality.ASSERTED, pattern, provenance, ctx)
            provenance = Provenance(pattern.pattern_set, pattern.id, (RuleId.FUTURE,))
            return self._assembler.build(pattern.code, sources, targets, predicate.trigger, Modality.FUTURE, pattern, provenance, ctx)
        if "aspect" in groups:
            # "continued shelling the city", "began talks": the act itself, as the head tells it
            sources = self._doers(pattern, predicate, head_predicate, actors)
            targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
            return self._assembler.build(pattern.code, sources, targets, predicate.trigger, mode, pattern, Provenance(pattern.pattern_set, pattern.id), ctx)
        if "attempt" in groups:
            # "tried to detain fishermen", "attempted to assassinate": force tried is the act; a tried deal is none
            if pattern.code[:2] not in FORCE_ROOTS or mode is Modality.NEGATED:
                return []
            sources = source_actors(head_predicate, actors, self._words)
            targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
            provenance = Provenance(pattern.pattern_set, pattern.id, (RuleId.ATTEMPTED,))
            tried = self._composition.compose("attempt", pattern.code) or pattern.code
            return self._assembler.build(tried, sources, targets, predicate.trigger, mode, pattern, provenance, ctx)
        if mode is Modality.NEGATED:
            groups, mode = ["refuse"], Modality.ASSERTED
        for group in groups:
            code = self._composition.compose(group, pattern.code)
            if code is None:
                continue
            sources = source_actors(head_predicate, actors, self._words)
            targets = target_actors(pattern, predicate, patients, actors, answered, sources, self._words)
            if group in ADDRESSING_GROUPS:
                # the addressee: "urged X to", "called on X to", "demanded that X ..."
                addressed = head_predicate.patients + [o for word in head_predicate.adjacent for o in head_predicate.obliques.get(word, [])]
                if link(first_conjunct(predicate.trigger)) == THAT_CLAUSE:
                    addressed = addressed + predicate.agents  # "demanded that Russia respect ... and withdraw"
                targets = [a for o in addressed for a in actors_at(o, actors, self._words)] or targets
            if group == "threaten" and not targets:
                targets = self._threatened(head_predicate, head_verb, actors)
            provenance = Provenance(pattern.pattern_set, pattern.id, (GROUP_RULES[group],))
            return self._assembler.build(code, sources, targets, head_verb, mode, pattern, provenance, ctx)
        return []  # offered, agreed or threatened, but not done: no event for the action itself

    def _promised(self, code: str) -> tuple[str | None, bool]:
        """What saying one will do the act of ``code`` is: a threat (13) when the act is hostile,
        else an intent (03); and whether it is a threat."""
        threat = code[:2] >= "09"
        return self._composition.compose("threaten" if threat else "intend", code), threat

    def _doers(self, pattern: Pattern, predicate: Predicate, head_predicate: Predicate, actors: ArticleActors) -> list[Actor | None]:
        """Who does an act under a verb of plan or aspect: the act's own subject, else the one the
        head raised ("is due to fly"), else the head's ("plans to visit", "continued shelling").
        A subject written in the act's clause is its doer even when it is no actor: in "did not
        expect the dispute to affect the fight" the speaker does nothing."""
        own = pattern_sources(pattern, predicate, actors, self._words)
        if own or has_subject(predicate.trigger):
            return own or [None]
        return self._raised_subject(head_predicate, actors) or source_actors(head_predicate, actors, self._words)

    def _tells_own_plan(self, predicate: Predicate, verb: Token, actors: ArticleActors) -> bool:
        """ "Finland will give Tanzania a grant": the sentence's own verb, with "will" and a
        subject, or such a clause told by no known actor ("..., a statement issued by the ministry
        said"); a clause a known speaker tells is read by ``_announces_own_act``."""
        if not predicate.agents or not any(link(c) == (Role.FUNCTION, Form.AUXILIARY) and c.lower_ == "will" for c in children(verb)):
            return False
        clause = first_conjunct(verb)
        if role(clause) is Role.ROOT:
            return True
        return link(clause) == THAT_CLAUSE and clause.head.lemma_.lower() in self._words.announcing_verbs and not self._speakers(clause.head, actors)

    def _announcing_state(self, predicate: Predicate, verb: Token, code: str, actors: ArticleActors) -> list[Actor]:
        """The state that announces a measure of its own told in the passive, with no "by":
        "Imran Khan announced that the pilot would be freed", "the ministry said the journalists
        would be expelled". Only measures a state takes on people (AUTHORITY_ROOTS), said by its
        government, forces or police, and not done to its own ("said its diplomats would be
        expelled" is done to it)."""
        if not predicate.passive or predicate.agents or code[:2] not in AUTHORITY_ROOTS:
            return []
        saying = self._announcing_verb(verb)
        if saying is None:
            return []
        speakers = [a for s in self._predicates.verb(saying).agents for a in actors_at(s, actors, self._words) if is_state(a)]
        countries = {a.code.country for a in speakers if a.code is not None}
        undergoers = [a for p in predicate.patients for a in actors_at(p, actors, self._words)]
        if not undergoers or any(is_state(a) and a.code is not None and a.code.country in countries for a in undergoers):
            return []  # "said the sanctions would be lifted": lifted by others, whom it does not say
        return speakers

    def _speakers(self, saying: Token, actors: ArticleActors) -> set[str]:
        """The countries of who says, at a verb of saying."""
        return {a.code.country for s in self._predicates.verb(saying).agents for a in actors_at(s, actors, self._words) if a.code is not None}

    def _announcing_verb(self, verb: Token) -> Token | None:
        """The verb of announcing whose clause tells ``verb`` with "will" or "would" ("said it
        would close its border"), else None."""
        if not any(link(c) == (Role.FUNCTION, Form.AUXILIARY) and c.lower_ in self._words.promising_auxiliaries for c in children(verb)):
            return None
        clause = first_conjunct(verb)
        if link(clause) != THAT_CLAUSE or clause.head.lemma_.lower() not in self._words.announcing_verbs:
            return None
        return clause.head

    def _announces_own_act(self, predicate: Predicate, verb: Token, actors: ArticleActors) -> bool:
        """ "X said it will/would do Y": a clause under a verb of saying, in the future (or the
        future-in-the-past "would"), whose subject is the speaker ("it", "they", X again, or X's
        country: "the minister said Moscow would propose"). ``verb`` carries the act: the
        trigger, or the light verb of an event noun ("said it would extend its offensive")."""
        saying = self._announcing_verb(verb)
        if saying is None or any(link(c) == (Role.FUNCTION, Form.SUBORDINATOR) and c.lower_ in self._words.conditional_subordinators for c in children(verb)):
            return False
        speakers = self._speakers(saying, actors)
        for subject in predicate.agents:
            if subject.lower_ in self._words.self_pronouns:
                continue
            if not {a.code.country for a in actors_at(subject, actors, self._words) if a.code is not None} & speakers:
                return False
        return bool(predicate.agents)


def _on_own(predicate: Predicate) -> bool:
    """The act's patient is the actor's own: "close *its* border"."""
    return any(link(c) == (Role.POSSESSOR, Form.PLAIN) and c.lower_ in OWNING_PRONOUNS for p in predicate.patients for c in children(p))


def _dominates(verb: Token, token: Token) -> bool:
    """``token`` lies in a phrase under the verb ``verb``, a few links down."""
    return is_predicate_word(verb) and any(head.i == verb.i for head in islice(token.ancestors, 4))


def _reacts(pattern: Pattern) -> bool:
    """Words and gestures (roots 01-13) answer an earlier act; force does not name its target so."""
    return pattern.code[:2] < "14"


def _criticises(pattern: Pattern) -> bool:
    """Demands, disapproval, rejection and threats (roots 10-13): they answer a deed of another."""
    return "10" <= pattern.code[:2] <= "13"
