"""What the text says about whether a predicate happened: asserted, negated, hypothetical,
future, reported, question or denied. Decided from the trigger and the verbs above it."""

from __future__ import annotations

from standoff.nlp import Token

HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "'d"}
FUTURE_AUX = {"will", "shall", "'ll"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs above a complement that say it has not (yet) happened.
FUTURE_HEADS = {"plan", "intend", "expect", "aim", "prepare", "schedule", "due", "set", "vow", "pledge", "promise", "decide", "agree"}
HYPOTHETICAL_HEADS = {"try", "attempt", "want", "wish", "hope", "seek", "threaten", "consider", "propose", "urge", "ask", "call", "demand", "mistake", "involve", "allow", "need", "able", "ready", "willing", "refrain", "avoid",
                      "possible", "impossible", "necessary", "likely", "unlikely", "difficult", "hard", "easy"}
NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "stop", "halt", "cease"}
DENYING_HEADS = {"deny"}
CLAIM_NOUNS = {"claim", "allegation", "accusation", "report", "charge", "suggestion", "assertion"}
COMMUNICATION = {"say", "add", "write", "state", "declare", "tell", "report", "claim", "announce", "warn", "insist", "opine", "boast", "note", "believe", "think"}
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "prep")


def _negated(token: Token) -> bool:
    """ "did not", "never", and subjects such as "neither X nor Y" or "no country"."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass"):
            if any(g.lower_ in ("neither", "no", "none") and g.dep_ in ("preconj", "det") for g in child.children):
                return True
    return False


def _own(token: Token) -> str | None:
    """Modality marked on the verb itself; negation first ("will not lift" is negated, not future)."""
    if _negated(token):
        return "negated"
    if token.dep_ == "ROOT" and token.sent.text.rstrip().endswith("?"):
        return "question"
    for child in token.children:
        lower = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            if lower in HYPOTHETICAL_AUX:
                return "hypothetical"
            if lower in FUTURE_AUX:
                return "future"
        if child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
            return "hypothetical"
    # "is going to strike"
    if token.head.lemma_ == "go" and token.dep_ == "xcomp" and token.head.tag_ == "VBG":
        return "future"
    return None


def modality(trigger: Token) -> str:
    """The modality of an event triggered at ``trigger`` (a verb, or a noun inside a clause)."""
    current = trigger
    reported = False
    for _ in range(8):
        found = _own(current)
        if found is not None:
            return found
        if current.head.i == current.i or current.dep_ not in CLAUSE_DEPS:
            break
        head = current.head
        lemma = head.lemma_.lower()
        if lemma == "be":  # "it is possible to halt ...": the adjective governs the infinitive
            lemma = next((c.lemma_.lower() for c in head.children if c.dep_ == "acomp"), lemma)
        if current.dep_ in ("xcomp", "pcomp", "pobj", "prep") or (current.dep_ == "acomp"):
            if lemma in NEGATING_HEADS:
                return "negated"
            if lemma in DENYING_HEADS:
                return "denied"
            if lemma in FUTURE_HEADS:
                return "future"
            if lemma in HYPOTHETICAL_HEADS:
                return "hypothetical"
        if current.dep_ == "ccomp" and lemma in COMMUNICATION:
            reported = True
            if lemma in DENYING_HEADS:
                return "denied"
        if current.dep_ in ("acl", "ccomp") and lemma in CLAIM_NOUNS:
            # "denied claims that its forces had shelled ...": the denied act is no event
            if head.head.lemma_.lower() in DENYING_HEADS | {"reject", "dismiss", "refute", "rebuff"}:
                return "denied"
            reported = True
        current = head
    return "reported" if reported else "asserted"
