"""The one module that reads the parser's label strings.

spaCy's English models label each word with a dependency relation (ClearNLP style: nsubj,
dobj, prep, pobj, xcomp, ...), a part of speech, a Penn tag and an entity type. Here those
labels become standoff's own terms: the role a word plays for the word it depends on (agent,
patient, recipient, by-agent, oblique, complement, possessor, modifier, ...), refined by its
form where the rules need it, its word class, and the kind of name it is part of. Where the
parser writes the same role two ways, this module says it once: a preposition labelled as a
dative ("offered condolences to Morocco") is a preposition, a clausal subject is an agent, the
subject of a passive is a patient. Changing the parser's label set is a change to this file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from itertools import compress

from standoff.nlp import POS_IDS, Doc, Span, Token, entity_columns, string_ids, word_columns
from standoff.syntax.tree import children, dependency_labels, heads, rights, tokens, words_tagged


class Role(Enum):
    """What a word is to the word it depends on."""

    AGENT = "agent"  # the subject of an active verb: who acts
    PATIENT = "patient"  # the direct object, or (form PASSIVE) the subject of a passive verb
    RECIPIENT = "recipient"  # the indirect object: "gave Ukraine aid"
    BY_AGENT = "by-agent"  # the "by" of a passive; its object is who acted
    PREPOSITION = "preposition"  # a preposition on a word; its object is an oblique
    OBLIQUE = "oblique"  # the object of a preposition (form CLAUSE: a gerund or clause)
    PARTICLE = "particle"  # "carried *out*", "called *on*"
    COMPLEMENT = "complement"  # a clause or predicate the word takes; the form says which
    RELATIVE = "relative"  # a relative clause; its head is the noun it modifies
    POSSESSOR = "possessor"  # "Russia's", "his"
    MODIFIER = "modifier"  # adjectives, nouns and adverbs before or after a word; the form says which
    APPOSITIVE = "appositive"  # "the president, Emmanuel Macron"
    CONJUNCT = "conjunct"  # the second and later members of "X and Y"
    PREDICATIVE = "predicative"  # "is *a threat*", "called Assad *a murderer*"
    FUNCTION = "function"  # auxiliaries, negation, subordinators, determiners, ...: the form says which
    ROOT = "root"  # the head of the sentence
    OTHER = "other"

    __hash__ = object.__hash__  # members are singletons: hash them as fast as any object


class Form(Enum):
    """How a role is filled, where the rules care."""

    PLAIN = "plain"
    CLAUSE = "clause"  # a clausal subject, or a gerund or clause after a preposition
    PASSIVE = "passive"  # the subject of a passive verb; a passive auxiliary
    # complements
    INFINITIVE = "infinitive"  # an open complement sharing its controller's subject: "agreed *to talk*"
    THAT_CLAUSE = "that-clause"  # a closed complement: "said (that) it *would* respond"
    ADVERBIAL = "adverbial"  # "attacked *after* talks *failed*", "called on China *to release*"
    NOUN_CLAUSE = "noun-clause"  # a clause on a noun: "a road map *formulated* by Moscow"
    ADJECTIVE = "adjective"  # "is *ready* to talk" as a complement; "*military* aid" as a modifier
    PARATAXIS = "parataxis"  # a clause set beside another: "..., he said"
    # modifiers
    NOUN = "noun"  # "*road* map", "the *Hokkaido* coast"
    NOUN_PHRASE = "noun-phrase"  # a noun phrase modifying a noun
    NAME_PART = "name-part"  # a later word of a multi-word name
    ADVERB = "adverb"
    NUMBER = "number"
    # function words
    AUXILIARY = "auxiliary"
    NEGATION = "negation"
    SUBORDINATOR = "subordinator"  # "if", "that", "when" opening a clause
    DETERMINER = "determiner"
    COORDINATOR = "coordinator"  # "and", "neither"
    POSSESSIVE_ENDING = "possessive-ending"  # "'s"
    PUNCTUATION = "punctuation"
    EXPLETIVE = "expletive"  # "*there* were clashes", "*it* is possible"

    __hash__ = object.__hash__


_LINKS: dict[str, tuple[Role, Form]] = {
    "nsubj": (Role.AGENT, Form.PLAIN),
    "csubj": (Role.AGENT, Form.CLAUSE),
    "nsubjpass": (Role.PATIENT, Form.PASSIVE),
    "csubjpass": (Role.PATIENT, Form.CLAUSE),
    "dobj": (Role.PATIENT, Form.PLAIN),
    "dative": (Role.RECIPIENT, Form.PLAIN),
    "agent": (Role.BY_AGENT, Form.PLAIN),
    "prep": (Role.PREPOSITION, Form.PLAIN),
    "pobj": (Role.OBLIQUE, Form.PLAIN),
    "pcomp": (Role.OBLIQUE, Form.CLAUSE),
    "prt": (Role.PARTICLE, Form.PLAIN),
    "xcomp": (Role.COMPLEMENT, Form.INFINITIVE),
    "ccomp": (Role.COMPLEMENT, Form.THAT_CLAUSE),
    "advcl": (Role.COMPLEMENT, Form.ADVERBIAL),
    "acl": (Role.COMPLEMENT, Form.NOUN_CLAUSE),
    "acomp": (Role.COMPLEMENT, Form.ADJECTIVE),
    "parataxis": (Role.COMPLEMENT, Form.PARATAXIS),
    "relcl": (Role.RELATIVE, Form.PLAIN),
    "poss": (Role.POSSESSOR, Form.PLAIN),
    "amod": (Role.MODIFIER, Form.ADJECTIVE),
    "compound": (Role.MODIFIER, Form.NOUN),
    "nmod": (Role.MODIFIER, Form.NOUN_PHRASE),
    "flat": (Role.MODIFIER, Form.NAME_PART),
    "advmod": (Role.MODIFIER, Form.ADVERB),
    "npadvmod": (Role.MODIFIER, Form.ADVERB),
    "nummod": (Role.MODIFIER, Form.NUMBER),
    "quantmod": (Role.MODIFIER, Form.NUMBER),
    "appos": (Role.APPOSITIVE, Form.PLAIN),
    "conj": (Role.CONJUNCT, Form.PLAIN),
    "attr": (Role.PREDICATIVE, Form.PLAIN),
    "oprd": (Role.PREDICATIVE, Form.PLAIN),
    "aux": (Role.FUNCTION, Form.AUXILIARY),
    "auxpass": (Role.FUNCTION, Form.PASSIVE),
    "neg": (Role.FUNCTION, Form.NEGATION),
    "mark": (Role.FUNCTION, Form.SUBORDINATOR),
    "det": (Role.FUNCTION, Form.DETERMINER),
    "predet": (Role.FUNCTION, Form.DETERMINER),
    "cc": (Role.FUNCTION, Form.COORDINATOR),
    "preconj": (Role.FUNCTION, Form.COORDINATOR),
    "case": (Role.FUNCTION, Form.POSSESSIVE_ENDING),
    "punct": (Role.FUNCTION, Form.PUNCTUATION),
    "expl": (Role.FUNCTION, Form.EXPLETIVE),
    "ROOT": (Role.ROOT, Form.PLAIN),
}
_OTHER = (Role.OTHER, Form.PLAIN)

# The links the rules compare words against most often, named once: a (role, form) pair written
# out in a comparison is built anew every time it is evaluated.
PLAIN_AGENT = (Role.AGENT, Form.PLAIN)
PLAIN_PATIENT = (Role.PATIENT, Form.PLAIN)
PLAIN_OBLIQUE = (Role.OBLIQUE, Form.PLAIN)
THAT_CLAUSE = (Role.COMPLEMENT, Form.THAT_CLAUSE)
ADVERBIAL_CLAUSE = (Role.COMPLEMENT, Form.ADVERBIAL)
ADVERB_MODIFIER = (Role.MODIFIER, Form.ADVERB)
ADJECTIVE_MODIFIER = (Role.MODIFIER, Form.ADJECTIVE)
CLAUSE_ON_NOUN = (Role.COMPLEMENT, Form.NOUN_CLAUSE)  # "a road map *formulated* by Moscow"


class WordClass(Enum):
    VERB = "verb"
    AUXILIARY = "auxiliary"  # "be", "have", "will" as auxiliaries (and "be" as a main verb)
    NOUN = "noun"
    NAME = "name"  # a proper noun
    PRONOUN = "pronoun"
    ADJECTIVE = "adjective"
    ADVERB = "adverb"
    ADPOSITION = "adposition"
    NUMBER = "number"
    DETERMINER = "determiner"
    OTHER = "other"

    __hash__ = object.__hash__


_CLASSES: dict[str, WordClass] = {
    "VERB": WordClass.VERB,
    "AUX": WordClass.AUXILIARY,
    "NOUN": WordClass.NOUN,
    "PROPN": WordClass.NAME,
    "PRON": WordClass.PRONOUN,
    "ADJ": WordClass.ADJECTIVE,
    "ADV": WordClass.ADVERB,
    "ADP": WordClass.ADPOSITION,
    "NUM": WordClass.NUMBER,
    "DET": WordClass.DETERMINER,
}
PREDICATE_CLASSES = frozenset({WordClass.VERB, WordClass.AUXILIARY})
NOUN_CLASSES = frozenset({WordClass.NOUN, WordClass.NAME})


class VerbForm(Enum):
    PAST = "past"  # "fired"
    PARTICIPLE = "participle"  # "was fired", "a missile fired from"
    GERUND = "gerund"  # "firing"
    PRESENT = "present"  # "fires", "fire" with a subject
    BASE = "base"  # "to fire", "will fire"
    MODAL = "modal"  # "will", "would", "could"
    OTHER = "other"


_VERB_FORMS = {
    "VBD": VerbForm.PAST,
    "VBN": VerbForm.PARTICIPLE,
    "VBG": VerbForm.GERUND,
    "VBZ": VerbForm.PRESENT,
    "VBP": VerbForm.PRESENT,
    "VB": VerbForm.BASE,
    "MD": VerbForm.MODAL,
}


class Entity(Enum):
    """The kind of name the model found a word in."""

    PERSON = "person"
    ORGANISATION = "organisation"
    NATIONALITY = "nationality"  # also religious and political groups: "Russians", "Sunni"
    COUNTRY_OR_CITY = "country-or-city"  # a place with a government
    LOCATION = "location"  # mountains, seas, regions
    FACILITY = "facility"  # airports, bridges, bases
    DATE = "date"
    TIME = "time"
    OTHER_NAME = "other-name"  # titles of works, events, products, laws, languages
    QUANTITY = "quantity"  # money, percentages, counts
    NONE = "none"

    __hash__ = object.__hash__


_ENTITIES = {
    "PERSON": Entity.PERSON,
    "ORG": Entity.ORGANISATION,
    "NORP": Entity.NATIONALITY,
    "GPE": Entity.COUNTRY_OR_CITY,
    "LOC": Entity.LOCATION,
    "FAC": Entity.FACILITY,
    "DATE": Entity.DATE,
    "TIME": Entity.TIME,
    "WORK_OF_ART": Entity.OTHER_NAME,
    "EVENT": Entity.OTHER_NAME,
    "PRODUCT": Entity.OTHER_NAME,
    "LAW": Entity.OTHER_NAME,
    "LANGUAGE": Entity.OTHER_NAME,
    "": Entity.NONE,
}


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A name the model found: tokens [start, end) of the doc."""

    start: int
    end: int
    kind: Entity
    text: str


