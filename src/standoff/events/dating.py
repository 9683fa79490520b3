"""When an event happened, from the words of its clause.

In order: a date phrase on the event's own clause, or on a clause it belongs to ("agreed on
Tuesday to talk", "Israeli air strikes killed five people on Tuesday" dates the strikes,
"said on Sunday that troops had crossed"); else the clause's tense and aspect decide. Background
("had seized", "has repeatedly accused") has no date the text gives: basis unknown. A clause in
the past takes the date the paragraph's story is set at ("On Friday night, tanks blocked the
bridges. Soldiers opened fire ..."). Anything else is current reporting, dated to the
article (basis article).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from standoff.lexicon import Lexicon
from standoff.model import DateBasis, DatePrecision
from standoff.nlp import Span, Token, string_ids
from standoff.syntax.labels import ADVERB_MODIFIER, ADVERBIAL_CLAUSE, CLAUSE_ON_NOUN, PLAIN_OBLIQUE, THAT_CLAUSE, Form, Role, VerbForm, WordClass, has_subject, is_auxiliary, is_predicate_word, is_subject, label_ids, link, verb_form, word_class
from standoff.syntax.tense import Tense, tense
from standoff.syntax.tree import children, first_hanging_word, span_tokens, subtree_ends, words_labelled_or_written
from standoff.text.dates import DateMention

EventDate = tuple[date | None, DateBasis, DatePrecision | None]

# Links through which a date phrase on a word dates the words below it: what an open
# complement, a conjunct, a "when" or "after" clause, an argument, a relative clause or
# reported content does happens at the time of the clause above, unless it gives its own.
_DATE_CARRYING_LINKS = frozenset(
    {
        (Role.COMPLEMENT, Form.INFINITIVE),
        (Role.CONJUNCT, Form.PLAIN),
        (Role.COMPLEMENT, Form.ADVERBIAL),
        (Role.PATIENT, Form.PLAIN),
        (Role.OBLIQUE, Form.PLAIN),
        (Role.PREPOSITION, Form.PLAIN),
        (Role.OBLIQUE, Form.CLAUSE),
        (Role.RELATIVE, Form.PLAIN),
        (Role.COMPLEMENT, Form.THAT_CLAUSE),
    }
)
# An event noun as the subject of a verb happens when the verb's act does ("air strikes killed").
_NOUN_SUBJECT = (Role.AGENT, Form.PLAIN)
_CONJUNCT = (Role.CONJUNCT, Form.PLAIN)
# Participle clauses that tell the circumstances of their head's act ("speaking on Wednesday, he
# said", "Trump, speaking on Wednesday, said").
_CIRCUMSTANCE_FORMS = frozenset({VerbForm.GERUND, VerbForm.PARTICIPLE})
_CIRCUMSTANCE_LINKS = frozenset({(Role.COMPLEMENT, Form.ADVERBIAL), (Role.COMPLEMENT, Form.NOUN_CLAUSE)})
_MAX_CHAIN = 12
_SUBORDINATOR = (Role.FUNCTION, Form.SUBORDINATOR)
_SIDES = {"after": -1, "before": 1}  # an act "a day after" the date above lies a day before it
_DAYS_IN = {"day": 1, "week": 7, "hour": 0, "minute": 0}  # "hours after": the same day
_DAYS_OF_CURRENT_NEWS = 30  # a story set within the past month is part of the current news
_DONE_ACT = (Role.MODIFIER, Form.ADJECTIVE)  # "a *captured* pilot"
_POSSESSOR = (Role.POSSESSOR, Form.PLAIN)
_DETERMINER = (Role.FUNCTION, Form.DETERMINER)
# asked of every adjective modifier of a sentence: module names, since on Python 3.11 an Enum's member is
# read through EnumType.__getattr__, slowly
_PARTICIPLE, _ADJECTIVE = VerbForm.PARTICIPLE, WordClass.ADJECTIVE
_NOTHING_DONE: Mapping[str, DateMention | None] = {}
_RELATIVE_CLAUSE = (Role.RELATIVE, Form.PLAIN)


def event_date(
    trigger: Token,
    sentence: Span,
    dates: Sequence[DateMention],
    narrative: DateMention | None,
    published: date | None,
    words: Lexicon,
    presupposed: Mapping[str, DateMention | None] = _NOTHING_DONE,
    resultative: bool = False,
) -> EventDate:
    """The date of the act ``trigger`` names, its basis and precision. ``presupposed``: forms
    and lemmas of acts the story took as done before this sentence ("a captured Indian pilot"),
    with the date it told for them ("the students who disappeared in September"), if any.
    ``resultative``: a present perfect of the act tells a result, not when it happened (a
    material act past the article's lead: "more than 10,000 people have been killed in the war")."""
    chain = _chain(trigger)
    mention = _governing(chain, trigger, sentence, dates, words)
    if mention is not None:
        days = _days_between(chain, mention, words)
        if days and mention.date is not None and mention.precision == DatePrecision.DAY.value:
            return mention.date + timedelta(days=days), DateBasis.TEXT, DatePrecision.DAY
        return mention.date, DateBasis.TEXT, DatePrecision(mention.precision)
    verb = next((t for t in chain if is_predicate_word(t)), None)
    when = tense(verb) if verb is not None else Tense.NONFINITE
    if when in (Tense.MODAL, Tense.PRESENT) and verb is not None and (saying := statement_verb(verb)) is not None:
        # "had repeatedly said his government would not cooperate", "has said he is open to talks":
        # a promise, refusal, threat or stance is as old as its saying
        verb, when = saying, tense(saying)
        if when is Tense.PRESENT_PERFECT:
            return None, DateBasis.UNKNOWN, None  # "has said": at some time before, which it does not say
    if when is Tense.PAST_PERFECT and not _reported(verb):
        return None, DateBasis.UNKNOWN, None  # "had seized": background the text does not date
    if verb is not None and link(verb) == CLAUSE_ON_NOUN and _participle(verb):
        return None, DateBasis.UNKNOWN, None  # "a genocide case brought by Gambia": an act before the story
    if when is Tense.PRESENT_PERFECT and verb is not None and (resultative or _habitual(verb, words)):
        return None, DateBasis.UNKNOWN, None  # "has repeatedly accused", "has long denied", "have been killed"
    if when is Tense.PRESENT_PERFECT and _set_before_the_story(narrative, published):
        return None, DateBasis.UNKNOWN, None  # "He fell ill in August. He has accused the Kremlin": background
    if when in (Tense.PAST, Tense.NONFINITE) and (told := _told_before(chain, presupposed, words)) is not None:
        return told.date, DateBasis.TEXT, DatePrecision(told.precision)  # "the students who disappeared in September ... The students disappeared after police opened fire"
    if when is Tense.PAST and verb is not None and (verb.lower_ in presupposed or verb.lemma_.lower() in presupposed) and verb.lemma_.lower() not in words.saying_verbs:
        return None, DateBasis.UNKNOWN, None  # "a captured pilot ... The pilot was captured after ejecting": done before the story
    if when in (Tense.PAST, Tense.PAST_PERFECT) and narrative is not None and narrative.date is not None:
        return narrative.date, DateBasis.TEXT, DatePrecision(narrative.precision)
    if published is not None:
        return published, DateBasis.ARTICLE, DatePrecision.DAY
    return None, DateBasis.UNKNOWN, None


def _told_before(chain: list[Token], presupposed: Mapping[str, DateMention | None], words: Lexicon) -> DateMention | None:
    """The date the story gave an act told again in the past, the act itself or one whose time
    the trigger shares ("disappeared after police *opened fire*"): told as done on that date."""
    for token in chain:
        if not is_predicate_word(token) or not _told_in_the_past(token) or token.lemma_.lower() in words.saying_verbs:
            continue
        told = presupposed.get(token.lemma_.lower())
        if told is not None:
            return told
    return None


def _told_in_the_past(verb: Token) -> bool:
    """A verb in the past, or a participle with a subject and no auxiliary, which the tagger
    gives for a past now and then ("The students *disappeared* after ...")."""
    when = tense(verb)
    return when is Tense.PAST or when is Tense.NONFINITE and verb_form(verb) is _PARTICIPLE and has_subject(verb)


def _days_between(chain: list[Token], mention: DateMention, words: Lexicon) -> int:
    """How many days an act told in a measured "after" or "before" clause lies from the date
    above it: "was flown to The Hague on Wednesday, *a day after* he was arrested" (-1), "two
    days before the vote" (+2); 0 when the act is not in such a clause or the date is its own."""
    clause = next((t for t in chain if link(t) == ADVERBIAL_CLAUSE), None)
    if clause is None:
        return 0
    first, last = subtree_ends(clause)
    if first.idx <= mention.start <= last.idx:
        return 0  # "after he was arrested on Tuesday": the date is the clause's own
    marker = next((c for c in children(clause) if link(c) == _SUBORDINATOR and c.lower_ in _SIDES), None)
    measure = next((c for c in children(clause) if link(c) == ADVERB_MODIFIER and c.lemma_.lower() in _DAYS_IN), None)
    if marker is None or measure is None or measure.i > marker.i:
        return 0
    count = next((n for n in (_count(c, words) for c in children(measure)) if n), 1)
    return _SIDES[marker.lower_] * _DAYS_IN[measure.lemma_.lower()] * count


def _count(word: Token, words: Lexicon) -> int:
    """The number a word says: "two", "3"; 0 when none."""
    if word.text.isdigit():
        return int(word.text)
    return words.number_words.get(word.lower_, 0)


def statement_verb(trigger: Token) -> Token | None:
    """The verb of saying whose reported clause holds ``trigger`` ("said they *would organise*")."""
    clause = trigger
    for _ in range(_MAX_CHAIN):
        if link(clause) != _CONJUNCT or clause.head.i == clause.i:
            break
        clause = clause.head
    return clause.head if link(clause) == THAT_CLAUSE else None


def main_clause_date(sentence: Span, dates: Sequence[DateMention], words: Lexicon) -> DateMention | None:
    """The date phrase on the sentence's main clause, if any: the time its story is set at."""
    return date_phrase_of(sentence.root, sentence, dates, words)


def date_phrase_of(trigger: Token, sentence: Span, dates: Sequence[DateMention], words: Lexicon) -> DateMention | None:
    """The date phrase on ``trigger``'s clause or a clause that governs it, if any."""
    return _governing(_chain(trigger), trigger, sentence, dates, words)


class StoryTime:
    """The date each paragraph's story is set at, sentence by sentence: the latest date of a
    main clause of the paragraph that is not a plan or in the future. A new paragraph starts
    without one. Also the acts the story has taken as done so far: a past participle before a
    noun ("a captured pilot", "the kidnapped girls") and an act noun with "the" or an owner
    ("the abduction of the girls", "his arrest") tell their act as already over, and a relative
    clause in the past with a date of its own tells it as over on that date ("the 43 students
    who disappeared in September")."""

    def __init__(self, text: str, published: date | None, words: Lexicon) -> None:
        self._words = words
        self._text = text
        self._published = published
        self._end: int | None = None
        self._date: DateMention | None = None
        self._done: dict[str, DateMention | None] = {}
        self._act_nouns = string_ids(words.act_nominalisations)
        self.presupposed: Mapping[str, DateMention | None] = _NOTHING_DONE  # forms and lemmas of acts done before the current sentence, with their date

    def sentence(self, sentence: Span, dates: Sequence[DateMention], following: tuple[Span, Sequence[DateMention]] | None = None) -> DateMention | None:
        """The story's date for ``sentence``, its own main clause's date counted; ``following``:
        the next sentence with its dates, whose opening date may count from this one's."""
        self.presupposed = dict(self._done)
        for act in self._acts_told_as_done(sentence):
            self._done.setdefault(act, None)
        self._done.update(self._acts_dated_by_relatives(sentence, dates))
        start = sentence.start_char
        if self._end is not None and "\n" in self._text[self._end : start]:
            self._date = None
        self._end = start + len(self._text[start : sentence.end_char].rstrip())  # before the blank lines a sentence may hold
        found = main_clause_date(sentence, dates, self._words)
        if found is None and following is not None:
            return self._day_told_by_next(dates, *following) or self._date
        if found is None or found.date is None or tense(sentence.root) is Tense.MODAL:
            return self._date  # a plan or a possibility is not when the story is set
        if self._published is None or found.date <= self._published:
            self._date = found
        return self._date

    def _acts_told_as_done(self, sentence: Span) -> list[str]:
        acts = []
        # the words with the link or the form of such an act, found in the doc's columns: most have neither
        for token in words_labelled_or_written(sentence, label_ids(_DONE_ACT), self._act_nouns):
            if link(token) == _DONE_ACT and _participle_form(token):
                acts += (token.lower_, token.lemma_.lower())
            elif token.lower_ in self._words.act_nominalisations and _definite(token):
                acts.append(self._words.act_nominalisations[token.lower_])
        return acts

    def _acts_dated_by_relatives(self, sentence: Span, dates: Sequence[DateMention]) -> dict[str, DateMention]:
        """The lemmas of acts told in relative clauses in the past with a date of their own, not
        after the article's: "the students who disappeared in September" -> disappear: September."""
        acts = {}
        for token in words_labelled_or_written(sentence, label_ids(_RELATIVE_CLAUSE)):
            if tense(token) is not Tense.PAST or token.lemma_.lower() in self._words.saying_verbs:
                continue
            told = _governing([token], token, sentence, dates, self._words)
            if told is not None and told.date is not None and (self._published is None or told.date <= self._published):
                acts[token.lemma_.lower()] = told
        return acts

    def _day_told_by_next(self, dates: Sequence[DateMention], following: Span, its_dates: Sequence[DateMention]) -> DateMention | None:
        """ "Opposition leaders argued that his term ended on Feb. 7 and demanded that he step
        down. On the same day he said ...": a next sentence of the paragraph whose main clause
        opens with a date counted from this sentence's last date ("the same day", "two days
        later") tells that this sentence's story is set at that date."""
        told = [m for m in dates if m.date is not None]
        if not told or "\n" in self._text[self._end : following.start_char]:
            return None
        opening = next((m for m in its_dates if m.date is not None), None)
        if opening is None or not opening.anaphoric or main_clause_date(following, its_dates, self._words) != opening:
            return None
        day = told[-1]
        return day if self._published is None or day.date is None or day.date <= self._published else None


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words above it whose time is its time."""
    chain = [trigger]
    current = trigger
    for _ in range(_MAX_CHAIN):
        how = link(current)
        if current.head.i == current.i:
            break
        if how not in _DATE_CARRYING_LINKS and not (how == _NOUN_SUBJECT and not is_predicate_word(current)):
            if how != CLAUSE_ON_NOUN or _participle(current):
                break  # "a report that Baghdad had not cooperated" carries; "a case brought by" does not
        if how == _CONJUNCT and has_subject(current):
            break  # "troops shelled the town on Friday and rebels fired back": a clause of its own
        current = current.head
        chain.append(current)
    return chain


def _governing(chain: list[Token], trigger: Token, sentence: Span, dates: Sequence[DateMention], words: Lexicon) -> DateMention | None:
    """The date phrase nearest up the chain: the trigger's own before its governor's."""
    steps = {token.i: n for n, token in enumerate(chain)}
    best: tuple[int, DateMention] | None = None
    sentence_words = span_tokens(sentence)
    for mention in dates:
        if mention.date is None:
            continue
        tokens = [t for t in sentence_words if mention.start <= t.idx < mention.end]
        if not tokens:
            continue
        opening = _stranded_preposition(tokens[0], sentence)
        step = steps.get(opening.head.i) if opening is not None else _step(first_hanging_word(tokens[0].doc, tokens[0].i, tokens[-1].i + 1), trigger, steps, words)
        if step is not None and (best is None or step < best[0]):
            best = (step, mention)
    return best[1] if best is not None else None


def _stranded_preposition(first: Token, sentence: Span) -> Token | None:
    """The preposition just before a date phrase that the parser left without its object, the
    date read as part of the next noun: in "On Sept. 25 militiamen shot down a helicopter" the
    parser reads "Sept. 25 militiamen"; the date is still what "on" governs."""
    if first.i == sentence.start:
        return None
    before = first.doc[first.i - 1]
    if word_class(before) is not WordClass.ADPOSITION or children(before):
        return None
    return before


def _step(root: Token, trigger: Token, steps: dict[int, int], words: Lexicon) -> int | None:
    """How far up the chain the word a date phrase modifies is, or None when it is off the chain."""
    if word_class(trigger) is WordClass.NOUN and any(a.i == trigger.i for a in root.ancestors):
        return 0  # "the visit next week": the date is the noun's own
    word = _governor(root) or root  # "on Tuesday" modifies the word "on" hangs from
    if word.i in steps:
        return steps[word.i]
    if root.i < word.i and not is_predicate_word(word) and not _time_phrase(word, words):
        return None  # "the 2015 accord": a date before a noun is the noun's own, unless the
        # noun tells when ("killed during Wednesday's protests")
    holder = _described_by_gerund(word) or _act_told_by_relative(word, words)
    if holder is not None and holder.i in steps:
        return steps[holder.i]  # "struck a bus carrying civilians ... on Saturday": the bus carried them then
    verb = _clause_verb(word)
    if verb is not None and verb.i in steps:
        return steps[verb.i]
    if verb is not None and link(verb) == _CONJUNCT and verb.head.i in steps and not has_subject(verb):
        return steps[verb.head.i]  # "closed the airspace and cut the power on Saturday"
    return _period_phrase(word, steps, words)


def _described_by_gerund(word: Token) -> Token | None:
    """The word governing the noun an -ing participle describes ("struck *a bus carrying*
    civilians", "fired on *a convoy heading* north"): what the participle tells holds at that
    word's time, so a date on it is that word's."""
    if link(word) != CLAUSE_ON_NOUN or verb_form(word) is not VerbForm.GERUND or has_subject(word):
        return None
    return _governor(word.head)


def _act_told_by_relative(word: Token, words: Lexicon) -> Token | None:
    """The word governing a noun of an act that a relative clause tells more of ("was hit by *a
    strike that killed* 35 people on Palm Sunday"): the clause tells that act, so its date is
    the act's, and the act's is its governor's."""
    if link(word)[0] is not Role.RELATIVE or word.head.lemma_.lower() not in words.act_class_nouns:
        return None
    return _governor(word.head)


def _governor(noun: Token) -> Token | None:
    """The word ``noun`` is an argument of, through a preposition ("fired *on* a convoy")."""
    governor = noun.head
    if word_class(governor) is WordClass.ADPOSITION and governor.head.i != governor.i:
        governor = governor.head
    return governor if governor.i != noun.i else None


def _period_phrase(word: Token, steps: dict[int, int], words: Lexicon) -> int | None:
    """How far up the chain the act is whose period phrase holds ``word`` ("broke with him
    *after* investigations targeting ministers in December 2013"), or None: not through a clause
    with a subject of its own or a relative clause, which tell their own time."""
    token = word
    for _ in range(_MAX_CHAIN):
        if token.head.i == token.i or (is_predicate_word(token) and (has_subject(token) or link(token)[0] is Role.RELATIVE)):
            return None
        head = token.head
        if head.lower_ in words.period_prepositions and link(token) == PLAIN_OBLIQUE:
            return steps.get(head.head.i)
        token = head
    return None


def _time_phrase(noun: Token, words: Lexicon) -> bool:
    """The noun is the object of a preposition of time: "during *Wednesday's protests*"."""
    return link(noun) == PLAIN_OBLIQUE and noun.head.lower_ in words.time_prepositions


def _clause_verb(word: Token) -> Token | None:
    """The verb whose clause ``word`` is in, past participle clauses that tell its circumstances
    ("speaking at the White House on Wednesday, Trump said")."""
    verb = word
    for _ in range(_MAX_CHAIN):
        while not is_predicate_word(verb):
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        if link(verb) not in _CIRCUMSTANCE_LINKS or verb_form(verb) not in _CIRCUMSTANCE_FORMS or has_subject(verb):
            return verb
        if link(verb)[1] is Form.NOUN_CLAUSE and not is_subject(verb.head):
            return verb  # "bases hosting troops": what the noun is, not when its verb acted
        if verb.head.i == verb.i:
            return verb
        verb = verb.head
    return verb


def _participle_form(word: Token) -> bool:
    """A past participle, or an adjective made of one ("a kidnapped aid worker")."""
    return verb_form(word) is _PARTICIPLE or word_class(word) is _ADJECTIVE and word.lower_.endswith("ed")


def _definite(noun: Token) -> bool:
    """ "the abduction", "his arrest": a noun told as known, not as news ("an attack")."""
    return any(link(c) == _POSSESSOR or (link(c) == _DETERMINER and c.lower_ == "the") for c in children(noun))


def _participle(verb: Token) -> bool:
    """A past participle without auxiliaries or a subject: "a case *brought* by Gambia"."""
    return verb_form(verb) is VerbForm.PARTICIPLE and not _own_verb_group(verb)


def _own_verb_group(verb: Token) -> bool:
    """A conjunct with a subject or auxiliaries of its own: a clause, not a shared verb group."""
    return any(is_subject(c) or is_auxiliary(c) for c in children(verb))


def _reported(verb: Token | None) -> bool:
    """A clause under a verb of saying or thinking: its past perfect is the speaker's past
    ("officials said the fighters had clashed"), not background."""
    current = verb
    for _ in range(_MAX_CHAIN):
        if current is None or current.head.i == current.i:
            return False
        if link(current) == THAT_CLAUSE:
            return True
        if link(current) not in _DATE_CARRYING_LINKS:
            return False
        current = current.head
    return False


def _set_before_the_story(narrative: DateMention | None, published: date | None) -> bool:
    """A paragraph set more than a month before the article: it recalls an earlier episode, and a
    present perfect among its acts tells what has been done since, not the day's news."""
    if narrative is None or narrative.date is None or published is None:
        return False
    then = narrative.date
    if narrative.precision in ("day", "week"):
        return (published - then).days > _DAYS_OF_CURRENT_NEWS
    if narrative.precision == "month":
        return (then.year, then.month) < (published.year, published.month)
    if narrative.precision == "year":
        return then.year < published.year
    return then.year // 10 < published.year // 10


def _habitual(verb: Token, words: Lexicon) -> bool:
    """ "has repeatedly accused", "has long denied": a perfect of many times or a long time."""
    return any(link(c) == ADVERB_MODIFIER and c.lower_ in words.habitual_adverbs for c in children(verb))
