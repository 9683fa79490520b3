"""What the text says about whether a predicate happened: asserted, negated, hypothetical,
future, reported, question or denied. Decided from the trigger and the verbs above it."""

from __future__ import annotations

from itertools import chain, islice

from standoff.lexicon import Lexicon
from standoff.model import Modality
from standoff.nlp import Token
from standoff.syntax.labels import ADVERBIAL_CLAUSE, ADVERB_MODIFIER, PLAIN_PATIENT, THAT_CLAUSE, Form, Role, VerbForm, WordClass, first_conjunct, form, has_subject, is_auxiliary, is_predicate_word, is_subject, link, role, verb_form, word_class
from standoff.syntax.predicates import is_to_infinitive
from standoff.syntax.tense import Tense, own_tense
from standoff.syntax.tree import children, sentence_bounds

# Links through which a word's modality comes from the word above it.
_EMBEDDING_LINKS = frozenset(
    {
        (Role.COMPLEMENT, Form.INFINITIVE),
        (Role.COMPLEMENT, Form.THAT_CLAUSE),
        (Role.COMPLEMENT, Form.ADVERBIAL),
        (Role.COMPLEMENT, Form.NOUN_CLAUSE),
        (Role.CONJUNCT, Form.PLAIN),
        (Role.RELATIVE, Form.PLAIN),
        (Role.OBLIQUE, Form.PLAIN),
        (Role.OBLIQUE, Form.CLAUSE),
        (Role.PREPOSITION, Form.PLAIN),
    }
)
# Clauses that tell an act of their own, done when told in a past tense: a relative clause, and an
# adverbial clause with its own subject ("after Russia seized Crimea"; "if" clauses are marked
# hypothetical on their own verb first).
_DONE_CLAUSE_LINKS = frozenset({(Role.RELATIVE, Form.PLAIN), (Role.COMPLEMENT, Form.ADVERBIAL)})
# The tenses of a clause that tells an act as done: "that hit", "which had killed", "that has displaced".
_DONE_TENSES = frozenset({Tense.PAST, Tense.PAST_PERFECT, Tense.PRESENT_PERFECT})
# Links under a word that governs whether its complement happens: "refused to", "plans to",
# "after agreeing".
_GOVERNED_LINKS = frozenset(
    {
        (Role.COMPLEMENT, Form.INFINITIVE),
        (Role.OBLIQUE, Form.PLAIN),
        (Role.OBLIQUE, Form.CLAUSE),
        (Role.PREPOSITION, Form.PLAIN),
    }
)

# Links read for every dependent of every verb a modality is asked of: named once, not built each time.
_NEGATION = (Role.FUNCTION, Form.NEGATION)
_DETERMINER = (Role.FUNCTION, Form.DETERMINER)
_SUBORDINATOR = (Role.FUNCTION, Form.SUBORDINATOR)
_OPENER_LINKS = (_SUBORDINATOR, ADVERB_MODIFIER)  # "until" is a subordinator; the parser makes "when" an adverb
_PLAIN_PREPOSITION = (Role.PREPOSITION, Form.PLAIN)
_JOINED = (Role.CONJUNCT, Form.PLAIN)
_CLAIM_CLAUSE_LINKS = ((Role.COMPLEMENT, Form.NOUN_CLAUSE), (Role.COMPLEMENT, Form.THAT_CLAUSE))  # "claims *that* ..."
_ROOT = Role.ROOT  # a module name: on Python 3.11 reading an Enum's member goes through EnumType.__getattr__, slowly


def _negated(token: Token, words: Lexicon) -> bool:
    """ "did not", "never", and subjects such as "neither X nor Y" or "no country"."""
    for child in children(token):
        child_link = link(child)
        if child_link == _NEGATION or (child_link == ADVERB_MODIFIER and child.lower_ in words.negating_adverbs):
            return True
        if is_subject(child):
            for grandchild in children(child):
                if grandchild.lower_ in words.negative_determiners and role(grandchild) is Role.FUNCTION and form(grandchild) in (Form.COORDINATOR, Form.DETERMINER):
                    return True
    return False


def _own(token: Token, words: Lexicon) -> Modality | None:
    """Modality marked on the verb itself; a condition first ("if the soldiers were not freed"
    is no refusal), then negation ("will not lift" is negated, not future)."""
    if any(link(c) == _SUBORDINATOR and c.lower_ in words.conditional_subordinators for c in children(token)):
        return Modality.HYPOTHETICAL
    if _negated(token, words):
        return Modality.NEGATED
    if word_class(token) is WordClass.NOUN and any(link(c) == _DETERMINER and c.lower_ in words.hypothetical_determiners for c in children(token)):
        return Modality.HYPOTHETICAL  # an act named by a noun that may or may not come: "warned against any attack"
    if role(token) is _ROOT and _asks(token):
        return Modality.QUESTION
    for child in children(token):
        if is_auxiliary(child):
            lower = child.lower_
            if lower in words.hypothetical_auxiliaries:
                return Modality.HYPOTHETICAL
            if lower in words.future_auxiliaries:
                return Modality.FUTURE
    # "is going to strike"
    if token.head.lemma_ == "go" and link(token) == (Role.COMPLEMENT, Form.INFINITIVE) and verb_form(token.head) is VerbForm.GERUND:
        return Modality.FUTURE
    return None