# -- roles ---------------------------------------------------------------------------------

# The parser's labels are numbers in the token; each number is looked up once per process.
_LINK_OF_ID: dict[int, tuple[Role, Form]] = {}
_PREPOSITION_LINK = (Role.PREPOSITION, Form.PLAIN)
_CONJUNCT_LINK = (Role.CONJUNCT, Form.PLAIN)
# Members read for most words, as module names: on Python 3.11 reading an Enum's member goes
# through EnumType.__getattr__, which costs more than the look-up it is read for.
_CONJUNCT = Role.CONJUNCT
_NO_VERB_FORM = VerbForm.OTHER
_UNLISTED_ENTITY = Entity.QUANTITY
_RECIPIENT_LINK = _LINKS["dative"]


def link(token: Token) -> tuple[Role, Form]:
    """The role ``token`` plays for its head, with its form."""
    try:
        found = _LINK_OF_ID[token.dep]
    except KeyError:
        found = _LINK_OF_ID[token.dep] = _LINKS.get(token.dep_, _OTHER)
    if found is _RECIPIENT_LINK and word_class(token) is WordClass.ADPOSITION:
        return _PREPOSITION_LINK  # "offered condolences to Morocco": a preposition
    return found


@cache  # asked for by every article, with one of a few links
def label_ids(wanted: tuple[Role, Form]) -> frozenset[int]:
    """The string ids of the parser's labels that ``link`` reads as ``wanted``, for finding
    words in the doc's label column."""
    if wanted == _OTHER:
        raise ValueError("the labels read as no link are not listed")
    labels = [label for label, found in _LINKS.items() if found == wanted]
    if wanted == _PREPOSITION_LINK:
        labels.append("dative")  # "offered condolences to Morocco"
    return string_ids(labels)


