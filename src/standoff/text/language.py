"""Tell English news from text in other languages, without a model or a download.

Two cheap signals: which script the letters are written in, and for Latin-script text how
many of the words are common function words of English or of another language. News prose
is full of function words ("the", "of", "and"), so English scores high whatever names it
mentions, and a French, Spanish or German article scores high on its own list instead.
The guess only says "not English" when the evidence is strong, so English is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

UNDETERMINED = "und"

# Letters this many and fewer are too little to judge: a headline or a one-line article is kept.
_MIN_LETTERS = 20
_MIN_WORDS = 20
# Enough words to call Latin-script text foreign when no English function words show up at all.
_MIN_WORDS_UNKNOWN = 50
# Only the start of a long article is looked at: it decides as well as the whole and keeps the check fast.
_SAMPLE = 20_000

# (first code point, script); a range lasts until the next start. Letters outside these are "Other".
_SCRIPT_RANGES = (
    (0x0041, "Latin"), (0x0250, "Other"), (0x0370, "Greek"), (0x0400, "Cyrillic"), (0x0530, "Armenian"),
    (0x0590, "Hebrew"), (0x0600, "Arabic"), (0x0700, "Other"), (0x0750, "Arabic"), (0x0780, "Other"),
    (0x08A0, "Arabic"), (0x0900, "Devanagari"), (0x0980, "Indic"), (0x0E00, "Thai"), (0x0E80, "Other"),
    (0x10A0, "Georgian"), (0x1100, "Hangul"), (0x1200, "Other"), (0x1E00, "Latin"), (0x1F00, "Greek"),
    (0x2000, "Other"), (0x3040, "Kana"), (0x3100, "Other"), (0x3130, "Hangul"), (0x3190, "Other"),
    (0x3400, "Han"), (0x4DC0, "Other"), (0x4E00, "Han"), (0xA000, "Other"), (0xAC00, "Hangul"),
    (0xD7B0, "Other"), (0xF900, "Han"), (0xFB00, "Other"), (0xFB1D, "Hebrew"), (0xFB50, "Arabic"),
    (0xFE00, "Other"), (0xFE70, "Arabic"), (0xFF00, "Other"), (0x20000, "Han"), (0x30000, "Other"),
)  # fmt: skip
_STARTS = tuple(start for start, _ in _SCRIPT_RANGES)

# The language a script most likely stands for in a news feed; the message names the script too.
_SCRIPT_LANGUAGE = {
    "Greek": "el", "Cyrillic": "ru", "Armenian": "hy", "Hebrew": "he", "Arabic": "ar", "Devanagari": "hi",
    "Thai": "th", "Georgian": "ka", "Hangul": "ko", "Kana": "ja", "Han": "zh",
}  # fmt: skip

# Frequent function words. "a" is an article in too many languages to count for English; words
# shared with English ("in", "die", "on") are left out of the other lists.
_FUNCTION_WORDS = {
    "en": "the of and to in is that for on with as was at by it from be has have are were said will an "
    "this his her their not but its which who after been would had they he she we also more than about "
    "over against into there when what could should",
    "fr": "le la les des du et est une pour dans qui sur au aux pas par avec ce cette sont il elle ont été "
    "plus mais ou son sa ses leur nous vous selon entre lors",
    "es": "el los las del y en que por para con una es se su sus al como más pero fue ha han sobre lo "
    "también este esta según entre",
    "de": "der das und ist nicht mit den dem des ein eine einen zu von auf für im sich auch es bei nach "
    "wird wurde sind hat aus dass oder als sie",
    "it": "il lo gli di della dei che è una per con non sono nel nella alla anche come più ha da ma "
    "degli delle",
    "pt": "os as do da dos das em no na um uma para com não que por se mais foi é ao pelo pela seu sua",
    "nl": "het een en van is dat op te zijn met voor niet aan er ook als bij naar werd wordt maar om",
    "tr": "ve bir bu da için ile olarak olan daha çok gibi ama ancak kadar sonra ise değil var",
    "id": "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh sebagai telah",
    "pl": "i w na z się nie do że jest jak po przez od dla ale przy już jego oraz",
    "sv": "och att det som en på är för med till av den inte har var om ett",
}
_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "tr": "Turkish", "id": "Indonesian", "pl": "Polish", "sv": "Swedish", "el": "Greek",
    "ru": "Russian", "hy": "Armenian", "he": "Hebrew", "ar": "Arabic", "hi": "Hindi", "th": "Thai",
    "ka": "Georgian", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
}  # fmt: skip

# English news has a function-word rate near 0.4; this much settles it whatever else matches.
_ENGLISH_RATE = 0.15
_FOREIGN_RATE = 0.15
_UNKNOWN_RATE = 0.04

_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, or "und" when there is too little text to tell or no list matches
    script: str  # the script most letters are written in: "Latin", "Cyrillic", "Han", ...
    english: bool  # False only when the text is clearly not English; short or unclear text counts as English
    evidence: str  # what the guess rests on, for messages


def guess_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` from its script and its function words."""
    sample = text[:_SAMPLE]
    scripts = _script_counts(sample)
    letters = sum(scripts.values())
    if letters <= _MIN_LETTERS:
        return LanguageGuess(UNDETERMINED, _main_script(scripts), True, f"only {letters} letters")
    script, count = scripts.most_common(1)[0]
    if script != "Latin" and count > letters / 2:
        language = _script_language(script, scripts)
        share = f"{count / letters:.0%} of the letters are {script}"
        return LanguageGuess(language, script, False, f"{_describe(language, script)}: {share}")
    return _latin_guess(sample)