def _on_topic_noun(preposition: Token, words: Lexicon) -> bool:
    """The preposition tells what is deliberated: it hangs on a topic noun or its verb ("a vote
    on joining", "will vote on ratifying"), or on a verb right after such a noun as its object
    ("suspended debate on ratifying")."""
    head = preposition.head
    if head.lemma_.lower() in words.topic_nouns:
        return True
    return is_predicate_word(head) and any(
        link(c) == PLAIN_PATIENT and c.lemma_.lower() in words.topic_nouns and c.right_edge.i + 1 == preposition.i for c in children(head)
    )


def _asks(token: Token) -> bool:
    """The sentence of ``token`` ends in a question mark (blank space after it aside). Read from
    its last words: its text would take a Token object for every word."""
    start, end = sentence_bounds(token)
    doc = token.doc
    for i in range(end - 1, start - 1, -1):
        text = doc[i].text_with_ws.rstrip()
        if text:
            return text.endswith("?")
    return False


def _told_in_past(verb: Token) -> bool:
    """The first finite verb at or above ``verb`` is in a past tense: "agreed (to freeze)"."""
    for word in chain((verb,), islice(verb.ancestors, 5)):
        tense = own_tense(word)
        if tense is not Tense.NONFINITE:
            return tense in _DONE_TENSES
    return False


def _still_to_come(clause: Token, head: Token, words: Lexicon) -> bool:
    """The adverbial clause, in the present, tells an act still to come: opened by "until" or
    "unless", or by "after" or "when" under a verb not in the present ("a deal to keep trade
    flowing after Britain leaves the EU")."""
    openers = words.pending_openers if own_tense(head) is Tense.PRESENT else words.pending_openers | words.later_openers
    return any(link(c) in _OPENER_LINKS and c.lower_ in openers for c in children(clause))


def modality(trigger: Token, words: Lexicon) -> Modality:
    """The modality of an event triggered at ``trigger`` (a verb, or a noun inside a clause)."""
    current = trigger
    reported = False
    told_as_done = False  # a past relative clause: what governs its noun says nothing of whether it happened
    passed_over = False  # the first of two joined clauses, whose own mood the second does not share
    for _ in range(8):
        found = None if told_as_done or passed_over else _own(current, words)
        if found is not None:
            return found
        passed_over = False
        current_link = link(current)
        if current.head.i == current.i or current_link not in _EMBEDDING_LINKS:
            break
        if current_link == _JOINED and has_subject(current) and own_tense(current) is not Tense.NONFINITE:
            # "said that Rice would travel to Tbilisi, and that aircraft had begun flying supplies": a
            # clause joined with a subject and a tense of its own shares only what governs both
            current, passed_over = first_conjunct(current), True
            continue
        if not told_as_done and current_link in _DONE_CLAUSE_LINKS and own_tense(current) in _DONE_TENSES and (current_link[0] is Role.RELATIVE or has_subject(current)):
            # "called for an inquiry into a strike that hit a bus": the strike hit it; "to stop
            # Russian action after Russia seized Crimea": Russia seized it
            told_as_done = True
        if current_link == _PLAIN_PREPOSITION and current.lower_ in words.prior_act_prepositions and _told_in_past(current.head):
            told_as_done = True  # "agreed to freeze it after talks with U.S. officials": the talks were held
        if told_as_done:
            reported = reported or (current_link == THAT_CLAUSE and current.head.lemma_.lower() in words.communication_verbs)
            current = current.head
            continue
        head = current.head
        lemma = head.lemma_.lower()
        if lemma == "be":  # "it is possible to halt ...": the adjective governs the infinitive
            lemma = next((c.lemma_.lower() for c in children(head) if link(c) == (Role.COMPLEMENT, Form.ADJECTIVE)), lemma)
        if current_link == _PLAIN_PREPOSITION and current.lower_ in words.deliberation_prepositions and _on_topic_noun(current, words):
            return Modality.HYPOTHETICAL  # "suspend debate on ratifying the treaty": a topic, not an act
        if current_link == ADVERBIAL_CLAUSE and is_to_infinitive(current) and lemma not in words.deciding_verbs:
            return Modality.HYPOTHETICAL  # "sent troops to protect the border": a purpose, not an act done
        if current_link == ADVERBIAL_CLAUSE and own_tense(current) is Tense.PRESENT and _still_to_come(current, head, words):
            return Modality.HYPOTHETICAL  # "will fight until foreign troops leave": an act still to come
        if current_link in _GOVERNED_LINKS:
            if lemma in words.negating_heads:
                return Modality.NEGATED
            if lemma in words.denying_heads:
                return Modality.DENIED
            if lemma in words.future_heads:
                return Modality.FUTURE
            if lemma in words.hypothetical_heads:
                return Modality.HYPOTHETICAL
        if current_link == THAT_CLAUSE and lemma in words.denying_heads:
            return Modality.DENIED  # "denied that the army had shelled the town": no shelling told
        if current_link == THAT_CLAUSE and lemma in words.communication_verbs:
            reported = True
        if current_link in _CLAIM_CLAUSE_LINKS and lemma in words.request_nouns:
            return Modality.HYPOTHETICAL  # "its demand that Israel lift the blockade": asked for, not done
        if current_link in _CLAIM_CLAUSE_LINKS and lemma in words.claim_nouns:
            # "denied claims that its forces had shelled ...": the denied act is no event
            if head.head.lemma_.lower() in words.rejecting_verbs:
                return Modality.DENIED
            reported = True
        current = head
    return Modality.REPORTED if reported else Modality.ASSERTED