_latest_linked: tuple[Doc, dict[tuple[Role, Form], frozenset[int]]] | None = None  # of the doc read last


def heads_linked(doc: Doc, wanted: tuple[Role, Form]) -> frozenset[int]:
    """The words of ``doc`` with a dependent whose label ``link`` may read as ``wanted`` (any
    dative, for a preposition), read from the doc's label column once per doc and link: a
    word not among them has no such dependent, which most words asked about have not."""
    global _latest_linked
    if _latest_linked is None or _latest_linked[0] is not doc:
        _latest_linked = (doc, {})
    found = _latest_linked[1].get(wanted)
    if found is None:
        wanted_labels = label_ids(wanted)
        found = _latest_linked[1][wanted] = frozenset(compress(heads(doc), map(wanted_labels.__contains__, dependency_labels(doc))))
    return found


def role(token: Token) -> Role:
    return link(token)[0]


def form(token: Token) -> Form:
    return link(token)[1]


# -- word classes --------------------------------------------------------------------------


_CLASS_OF_ID: dict[int, WordClass] = {}


def word_class(token: Token) -> WordClass:
    try:
        return _CLASS_OF_ID[token.pos]
    except KeyError:
        found = _CLASS_OF_ID[token.pos] = _CLASSES.get(token.pos_, WordClass.OTHER)
        return found


