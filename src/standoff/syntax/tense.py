"""The tense and aspect of a clause, read from its verb group: what tells current reporting
("fired", "has fired") from background ("had fired") and plans ("will fire")."""

from __future__ import annotations

from enum import Enum

from standoff.nlp import Token
from standoff.syntax.labels import Form, Role, VerbForm, is_auxiliary, is_subject, link, verb_form
from standoff.syntax.tree import children


class Tense(Enum):
    PAST = "past"  # "fired", "was fired", "were firing"
    PAST_PERFECT = "past-perfect"  # "had fired", "had been fired"
    PRESENT = "present"  # "fires", "is firing"
    PRESENT_PERFECT = "present-perfect"  # "has fired", "have been fired"
    MODAL = "modal"  # "will fire", "would have fired", "could fire"
    NONFINITE = "nonfinite"  # "to fire", "firing", "fired by": no finite verb of its own

    __hash__ = object.__hash__


# Links through which a verb without a finite form of its own takes its tense from its head:
# "agreed *to talk*", "*seized* the town and *killed* ..." (a conjunct sharing its auxiliaries),
# "responded *by arming* militias" (a gerund after a preposition, through the preposition).
_SHARES_TENSE = frozenset(
    {(Role.COMPLEMENT, Form.INFINITIVE), (Role.CONJUNCT, Form.PLAIN), (Role.COMPLEMENT, Form.ADVERBIAL), (Role.OBLIQUE, Form.CLAUSE), (Role.PREPOSITION, Form.PLAIN)}
)


def tense(verb: Token) -> Tense:
    """The tense of ``verb``'s own verb group; a verb without a finite form takes its head's
    ("had seized the town and killed ...": both past perfect)."""
    current = verb
    for _ in range(8):
        own = own_tense(current)
        if link(current) not in _SHARES_TENSE or current.head.i == current.i:
            return own
        if link(current)[0] is Role.CONJUNCT:
            # "had seized ... and killed": the second verb shares the first's auxiliaries,
            # whatever its tag says, unless it has a subject or auxiliaries of its own
            if any(is_subject(c) or is_auxiliary(c) for c in children(current)):
                return own
        elif own is not Tense.NONFINITE:
            return own
        current = current.head
    return own_tense(current)


def own_tense(verb: Token) -> Tense:
    """The tense of ``verb``'s own auxiliaries and form, whatever its head's."""
    auxiliaries = [c for c in children(verb) if is_auxiliary(c) and c.i < verb.i]
    if any(verb_form(a) is VerbForm.MODAL for a in auxiliaries):
        return Tense.MODAL
    perfect = next((a for a in auxiliaries if a.lemma_ == "have"), None)
    if perfect is not None:
        return Tense.PAST_PERFECT if verb_form(perfect) is VerbForm.PAST else Tense.PRESENT_PERFECT
    finite = auxiliaries[0] if auxiliaries else verb
    form = verb_form(finite)
    if form is VerbForm.PAST:
        return Tense.PAST
    if form is VerbForm.PRESENT:
        return Tense.PRESENT
    return Tense.NONFINITE
