"""What a dictionary's words are, asked of the parser in short frame sentences.

A verb dictionary writes its words as forms ("LEFT", "SPED", "BROUGHT"), while standoff matches
lemmas: the lemma of a form is what the model gives it in "They <form> it." And a word a
pattern puts before its verb may be the subject ("POLICE *"), an adverb ("SHARPLY *"), a
negation ("NOT *"), an auxiliary ("WILL *", from the lexicon) or a verb that governs the
pattern's verb ("SAID *"): the model tells which in "The <word> attacked it." and, for a word
that is none of these, in "They <word> it." Each frame is parsed once, all of them in one batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from standoff.lexicon import Lexicon
from standoff.nlp import Token, parse
from standoff.syntax.labels import Form, Role, WordClass, link, word_class


class Kind(Enum):
    """What a word before a pattern's verb is to that verb."""

    NOUN = "noun"  # part of the subject
    ADVERB = "adverb"
    NEGATION = "negation"
    AUXILIARY = "auxiliary"
    VERB = "verb"  # a verb above the pattern's verb: "SAID *" is the verb of what was said
    OTHER = "other"  # a preposition, an adjective: no role of its own


def verb_lemmas(forms: Iterable[str]) -> dict[str, str]:
    """The lemma of each verb form (lower case in, lower case out)."""
    forms = sorted(set(forms))
    docs = parse((f"They {form} it." for form in forms), batch_size=256)
    return {form: doc[1].lemma_.lower() if len(doc) > 2 else form for form, doc in zip(forms, docs)}


def word_kinds(words: Iterable[str], lexicon: Lexicon) -> dict[str, Kind]:
    """The kind of each word as it stands before a verb."""
    words = sorted(set(words))
    docs = parse((f"The {word} attacked it." for word in words), batch_size=256)
    kinds = {word: _kind(doc[1], lexicon) if len(doc) > 2 else Kind.OTHER for word, doc in zip(words, docs)}
    others = [word for word, kind in kinds.items() if kind is Kind.OTHER and word not in lexicon.pattern_prepositions]
    for word, doc in zip(others, parse((f"They {word} it." for word in others), batch_size=256)):
        if len(doc) > 2 and word_class(doc[1]) is WordClass.VERB:
            kinds[word] = Kind.VERB
    return kinds


def _kind(token: Token, lexicon: Lexicon) -> Kind:
    if link(token) == (Role.FUNCTION, Form.NEGATION) or token.lower_ in lexicon.negating_adverbs | lexicon.negative_determiners:
        return Kind.NEGATION
    if token.lower_ in lexicon.pattern_auxiliaries:
        return Kind.AUXILIARY
    if token.lower_ in lexicon.pattern_prepositions:
        return Kind.OTHER
    kind = word_class(token)
    if kind is WordClass.ADVERB:
        return Kind.ADVERB
    if kind in (WordClass.VERB, WordClass.AUXILIARY, WordClass.ADPOSITION, WordClass.OTHER):
        return Kind.OTHER
    return Kind.NOUN