def is_predicate_word(token: Token) -> bool:
    """A verb, or an auxiliary standing as a verb: what clauses are built around."""
    return word_class(token) in PREDICATE_CLASSES


def predicate_above(token: Token) -> Token:
    """The nearest verb at or above ``token`` ("dozens *of* protesters" -> "detained"), or the
    sentence's root when none is."""
    while not is_predicate_word(token) and token.head.i != token.i:
        token = token.head
    return token


# Endings after which English writes a verb's "-es" ("fixes", "goes", "watches").
_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def is_misspelt_inflection(token: Token) -> bool:
    """A verb written with "-es" where English writes "-s" ("Ethiopia departes"): a word no
    dictionary lists, whose lemma the model only guesses; it names no act."""
    lower, lemma = token.lower_, token.lemma_.lower()
    return lower == lemma + "es" and not lemma.endswith(_ES_ENDINGS)


def is_noun(token: Token) -> bool:
    """A common or proper noun."""
    return word_class(token) in NOUN_CLASSES


def verb_form(token: Token) -> VerbForm:
    return _VERB_FORMS.get(token.tag_, _NO_VERB_FORM)


def is_plural_noun(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def is_singular_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "NNP")


def is_proper_noun_tag(token: Token) -> bool:
    """Tagged as a proper noun (singular or plural), whatever its coarse class."""
    return token.tag_ in ("NNP", "NNPS")