def _latin_guess(sample: str) -> LanguageGuess:
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return LanguageGuess(UNDETERMINED, "Latin", True, f"only {len(words)} words")
    hits: Counter[str] = Counter()
    languages = _languages_of_words()
    for word, count in Counter(words).items():
        for code in languages.get(word, ()):
            hits[code] += count
    rates = {code: hits[code] / len(words) for code in _FUNCTION_WORDS}
    english = rates.pop("en")
    best = max(rates, key=rates.__getitem__)
    if english >= _ENGLISH_RATE:
        return LanguageGuess("en", "Latin", True, f"{english:.0%} English function words")
    if rates[best] >= _FOREIGN_RATE and rates[best] > 2 * english:
        evidence = f"{_NAMES[best]}: {rates[best]:.0%} {_NAMES[best]} function words, {english:.0%} English"
        return LanguageGuess(best, "Latin", False, evidence)
    if english < _UNKNOWN_RATE and len(words) >= _MIN_WORDS_UNKNOWN:
        evidence = f"a Latin-script language other than English: {english:.0%} English function words"
        return LanguageGuess(UNDETERMINED, "Latin", False, evidence)
    # Mixed or unclear evidence: keep the article rather than lose English news.
    return LanguageGuess(UNDETERMINED, "Latin", True, f"{english:.0%} English function words in {len(words)} words")


@cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it belongs to."""
    languages: dict[str, tuple[str, ...]] = {}
    for code, words in _FUNCTION_WORDS.items():
        for word in words.split():
            languages[word] = (*languages.get(word, ()), code)
    return languages


def _script_counts(sample: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    latin = len(_ASCII_LETTER.findall(sample))
    if latin:
        counts["Latin"] = latin
    # Only the other letters need a look-up; English news has few of them.
    for char in _NON_ASCII.findall(sample):
        if char.isalpha():
            counts[_SCRIPT_RANGES[bisect_right(_STARTS, ord(char)) - 1][1]] += 1
    return counts


def _main_script(scripts: Counter[str]) -> str:
    return scripts.most_common(1)[0][0] if scripts else "none"


def _script_language(script: str, scripts: Counter[str]) -> str:
    # Japanese mixes kana into Han; Chinese has none.
    if script == "Han" and scripts["Kana"] >= scripts["Han"] / 10:
        return "ja"
    return _SCRIPT_LANGUAGE.get(script, UNDETERMINED)


def _describe(language: str, script: str) -> str:
    if language == UNDETERMINED:
        return f"{script} script"
    return f"{_NAMES[language]} ({script} script)"
