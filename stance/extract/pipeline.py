"""The extraction pipeline: the stages, chained.

    text ─segment──▶ Segments: quotations, dash speech, sentences, tokens      (segment.py)
         ─cues─────▶ Cues: cue verbs/nouns/frames with subject and clause       (cues.py, frames.py, subject.py, clauses.py)
         ─candidates▶ direct | fragment | indirect | headline | letter spans    (candidates.py, reported.py, labels.py, letters.py)
         ─mentions─▶ names, roles, appositions, institutions                   (mentions.py, apposition_gaps.py)
         ─speakers─▶ coreference and carried subjects -> canonical speaker     (coref.py, resolve.py)
         ─assemble─▶ non-overlapping Quote records sorted by start (rules, or the ranker: ranker.py)
         ─voice────▶ a direct statement's own first-person forms pick the namesake of their gender (voice.py)
         ─echo─────▶ a headline or label statement the body repeats takes its speaker (echo.py)

Each stage returns a frozen record the next one reads; per-language behaviour comes from
``lexicons/`` and ``languages.py``.
"""

from __future__ import annotations

import re

from stance.extract import DEFAULT_SPEAKER_MODEL
from stance.extract.candidates import find_candidates, select
from stance.extract.coref import Coreference
from stance.extract.cues import find_cues
from stance.extract.behalf import behalf_speakers
from stance.extract.echo import echo_headline_speakers, headline_fragments
from stance.extract.interview import interviewer_names
from stance.extract.lexicon import load
from stance.extract.mentions import collect_mentions
from stance.extract.quote import Quote
from stance.extract.resolve import SpeakerResolver, assemble
from stance.extract.segment import segment
from stance.extract.voice import voice_speakers

_WORD_RE = re.compile(r"[^\W\d_]+")
_PL_LETTERS_RE = re.compile(r"[ąćęłńśźż]")
_SAMPLE = 20_000  # characters read to guess the language


# ",,Nie ustąpimy"": web text types the Polish low opening mark as two commas; read as " „"
# (same length, so every offset still points into the original text)
_DOUBLE_COMMA_RE = re.compile(r"(?<![^\s(])[,]{2}(?=\w)")


def extract(text: str, lang: str, speaker_model: str = DEFAULT_SPEAKER_MODEL) -> list[Quote]:
    """``speaker_model``: ``rules`` (resolve.py), or ``ranker`` / ``hybrid`` (ranker.py)."""
    chosen, resolver = stages(text, lang)
    if speaker_model == "rules":
        quotes = assemble(text, chosen, resolver)
    else:
        from stance.extract.ranker import assemble_ranked

        quotes = assemble_ranked(text, chosen, resolver, speaker_model)
    return whole_text_passes(text, quotes, resolver)


def whole_text_passes(text: str, quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    """The speakers after the passes over the whole text (voice, documents read for others, echo),
    whichever model chose them."""
    toks = resolver.coref.toks
    read_for = behalf_speakers(text, voice_speakers(quotes, resolver), toks.fw, toks.lex.rules.case_marked)
    return headline_fragments(text, echo_headline_speakers(text, read_for), resolver.coref.seg.quotes, toks.fw)


def stages(text: str, lang: str) -> tuple[list, SpeakerResolver]:
    """The selected candidate statements and the speaker resolver (what both the rules and the
    ranker read)."""
    seg = segment(normalise_marks(text), lang)
    cues = find_cues(seg)
    mentions = collect_mentions(seg, cues.events)
    found = find_candidates(cues)
    chosen = select(found.candidates)
    interviewers = interviewer_names(seg.text, seg.tokens.fw) if found.interview else frozenset()
    resolver = SpeakerResolver(mentions, Coreference(seg, mentions, found.events), found.events, interviewers)
    return chosen, resolver


def normalise_marks(text: str) -> str:
    """The text with two-character quotation marks replaced by one mark of the same width."""
    if ",," not in text:
        return text
    return _DOUBLE_COMMA_RE.sub(" „", text)


def detect_lang(text: str) -> str:
    """'pl' or 'en' from diacritics and function-word counts in the first 20,000 characters."""
    sample = text[:_SAMPLE].lower()
    words = _WORD_RE.findall(sample)
    if not words:
        return "pl" if re.search(r"[ąćęłńóśźż]", sample) else "en"
    pl_words, en_words = load("pl").stopwords, load("en").stopwords
    pl = sum(1 for w in words if w in pl_words) + 2 * len(_PL_LETTERS_RE.findall(sample))
    en = sum(1 for w in words if w in en_words)
    return "pl" if pl > en else "en"