def is_adjective_tag(token: Token) -> bool:
    return token.tag_ == "JJ"


def is_possessive_ending(token: Token) -> bool:
    """The "'s" of "Japan's"."""
    return token.tag_ == "POS"


def words_of_class(doc: Doc | Span, classes: Iterable[WordClass]) -> list[Token]:
    """The tokens of one of ``classes``, in order."""
    return words_tagged(doc, _part_of_speech_ids(frozenset(classes)))


@cache  # asked for every sentence, always with one of a few sets of classes
def _part_of_speech_ids(classes: frozenset[WordClass]) -> frozenset[int]:
    return frozenset(POS_IDS[pos] for pos, word_class in _CLASSES.items() if word_class in classes)


# -- names ---------------------------------------------------------------------------------


def entity(token: Token) -> Entity:
    return _ENTITIES.get(token.ent_type_, _UNLISTED_ENTITY)


def continues_entity(token: Token) -> bool:
    """The token is inside a name, after its first word."""
    return token.ent_iob_ == "I"


_latest_names: tuple[Doc, str, list[NamedSpan]] | None = None  # of the doc read last: the coder reads one doc at a time


def named_spans(doc: Doc, text: str) -> list[NamedSpan]:
    """The names the model found, as ``doc.ents`` gives them, read from the doc's entity
    columns, their words sliced from ``text`` (the doc's text): Doc.ents builds a Span for every
    name, and Span.text a Token object for every word. Read once per doc, for the actors and
    the places (the list is shared: do not change it)."""
    global _latest_names
    if _latest_names is not None and _latest_names[0] is doc and _latest_names[1] is text:
        return _latest_names[2]
    found = []
    words = tokens(doc)
    for start, end, label in _entity_runs(doc):
        first, last = words[start], words[end - 1]
        found.append(NamedSpan(start, end, _entity_of_label(doc, label), text[first.idx : last.idx + len(last)]))
    _latest_names = (doc, text, found)
    return found


_INSIDE, _BEGIN = 1, 3  # ENT_IOB: 1 inside a name, 2 outside, 3 the first word, 0 not set


def _entity_runs(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, label) of each name, as Doc.ents finds them: a name starts at a first word
    with a label and goes on over the words inside it."""
    runs = []
    iobs, labels = entity_columns(doc)
    for start in compress(range(len(iobs)), map((_BEGIN).__eq__, iobs)):  # the first words, found in C
        if labels[start]:
            end = start + 1
            while end < len(iobs) and iobs[end] == _INSIDE:
                end += 1
            runs.append((start, end, labels[start]))
    return runs


_ENTITY_OF_LABEL: dict[int, Entity] = {}  # the model's entity labels are numbers; each is looked up once


def _entity_of_label(doc: Doc, label: int) -> Entity:
    found = _ENTITY_OF_LABEL.get(label)
    if found is None:
        found = _ENTITY_OF_LABEL[label] = _ENTITIES.get(doc.vocab.strings[label], Entity.QUANTITY)
    return found


# -- common questions ----------------------------------------------------------------------


def is_subject(token: Token) -> bool:
    """The noun-phrase subject of its clause, active or passive."""
    return token.dep_ in ("nsubj", "nsubjpass")


def has_subject(verb: Token) -> bool:
    """The clause of ``verb`` has a subject of its own ("after Russia seized Crimea"), not one
    it shares or takes from the verb above it."""
    return any(is_subject(c) for c in children(verb))


def first_conjunct(token: Token) -> Token:
    """The first of conjoined words, which carries their phrase's or clause's link: "respect"
    in "that Russia respect ... and withdraw"."""
    while role(token) is _CONJUNCT and token.head.i != token.i:
        token = token.head
    return token


def conjuncts(token: Token) -> tuple[Token, ...]:
    """``token.conjuncts``: the words coordinated with it ("Moscow and Beijing"), itself left
    out, read from the doc's tree."""
    if token.i not in heads_linked(token.doc, _CONJUNCT_LINK) and role(token) is not _CONJUNCT:
        return ()  # most words are coordinated with none
    start = first_conjunct(token)
    queue = [start]
    found = [start]
    for word in queue:
        for child in rights(word):
            if role(child) is _CONJUNCT:
                found.append(child)
                queue.append(child)
    return tuple(word for word in found if word.i != token.i)


