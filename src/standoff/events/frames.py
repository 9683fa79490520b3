"""Predicate-argument structure from the dependency parse.

A ``Frame`` is one predicate (a verb, or a noun that names an event) with the tokens that fill
its roles: who acts, who or what is acted on, prepositional objects, the verb of an
infinitival complement and the clause it introduces. Voice, conjunction, relative clauses and
control ("X urged Y to refrain": Y refrains) are undone here, so the classifier sees the
same frame for "North Korea fired a missile" and "a missile was fired by North Korea".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from standoff.nlp import Span, Token, tokens_tagged

SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Verbs whose subject is also the subject of their complement ("North Korea plans to test").
MANNER_PREPS = {"by", "after", "before", "while", "through", "upon", "on", "when"}
SUBJECT_CONTROL_DEPS = ("xcomp", "conj", "advcl", "acomp", "pcomp")  # acomp: "Iran is ready/about to ..."
REACTION_VERBS = {"draw", "prompt", "spark", "trigger", "provoke", "attract", "earn", "meet"}
TRIGGER_POS = ("VERB", "AUX", "NOUN")  # the parts of speech an event trigger can have
LIGHT_VERBS = {"hold", "conduct", "carry", "launch", "stage", "make", "have", "impose", "announce", "begin", "start", "order", "mount", "unleash", "wage", "continue", "step"}


@dataclass(slots=True)
class Frame:
    trigger: Token
    nominal: bool
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    complement: Token | None = None  # the verb of an infinitival complement
    clause: Token | None = None  # the head of a that-clause or quoted clause
    predicative: bool = False  # "called Assad a murderer": an object complement follows
    passive: bool = False
    adjacent: set[str] = field(default_factory=set)  # particles/prepositions right after the verb
    lemma: str = field(init=False)  # read once: every pattern of the verb asks for it

    def __post_init__(self) -> None:
        self.lemma = self.trigger.lemma_.lower()

    def has_word(self, word: str) -> bool:
        """A particle or preposition right after the trigger, for patterns like "call on"
        ("called Morrison on Wednesday" is no "call on")."""
        return word in self.adjacent


def verb_frame(verb: Token) -> Frame:
    frame = Frame(verb, nominal=False)
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECT_DEPS:
            frame.subjects.append(child)
        elif dep == "nsubjpass":
            frame.passive = True
            frame.objects.append(child)
        elif dep == "agent":
            frame.passive = True
            frame.subjects.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "dative" and child.pos_ == "ADP":  # "offered condolences to Morocco"
            _add_prep(frame, child)
        elif dep in ("dobj", "dative"):
            frame.objects.append(child)
        elif dep == "prep":
            _add_prep(frame, child)
        elif dep in ("oprd", "attr") and verb.lemma_ != "be":
            frame.predicative = True
        if dep in ("prt", "prep", "dative") and 0 < child.i - verb.i <= 2:
            frame.adjacent.add(child.lower_)
        elif dep == "xcomp" and child.pos_ in ("VERB", "AUX"):
            frame.complement = child
        elif dep == "ccomp":
            frame.clause = child
        elif dep == "acomp":
            # "be ready to talk": the adjective carries the complement
            for grandchild in child.children:
                if grandchild.dep_ == "xcomp":
                    frame.complement = grandchild
    if verb.dep_ == "relcl" and not frame.subjects:
        # "a missile which flew over Japan": the relative pronoun stands for the noun
        frame.subjects.append(verb.head)
    elif verb.dep_ == "relcl":
        frame.subjects = [verb.head if s.lower_ in RELATIVE_PRONOUNS else s for s in frame.subjects]
        # "the sanctions (that) Washington imposed": the modified noun is the object
        frame.objects = [o for o in frame.objects if o.lower_ not in RELATIVE_PRONOUNS]
        if not frame.objects and not frame.passive:
            frame.objects.append(verb.head)
    if verb.dep_ == "acl" and frame.passive and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a road map formulated by Moscow": the modified noun is the object
        frame.objects.append(verb.head)
    if not frame.subjects and verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT" and not frame.passive:
        # a past-tense verb the parser hung under the sentence's first noun ("The air force carried
        # out strikes" parsed as "the air force [that] carried ..."): that noun is its subject
        frame.subjects = [verb.head]
    if not frame.subjects:
        frame.subjects = inherited_subjects(verb)
    if not frame.objects:
        # "proposed and defended a plan": conjoined verbs share the object of the last one
        frame.objects = [o for c in verb.conjuncts for o in c.children if o.dep_ == "dobj"][:2]
    _quotative_inversion(frame)
    return frame


def noun_frame(noun: Token) -> Frame:
    frame = Frame(noun, nominal=True)
    for child in noun.children:
        if child.dep_ == "poss":
            frame.subjects.append(child)
        elif child.dep_ == "prep":
            _add_prep(frame, child)
        elif child.dep_ == "acl":
            frame.clause = child
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS | REACTION_VERBS:
        # "conducted drills near Taiwan", "drew condemnation from Tokyo": the verb's phrases are the noun's
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ not in frame.preps:
                _add_prep(frame, child)
    if not frame.subjects and noun.dep_ in ("dobj", "pobj", "nsubjpass", "conj"):
        frame.subjects = _nominal_agent(noun)
    if not frame.subjects and frame.preps.get("between"):
        # "the conversation between Xi and Biden": both take part
        frame.subjects = list(frame.preps["between"])
    if not frame.subjects and frame.preps.get("from"):
        frame.subjects = list(frame.preps["from"])  # "condemnation from Tokyo", "aid from Japan"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in REACTION_VERBS:
        # "the launch drew condemnation": the reaction is aimed at what drew it
        frame.objects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return frame


def _nominal_agent(noun: Token) -> list[Token]:
    """Who carried out a nominal event: the subject of the light verb governing it ("held talks"),
    or the owner of the subject ("Lavrov's call was made in a telephone conversation")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return []
    if noun.dep_ == "dobj" and head.lemma_.lower() not in LIGHT_VERBS:
        return []
    # "agreed to stage a joint exercise": the light verb's subject may be the one it shares
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(head)
    if not subjects:
        passive_subjects = [c for c in head.children if c.dep_ == "nsubjpass"]
        subjects = [p for s in passive_subjects for p in s.children if p.dep_ == "poss"]
        subjects += [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return subjects


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it depends on: "Russia agreed and signed",
    "North Korea plans to launch". Object control ("urged X to refrain") gives X."""
    current = verb
    for _ in range(4):
        if current.dep_ not in SUBJECT_CONTROL_DEPS or current.head.i == current.i:
            return []
        head = current.head
        if current.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects:
                return objects
        if current.dep_ == "advcl" and current.tag_ not in ("VBG", "VBN"):
            return []  # a finite adverbial clause has its own subject
        if current.dep_ == "pcomp":
            # "continued by donating", "after meeting": the gerund's subject is the verb's; not in
            # "accused X of blocking" or "blamed X for attacking", where it is X's
            if head.lower_ not in MANNER_PREPS:
                return []
            head = head.head
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        agents = [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents
        current = head
    return []


def _add_prep(frame: Frame, prep: Token) -> None:
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    frame.preps.setdefault(prep.lower_, []).extend(objects)


def _quotative_inversion(frame: Frame) -> None:
    """'..., warned the Russian leader.': after a quoted clause the speaker follows the verb."""
    verb = frame.trigger
    if frame.subjects or frame.clause is None or not frame.objects:
        return
    if frame.clause.i < verb.i and all(o.i > verb.i for o in frame.objects):
        frame.subjects, frame.objects = frame.objects, []


def frames(sentence: Span, verb_lemmas: frozenset[str], noun_lemmas: frozenset[str]) -> list[Frame]:
    """Frames for every token that may trigger an event: verbs, and nouns listed as event nouns."""
    found = []
    for token in tokens_tagged(sentence, TRIGGER_POS):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and lemma == "be"):
            # a participle used as an adjective ("the internationally recognised government") names no act
            if lemma in verb_lemmas and token.dep_ != "amod":
                found.append(verb_frame(token))
        elif token.pos_ == "NOUN" and (lemma in noun_lemmas or token.lower_ in noun_lemmas):
            found.append(noun_frame(token))
    return found
