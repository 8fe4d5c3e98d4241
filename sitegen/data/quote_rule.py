"""Does a quote prove anything read alone? A bare heading, a list of names or a table row does not.

The quote shows under a claim on a page; a reader who sees only "Scans & assessments" or
"Hanzehogeschool Groningen 1 3 14 18" learns nothing about what the entry says. This rule needs
no seed text, so it holds on a clone without ../shared too. It is a heuristic on the words alone:
enough words, not ending in footnote numbers, at least three words in lower case (not only
names), and, in a short phrase, at least one word that can be a Dutch verb (a known verb form,
or a lower-case word with a verb ending: -t, -d, -en, -de, -te). That last test is lenient on
purpose (plural nouns end in -en too): it refuses noun-only headings, not every sentence an
editor might write.
"""
from __future__ import annotations

import re

MIN_WORDS = 4
MIN_LOWER_WORDS = 3
LONG_PHRASE = 8  # lower-case words

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Two or more loose numbers at the end ("… Groningen 1 3 14 18"), or a word with a footnote
# number stuck to it ("… ondernemers12"): debris from a table or footnote in the PDF.
_FOOTNOTE_END = re.compile(r"(?:\s\d{1,3}){2,}\W*$|[a-zà-ÿ]{3,}\d{1,2}\W*$")
# Function words are not evidence of a verb, even where they end like one.
_NOT_VERBS = frozenset("""
    de het een en of maar met voor van in op aan bij uit tot om na naar over door dan als dat die
    dit deze niet ook nog wel zoals onder tussen zonder tegen achter binnen buiten sinds tijdens
    vanuit per via the and of to for
""".split())
# Finite verb forms that do not end like a regular verb.
_VERBS = frozenset("""
    is zijn was waren wordt worden werd werden kan kon kunnen zal zou zullen mag mogen moet moeten
    wil wilde willen heeft hebben had hadden gaat ga gaan ging komt komen kwam staat stond doet doen
    deed krijgt kreeg ziet zag biedt bood helpt hielp gegaan ontstaan vragen vraagt
""".split())
_NOUN_ENDINGS = ("ment", "ect", "uct")
_VERB_ENDING = re.compile(r"(?:t|d|en|de|te|den|ten)$")

ADVICE = "kies de woorden op deze regels die de bewering dragen (een hele zin, of het deel ervan met het werkwoord)"


def quote_problem(quote: str) -> str | None:
    """A Dutch sentence saying why this quote proves nothing by itself, or None when it may."""
    words = _WORD.findall(quote)
    if _FOOTNOTE_END.search(quote):
        return f"dit citaat eindigt op voetnoot- of tabelnummers; {ADVICE}"
    if len(words) < MIN_WORDS:
        return f"dit citaat is te kort om iets te bewijzen (een kop of een naam); {ADVICE}"
    lower = [w.strip(".'’-") for w in words if w[0].islower()]
    if any(_finite_verb(w) for w in lower):
        return None  # a sentence, even one full of names ("NOO verenigt de Noordelijke Online Ondernemers")
    if _definition(quote):
        return None  # "VDG - Vereniging van Drentse gemeenten": a name with what it is
    if len(lower) < MIN_LOWER_WORDS:
        return f"dit citaat is vooral een rij namen of een kop, zonder zin; {ADVICE}"
    # A sentence may open with its verb ("Afstemmen van rollen … tussen IBDO, EDIH …"). A long
    # phrase in plain words ("Bijv. door aansluiting digitale volwassenheidsladder op …") says
    # enough without one: the verb test is for short headings.
    if len(lower) < LONG_PHRASE and not any(_verb_ending(w) for w in lower + [words[0].lower()]):
        return f"in dit citaat staat geen werkwoord: het is een kop of een opsomming; {ADVICE}"
    return None


def _definition(quote: str) -> bool:
    """'Name - what it is', as the seeds' lists of partners say it: at least three words after the dash."""
    _, dash, rest = quote.partition(" - ")
    described = _WORD.findall(rest)
    return bool(dash) and len(described) >= 3 and any(w[0].islower() for w in described)


def _finite_verb(word: str) -> bool:
    """A known verb form, or a third-person form in -t ("biedt", "ondersteunt"); not a noun in
    -ment, -ect, -uct ("development", "project", "product")."""
    return word in _VERBS or (word not in _NOT_VERBS and len(word) > 3 and word.endswith("t")
                              and not word.endswith(_NOUN_ENDINGS))


def _verb_ending(word: str) -> bool:
    """Could be a verb form at all (plurals in -en pass too: this test is lenient)."""
    return word not in _NOT_VERBS and len(word) > 2 and bool(_VERB_ENDING.search(word))
