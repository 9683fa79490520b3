"""The people an article has named so far, for pronouns and titles to point back to.

An antecedent is a person-like actor with the words of its titles ("Russian President Vladimir
Putin" + the role held that day). A pronoun takes the latest one within three sentences,
preferring the subject of that sentence to a later object ("Putin met Lavrov. He said ..." is
Putin); a title takes the latest one that fits it ("the minister" is not the president named
before; "the Russian leader" is a Russian president, prime minister or leader).
"""

from __future__ import annotations

from standoff.lexicon import Lexicon
from standoff.model import Actor

_WINDOW = 3  # sentences


class Antecedents:
    def __init__(self, sentence_of: dict[int, int], lexicon: Lexicon) -> None:
        self._sentence_of = sentence_of
        self._words = lexicon
        self._seen: list[tuple[int, Actor, frozenset[str]]] = []  # token index, actor, title words
        self._subjects: set[int] = set()

    def add(self, index: int, actor: Actor, title_words: frozenset[str], subject: bool) -> None:
        self._seen.append((index, actor, title_words))
        if subject:
            self._subjects.add(index)

    def latest(
        self,
        before: int,
        sector: str | None = None,
        country: str | None = None,
        title: str | None = None,
        prefer_subject: bool = False,
        exclude: frozenset[int] = frozenset(),
    ) -> Actor | None:
        """The latest fitting antecedent before token ``before``; ``exclude``: tokens it cannot be."""
        found = [(i, a) for i, a in self._candidates(before, sector, country, title) if i not in exclude]
        if not found:
            return None
        if prefer_subject:
            sentence = self._sentence_of.get(found[0][0], 0)
            subjects = [a for i, a in found if i in self._subjects and self._sentence_of.get(i, 0) == sentence]
            if subjects:
                return subjects[0]
        return found[0][1]

    def _candidates(self, before: int, sector: str | None, country: str | None, title: str | None) -> list[tuple[int, Actor]]:
        """Fitting antecedents before token ``before``, latest first."""
        sentence = self._sentence_of.get(before, 0)
        found = []
        for index, actor, words in reversed(self._seen):
            if index >= before:
                continue
            if sentence - self._sentence_of.get(index, 0) > _WINDOW:
                break
            code = actor.code
            if sector is not None and (code is None or code.sector != sector):
                continue
            if country is not None and (code is None or code.country != country):
                continue
            if title is not None and not fits_title(title, words, self._words):
                continue
            found.append((index, actor))
        return found


def fits_title(title: str, words: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether a person with these title words can be called ``title``."""
    if title in lexicon.leader_titles:
        return bool(words & lexicon.leader_words)
    return set(title.replace("-", " ").split()) <= words