def is_auxiliary(token: Token) -> bool:
    """An auxiliary of its verb, active ("will", "has") or passive ("was")."""
    return token.dep_ in ("aux", "auxpass")


def _shared_marker(verb: Token) -> bool:
    """The bare verb has an infinitive's "to" or a modal, or the -ing form a progressive's "be",
    which no past form joined to it can share ("was not taking sides and urged")."""
    progressive = verb.tag_ == "VBG"
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD" or (progressive and c.lemma_ == "be")) for c in verb.children)


def _reattach_content_clause(verb: Token) -> None:
    """Repair (4) of ``repair_stranded_verbs``: a relative clause whose "that" the parser itself
    reads as a conjunction, on the object of a preposition on a verb, is that verb's clause."""
    noun = verb.head
    preposition = noun.head
    speaker = preposition.head
    if noun.dep_ != "pobj" or preposition.dep_ != "prep" or speaker.pos_ != "VERB":
        return
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and any(is_subject(c) for c in verb.children):
        verb.head, verb.dep_ = speaker, "ccomp"


_STRANDED_LABELS = string_ids(("acl", "conj", "relcl"))  # of the verbs repair_stranded_verbs may re-attach


def repair_stranded_verbs(doc: Doc) -> None:
    """Re-attach verbs the parser hung on the wrong word. (1) Re-root sentences the parser rooted
    in their subject noun, the verb hung on a later noun as if a reduced relative: "Germany,
    which holds the presidency, called on Estonia to ..." read as "the presidency called on". A
    past or present verb on a noun, with no subject of its own, in a sentence whose root is a
    noun, is the sentence's verb and that noun its subject. (2) A past verb without a subject
    joined to the "was" of a reported description is the reporter's next act, not the
    described thing's: "Perry said the tests were reckless and warned of grave consequences"
    read as "the tests warned". (3) A past verb joined to a "to" clause is joined to the verb that
    clause hangs on: "established a commission to reassure them and provided $5 million" (a past
    form cannot share an infinitive's "to") or a modal: "Oxfam said the expulsion would put
    lives at risk and called on the government to reverse it" is Oxfam's call, not "would
    called". (4) A clause opened by "that" as a conjunction, with a subject of its own, hung as a
    relative on the noun of a phrase on a verb, is that verb's content: "vowed in a televised
    speech that the coalition would pay" read as "a speech that ... would pay". Changes the
    parse in place: call it before anything reads the doc."""
    # The verbs labelled acl or conj, found in the doc's label column rather than by reading
    # every word: a repair relabels only words already passed (the verb, and a root before it).
    for verb in [doc[i] for i, label in enumerate(word_columns(doc)[0]) if label in _STRANDED_LABELS]:
        # raw labels, as is_subject reads them
        if verb.dep_ == "relcl":
            _reattach_content_clause(verb)
            continue
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(is_subject(c) for c in verb.children):
            continue
        if verb.dep_ == "conj":
            described = verb.head
            if verb.tag_ == "VBD" and described.lemma_ == "be" and described.dep_ == "ccomp" and described.head.tag_ == "VBD":
                verb.head = described.head
            elif verb.tag_ == "VBD" and described.tag_ in ("VB", "VBG") and described.dep_ in ("advcl", "xcomp", "ccomp") and _shared_marker(described):
                verb.head = described.head  # (3) "set up a fund to help them and provided aid": not "to provided"
            continue
        root = verb.sent.root
        if root.i < verb.i and is_noun(root):
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "nsubj"
