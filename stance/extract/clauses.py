"""Where a cue's reported clause is: after ``że``/``that``, after a frame, or before the cue.

``find_clause`` returns a ``Clause``: ``kind`` comp (``powiedział, że …``), frame (``Jak
podkreślił X, …``), zero (English ``said the talks were useful``, no complementiser) or
trailing (``…, jak podkreślił X.`` / ``Talks will resume, the minister said.``: the clause
runs from the sentence start to ``trailing_end``). Only tokens are read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from stance.extract.dashes import in_own_voice
from stance.extract.marks import GENITIVE_S, QUOTE_CHARS
from stance.extract.morph import finite_verb
from stance.extract.segment import Sentence
from stance.extract.phrases import NP
from stance.extract.words import Tokens

MAX_CLAUSE_GAP = 12  # tokens between a cue and its "że" / "that"
_AFTER_QUOTE_WORDS = 4  # plain words of a clause after its quotation before ", and that" or "and would"
_AFTER_QUOTE_KINDS = ("word", "prep", "det", "possessive")
# tokens a clause before its attribution needs ("The plan is dead, an official said." has four)
_MIN_TRAILING = 4
_TOLD_OBJECT_MAX = 5  # tokens of a hearer after "told" ("a news conference")
_PARTICIPLE_PHRASE_MAX = 5  # tokens of a participle phrase describing a speaker ("mediating the talks")
_DASHES = ("–", "—")
_TRIM_BEFORE = ",–—-"
_CLAUSE_END_PUNCT = frozenset(".!?;:–—()\"„“”«»")
_ZERO_CLAUSE_VERB_WITHIN = 16  # "said its offer of 4.5 per cent this year remained …": the verb within so many tokens
_PHRASE_KINDS = frozenset({"det", "word", "month", "name", "num", "acro", "media", "inst", "place"})


@dataclass(frozen=True)
class Clause:
    start: int = -1  # character offset where the reported clause starts; -1: none
    kind: str = ""  # comp | frame | zero | trailing
    trailing_end: int = -1  # end of a trailing clause


NO_CLAUSE = Clause()


def after_token(toks: Tokens, q: int) -> int:
    """The first non-space character after token ``q``."""
    text, p = toks.text, toks.ends[q]
    while p < len(text) and text[p].isspace():
        p += 1
    return p


@dataclass(frozen=True)
class SentenceMarks:
    """First tokens of a sentence that decide whether it can open with a reported clause:
    the first quotation or complementiser, and the first finite verb (t1 when none)."""

    first_blocking: int
    first_finite: int


def sentence_marks(toks: Tokens, sent: Sentence) -> SentenceMarks:
    kinds = toks.kinds
    blocking = next((t for t in range(sent.t0, sent.t1) if kinds[t] in ("quoted", "comp")), sent.t1)
    finite = next((t for t in range(sent.t0, sent.t1) if finite_at(toks, t)), sent.t1)
    return SentenceMarks(blocking, finite)


def find_clause(toks: Tokens, sent: Sentence, k: int, jak: int | None, flags: frozenset,
                np: NP | None, earlier_have_clause: bool, marks=None) -> Clause:
    """The clause reported by the cue verb at token ``k``. ``jak`` is the token of a "jak"/"as"
    frame before it; ``np`` the cue's subject phrase; ``earlier_have_clause`` whether an earlier
    cue of the sentence already has one; ``marks`` a callable giving the sentence's
    ``SentenceMarks`` (computed once per sentence, only when needed)."""
    if jak is not None:
        return _jak_clause(toks, sent, k, jak)
    if "noclause" in flags:
        return NO_CLAUSE  # "called the cuts “reckless”": quoted words only; "call that person" has no clause
    kind, words, lows = toks.kind, toks.words, toks.lows
    rules = toks.lex.rules
    if not rules.bare_clauses and not earlier_have_clause and k > sent.t0 and words[k - 1] == ",":
        own = _own_words_before(toks, sent, k, np)
        if own.start >= 0:
            return own
    directive = toks.fw.get("comp_directive", ())
    commas = 0
    q = k + 1
    while q < sent.t1 and q - k <= MAX_CLAUSE_GAP:
        c = kind(q)
        w = words[q]
        if c == "comp" or (lows[q] in directive and q > k + 1 and words[q - 1] == ","):
            # "powiedział, że …"; "zaapelował do delegacji, by …"
            if rules.bare_clauses and "clause" in flags and q > k + 2:
                bare = _zero_that(toks, sent, k, flags)
                if (0 <= bare.start and bare.kind == "zero" and _finite_between(toks, bare.start, q)
                        and kind(q - 1) in ("word", "name", "place", "inst") and not finite_at(toks, q - 1)):
                    return bare  # "said the government could accept … mines that process ore": a relative "that"
                if (0 <= bare.start and bare.kind == "zero" and lows[q - 1] in toks.fw.get("clause_coord", ())
                        and _finite_between(toks, bare.start, q - 1, past=True)):
                    return bare  # "said the walkout would go ahead and that …": the first of two clauses
                if 0 <= bare.start == toks.starts[k + 1] and q == k + 3 and kind(k + 1) == "pron" and finite_at(toks, q - 1):
                    return bare  # "said she accepted that his remorse was genuine": her own verb takes the "that"
                if 0 <= bare.start == toks.starts[k + 1] and q == k + 4 and kind(k + 1) == "pron" \
                        and lows[k + 2] in toks.fw.get("aux", ()) and kind(k + 3) == "word":
                    return bare  # "said she was encouraged that both parties …": her own adjective takes the "that"
            if rules.bare_clauses and q > k + 2 and (_relative_that(toks, q, after_object=True) or _determiner_that(toks, sent, q)):
                q += 1  # "accused each other of breaking a ceasefire that took effect": a relative "that"; "had met that deadline": a determiner
                continue  # (a later one may report: "replied in a letter to the journal that had published it that …")
            return Clause(after_token(toks, q), "comp")
        if c == "cue" and (pp_noun_cue(toks, q, k) or (_participle_cue(toks, q) and q + 1 < sent.t1 and pp_noun_cue(toks, q + 1, k))):
            q += 1
            continue  # "said in a statement that", "said in a written statement that"
        if c == "quoted" or c == "cue":
            if c == "cue" and rules.bare_clauses:
                break  # "said the pipeline could … if financing was agreed": maybe a bare clause
            if c == "quoted" and rules.bare_clauses and "clause" in flags and (
                    _comp_coordinated_after(toks, sent, q) or _predicate_coordinated_before(toks, k, q)
                    or _named_in_quotes(toks, q)):
                break  # "said it would ‘not comment’ but that its investigation remained active"; "said she remained a member but would ‘…’';
                # "said an application to the ‘High Street Recovery Fund’ had been turned down": a name in quotes
            if c == "quoted" and rules.bare_clauses and "clause" in flags and q > k + 3:
                bare = _zero_that(toks, sent, k, flags)
                if 0 <= bare.start and bare.kind == "zero" and _finite_between(toks, bare.start, q - 1):
                    return bare  # "said staff had been told in November to “start packing”": the clause holds the quotation
            return NO_CLAUSE
        if c == "punct" and _abbreviation_point(toks, q):
            q += 1
            continue  # "said in its 4 p.m. advisory that …": the clock's points end nothing
        if c == "punct":
            if w == ",":
                if rules.bare_clauses:
                    break
                aside = _quoted_by_aside_end(toks, sent, q)
                if aside is not None:
                    q = aside  # "oświadczył w niedzielę, cytowany przez dziennik „Al-Ahram”, że …"
                    continue
                commas += 1
                if commas > 1:
                    return NO_CLAUSE
            elif w in _CLAUSE_END_PUNCT:
                if rules.bare_clauses:
                    break
                return NO_CLAUSE
        q += 1
    if rules.bare_clauses and "clause" in flags:
        found = _zero_that(toks, sent, k, flags)
        if found.start < 0 and not earlier_have_clause:
            found = _clause_before(toks, sent, k, np, marks() if marks else sentence_marks(toks, sent))
        return found
    if "verdict" in flags and not earlier_have_clause and (np is None or np.end == verb_group_start(toks, sent, k)) \
            and _attribution_ends_sentence(toks, sent, k + 1):
        return _clause_before(toks, sent, k, np, marks() if marks else sentence_marks(toks, sent))
    return NO_CLAUSE


def verb_group_start(toks: Tokens, sent: Sentence, k: int) -> int:
    """The first of the auxiliaries right before the cue at ``k`` ("has confirmed"), or ``k``."""
    aux = toks.fw.get("aux", ())
    while k - 1 > sent.t0 and toks.lows[k - 1] in aux:
        k -= 1
    return k


def _comp_coordinated_after(toks: Tokens, sent: Sentence, q: int) -> bool:
    """Does a conjunction and a complementiser ("but that") follow the quotation at ``q``, or a
    contrast and a predicate of its own ("but had taken", ``contrast_after_quote``)?"""
    coords = toks.fw.get("clause_coord", ())
    r = q
    while r < sent.t1 and (toks.kind(r) == "quoted" or toks.words[r] in "‘’'\"“”,"):
        r += 1
    tail = r
    r = past_quote_words(toks, r, sent.t1)
    if r + 1 < sent.t1 and predicate_after_quote(toks, r):
        return True
    if r > tail and r < sent.t1 and toks.words[r] == ",":
        r += 1
    return r + 1 < sent.t1 and toks.lows[r] in coords and toks.kind(r + 1) == "comp"


def past_quote_words(toks: Tokens, t: int, limit: int) -> int:
    """The token after the few plain words that finish a clause's phrase past its quotation, from
    token ``t`` and before ``limit`` ("had been ‘robbed’ | of her place, and that …", "a “fair”
    | offer and would …"; a conjunction stops them)."""
    stop = min(limit, t + _AFTER_QUOTE_WORDS)
    while t < stop and toks.kind(t) in _AFTER_QUOTE_KINDS:
        t += 1
    return t


def predicate_coords(toks: Tokens) -> frozenset:
    """The conjunctions that join a reported clause's second predicate: ``predicate_coord`` and
    the contrasts (``contrast_after_quote``: "she remained a member but would ‘…’")."""
    return toks.fw.get("predicate_coord", frozenset()) | toks.fw.get("contrast_after_quote", frozenset())


def predicate_after_quote(toks: Tokens, t: int) -> bool:
    """At token ``t``, right after a quotation, a conjunction and a predicate with no subject of
    its own: a contrast (``contrast_after_quote``) and a finite verb ("'ten minutes' but had
    taken"), or ``predicate_coord`` and a back-shifted auxiliary (``backshift_aux``: "a "fair"
    offer and would not return"; not "'not acceptable' and apologised", the speaker's next act)."""
    fw = toks.fw
    low, verb = toks.lows[t], toks.lows[t + 1]
    return (low in fw.get("contrast_after_quote", ()) and (finite_at(toks, t + 1) or (
                toks.kind(t + 1) == "pron" and t + 2 < len(toks.words) and toks.lows[t + 2] in fw.get("backshift_aux", ())))) \
        or (low in fw.get("predicate_coord", ()) and (verb in fw.get("backshift_aux", ()) or (
            verb in fw.get("backshift_progressive", ()) and t + 2 < len(toks.words) and toks.lows[t + 2].endswith("ing"))))


def _predicate_coordinated_before(toks: Tokens, k: int, q: int) -> bool:
    """Between the cue at ``k`` and the quotation at ``q``, a conjunction with no comma before it
    and a verb right after it ("she remained a member but would ‘…’"): the quotation sits in a
    second predicate of a reported clause."""
    coords = predicate_coords(toks)
    return any(toks.lows[t] in coords and toks.words[t - 1] != "," and finite_at(toks, t + 1) for t in range(k + 3, q - 1))


def _own_words_before(toks: Tokens, sent: Sentence, k: int, np: NP | None) -> Clause:
    """``Ja już w to nie wierzę, mówi Zenon Lis, rolnik.``: where reported clauses need a
    complementiser, a sentence in the speaker's own voice (first or second person) before a
    comma, the cue and then its subject, and nothing after them but descriptions of the speaker,
    is that speaker's speech (the candidate stage decides how far back in the paragraph it runs).
    The caller has seen the comma before the cue."""
    words, kind = toks.words, toks.kind
    if np is None or np.start != k + 1 or np.kind not in ("name", "title") or k - 1 <= sent.t0:
        return NO_CLAUSE
    for q in range(np.end, sent.t1):
        if kind(q) in ("cue", "comp", "quoted", "rel") or words[q] in ":;":
            return NO_CLAUSE
    if not in_own_voice(toks.text[sent.start:toks.starts[k - 1]], toks.lex):
        return NO_CLAUSE
    return trailing_clause(toks, sent, k - 1)


def _jak_clause(toks: Tokens, sent: Sentence, k: int, jak: int) -> Clause:
    kind, words = toks.kind, toks.words
    q = k + 1
    while q < sent.t1 and kind(q) != "punct":
        q += 1
    if jak - 1 >= sent.t0 and words[jak - 1] in _DASHES:
        # parenthetical "…, ale – jak zaznaczył – CLAUSE", "Klinika – jak zapowiada X – chce …",
        # "– jak twierdzi X, przewodnicząca …, – CLAUSE": the clause after the second dash
        dash = next((t for t in range(q, min(sent.t1, k + _PARENTHETICAL_MAX)) if words[t] in _DASHES), None)
        if dash is not None and dash + 1 < sent.t1:
            return Clause(toks.starts[dash + 1], "frame")
    if len(words_before(toks, sent.t0, jak, 3)) <= 2:
        # "Jak podkreślił X, <appositions>, CLAUSE"
        p = _skip_appositions(toks, sent, k)
        return Clause(toks.starts[p], "frame") if p is not None else NO_CLAUSE
    # trailing "…, jak podkreślił X."
    if q >= sent.t1 or words[q] in ".!?":
        return trailing_clause(toks, sent, jak - 1)
    return NO_CLAUSE


_DATELINE_MAX = 80  # characters of a dateline ("SAN FRANCISCO, Calif., May 2 (Reuters) - ")
_PARENTHETICAL_MAX = 25  # tokens from a dashed "jak" frame's verb to its closing dash
_QUESTION_MAX = 60  # tokens of a question a sentence opens with (a bound keeps a sentence that never ends linear)


def question_end(toks: Tokens, sent: Sentence, limit: int) -> int | None:
    """"Asked whether Northline would drop it, she replied", "Pressed on whether …, the minister
    said", "Pytany, czy rząd …, odpowiedział": the comma (before token ``limit``) that closes the
    question a sentence opens with; a comma right after the opener does not. None when the
    sentence opens with no question."""
    words = toks.words
    if sent.t0 >= limit or toks.lows[sent.t0] not in toks.fw.get("question_opener", ()):
        return None
    comma = next((t for t in range(sent.t0 + 2, min(limit, sent.t0 + _QUESTION_MAX)) if words[t] == ","), None)
    asking = toks.fw.get("question_comp", frozenset()) | toks.fw.get("wh_word", frozenset())
    if comma is not None and not any(toks.lows[t] in asking for t in range(sent.t0 + 1, comma)) \
            and any(toks.kind(t) == "cue" and getattr(toks.lex.cues.get(toks.lows[t]), "cls", "") != "noun" for t in range(sent.t0 + 1, comma)):
        return None  # "Pytany o to przez dziennikarzy Ostrowski odpowiedział jedynie, że": no question, its answer
        # (a cue noun is the question's topic: "Pytany o zarzuty wojewody, odparł")
    return comma


def words_before(toks: Tokens, t0: int, t1: int, limit: int) -> list[int]:
    """The first ``limit`` non-punctuation tokens of ``[t0, t1)`` (a bounded look: callers only
    ask whether a frame is near the sentence start)."""
    out = []
    for t in range(t0, t1):
        if toks.kind(t) != "punct":
            out.append(t)
            if len(out) >= limit:
                break
    return out


def trailing_clause(toks: Tokens, sent: Sentence, end_tok: int) -> Clause:
    """A clause from the sentence start to token ``end_tok`` (dashes and commas before the
    attribution left out), or none when nothing is left."""
    words = toks.words
    while end_tok >= sent.t0 and words[end_tok] in _TRIM_BEFORE:
        end_tok -= 1
    if end_tok < sent.t0:
        return NO_CLAUSE
    return Clause(after_dateline(toks.text, sent.start), "trailing", toks.ends[end_tok])


# a wire dateline opening a paragraph: a place in capitals, maybe a date, maybe the agency, a dash
# ("ATHENS, 3 March (EPN) – ", "SAN FRANCISCO, Calif., May 2 (Reuters) - ", "WASHINGTON — "),
# or a place and the agency ("Stambuł (PAP) - ")
_DATELINE_RE = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ .'’-]*[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ](?:,[^–—\n()]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"|[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+(?: [A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+){0,2}\s*\((?:PAP|AP|AFP|Reuters|[A-Z]{2,6})\)\s*)"
    r"[–—-]\s+")


def after_dateline(text: str, start: int) -> int:
    """``start``, or past the wire dateline a paragraph opens with there."""
    if start > 0 and text[start - 1] != "\n":
        return start
    m = _DATELINE_RE.match(text, start, start + _DATELINE_MAX)
    return m.end() if m is not None else start


def _clause_before(toks: Tokens, sent: Sentence, k: int, np: NP | None, marks: SentenceMarks) -> Clause:
    """``Turkey is ready to host talks, Energy Minister X said on Tuesday.``: a reported clause
    before the comma, then the speaker and the verb, then only adverbials."""
    kind, words = toks.kind, toks.words
    verb = verb_group_start(toks, sent, k)  # "…, the company has said", "…, police have said"
    if np is not None and np.end < verb and _participle_phrase(toks, np.end, verb):
        verb = np.end  # "…, the United Nations envoy mediating the talks said": the phrase describes the speaker
    elif np is not None and verb - np.end == 3 and toks.words[np.end] == "(" and toks.words[verb - 1] == ")":
        verb = np.end  # "…, the Docks and Harbour Workers' Union (DHWU) said": the body's short name
    if np is not None and np.end == verb:
        comma = np.start - 1  # "…, the Polish government said", "…, he said"
        after = k + 1
    elif np is None or np.start > k:
        comma = verb - 1  # "…, said Karabağlı"; "…, the zoo has announced": before the auxiliary
        after = np.end if np is not None else k + 1
    else:
        return NO_CLAUSE
    if after < sent.t1 and (toks.lows[after] in toks.fw.get("tell_objects", ()) or kind(after) == "media"):
        after += toks.media_len(after) if kind(after) == "media" else 1  # "…, Reed told reporters."
    elif "tell" in toks.lex.cues[toks.lows[k]].flags and after < sent.t1 and kind(after) == "det":
        obj = after + 1  # "…, the envoy told a news conference after the talks."
        while obj < sent.t1 and obj - after <= _TOLD_OBJECT_MAX and kind(obj) in ("word", "tword", "title", "media"):
            obj += 1
        if obj > after + 1 and (obj >= sent.t1 or words[obj] in ".," or kind(obj) == "prep"):
            after = obj
    if comma > sent.t0 + 1 and kind(comma) in ("det", "possessive") and words[comma - 1] == ",":
        comma -= 1  # "…, its trade minister said on Tuesday": the phrase's determiner before it
    elif comma > sent.t0 + 2 and kind(comma) == "word" and words[comma].islower() and kind(comma - 1) == "det" \
            and words[comma - 2] == ",":
        comma -= 2  # "…, an employment tribunal has ruled": a determiner and a modifier the phrase left out
    if comma <= sent.t0 or words[comma] != ",":
        return NO_CLAUSE
    # after the verb: the sentence end, a comma, or an adverbial phrase
    if after < sent.t1 and not (words[after] in ".,!?" or kind(after) == "prep"):
        return NO_CLAUSE
    for q in range(after, sent.t1):
        if kind(q) in ("comp", "quoted") or words[q] == ":":
            return NO_CLAUSE
        if words[q] == ",":
            break
    if comma - sent.t0 < _MIN_TRAILING:
        return NO_CLAUSE
    blocking = marks.first_blocking
    while blocking < comma and toks.kinds[blocking] == "quoted" and (past := _quoted_name_end(toks, blocking)) is not None:
        # ("… signed up for the city's "Eastbrook Alert" text service …, she added": a name in quotes)
        blocking = next((t for t in range(past, sent.t1) if toks.kinds[t] in ("quoted", "comp")), sent.t1)
    if blocking < comma and not (toks.kinds[blocking] == "comp" and (
            _own_voice(toks, sent.t0, comma) or _relative_that(toks, blocking))):
        # "… I am told that …, said Okafor": a "that" inside the speaker's own words does not block,
        # nor a relative one ("any change that raised the deficit, she said")
        return NO_CLAUSE
    if marks.first_finite >= comma and not (_attribution_ends_sentence(toks, sent, after)
                                             and kind(sent.t0) != "prep" and comma - sent.t0 >= _MIN_UNMARKED_TRAILING):
        # no verb found: a topic ("In Brussels on Tuesday, …"), not a clause, unless nothing but
        # the attribution follows ("Those dates remain in place while members vote, the minister said.")
        return NO_CLAUSE
    return Clause(after_dateline(toks.text, sent.start), "trailing", toks.ends[comma - 1])


_QUOTED_NAME_MAX = 5  # words of a name in quotation marks ("Eastbrook Alert", "Safe Steps")


def _quoted_name_end(toks: Tokens, t: int) -> int | None:
    """The token after a quotation starting at token ``t`` when it is a short name, every word
    capitalised ("Eastbrook Alert"); else None."""
    end = t
    while end < len(toks.words) and toks.kinds[end] == "quoted":
        end += 1
    words = [w for w in toks.words[t:end] if w[:1].isalpha()]
    return end if words and len(words) <= _QUOTED_NAME_MAX and all(w[:1].isupper() for w in words) else None


def _attribution_ends_sentence(toks: Tokens, sent: Sentence, after: int) -> bool:
    """Only the sentence's end, or a time or a medium ("on Tuesday", "on social media", "on
    Facebook"), follows the attribution's verb."""
    rest = [t for t in range(after, sent.t1) if toks.kind(t) != "punct"]
    return not rest or (toks.kind(rest[0]) == "prep" and len(rest) <= 3 and all(
        toks.kind(t) in ("prep", "month", "det", "num", "media", "word", "name", "possessive") for t in rest))


def _participle_phrase(toks: Tokens, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are a short participle phrase after a speaker's phrase ("mediating the
    talks", "leading the delegation"): an -ing word, then plain words only."""
    return b - a <= _PARTICIPLE_PHRASE_MAX and toks.lows[a].endswith("ing") and toks.kind(a) == "word" \
        and all(toks.kind(t) in ("word", "det", "tword", "title", "name", "place") for t in range(a + 1, b))


def _relative_that(toks: Tokens, t: int, after_object: bool = False) -> bool:
    """"that" at token ``t`` between a noun and a finite verb ("any change that raised", "an
    exchange that depends"): a relative pronoun, not a complementiser. ``after_object``: the noun
    is a cue's object ("told reporters that prices rose"), where a plural noun after "that" is
    the reported clause's subject, so only an auxiliary, an irregular past or "-ed" counts
    ("a contractor that does business", "a ceasefire that took effect")."""
    if not (t > 0 and t + 1 < len(toks.words) and toks.kind(t - 1) == "word"):
        return False
    nxt = toks.lows[t + 1]
    if after_object:
        return toks.words[t - 1].islower() and not finite_at(toks, t - 1) and (
            nxt in toks.verb_words or (toks.kind(t + 1) == "word" and nxt.endswith("ed")))
    return (toks.kind(t + 1) == "word" and nxt.endswith(("ed", "s"))) or nxt in toks.fw.get("aux", ())


def _determiner_that(toks: Tokens, sent: Sentence, t: int) -> bool:
    """"that" before a lowercase noun that ends the clause ("whether Brightwell had met that
    deadline.", "… that deadline but would not say"): a determiner, not a complementiser."""
    nxt = t + 1
    if nxt >= sent.t1 or toks.kind(nxt) != "word" or not toks.words[nxt].islower() or finite_at(toks, nxt):
        return False
    return nxt + 1 >= sent.t1 or toks.words[nxt + 1] in ".,;:!?" or toks.lows[nxt + 1] in toks.fw.get("clause_coord", ())


def _own_voice(toks: Tokens, t0: int, t1: int) -> bool:
    """Is a first- or second-person word among tokens ``[t0, t1)`` (the speaker's own voice)?"""
    own = toks.fw.get("speech_person", frozenset())
    return any(toks.lows[t] in own for t in range(t0, t1))


def _finite_between(toks: Tokens, start: int, q: int, past: bool = False) -> bool:
    """Is there an auxiliary or finite verb from character ``start`` to token ``q`` (``past``:
    a regular past tense counts too, "the university respected … but that")?"""
    t = bisect.bisect_left(toks.starts, start)
    return any(toks.lows[r] in toks.verb_words or (past and finite_at(toks, r)) for r in range(t, q))


def finite_at(toks: Tokens, t: int) -> bool:
    """Token ``t`` is an auxiliary or a finite verb (a regular past tense, or a word right after a subject pronoun)."""
    if toks.lows[t] in toks.verb_words or (toks.lows[t].endswith("ed") and toks.kind(t) in ("word", "cue")):
        return True
    # a word right after a subject pronoun is its verb ("we want", "I am", "they never were")
    return t > 0 and toks.kind(t) == "word" and toks.lows[t - 1] in toks.fw.get("subject_pron", ())


def pp_noun_cue(toks: Tokens, q: int, k: int) -> bool:
    """Token ``q`` is a cue noun inside a prepositional phrase that opens after token ``k``
    ("said in a statement", "powiedział w oświadczeniu": part of the verb's complement; "Dyrekcja
    w czwartkowym oświadczeniu przekazała": no clause boundary before the verb)."""
    cue = toks.lex.cues.get(toks.lows[q])
    if cue is None or (cue.cls != "noun" and not (q - 1 > k and toks.kind(q - 1) in ("det", "media", "possessive"))):
        return False  # (a verb's form used as a noun after its determiner: "said on a media call that")
    r = q - 1
    while r > k and (toks.kind(r) in ("det", "word", "possessive", "media") or _participle_cue(toks, r)):
        r -= 1  # ("w przesłanym redakcji oświadczeniu": the hearer inside the phrase too; "in a written statement")
    return r > k and toks.kind(r) == "prep"


def _participle_cue(toks: Tokens, t: int) -> bool:
    """Token ``t`` is a verb of speech in its past participle, used as an adjective ("in a written
    statement")."""
    return toks.kind(t) == "cue" and toks.lows[t].endswith(("en", "ed"))


_ASIDE_MAX = 12  # tokens of an aside between a reported clause's subject and its verb
_REL_ASIDE_MAX = 20  # … when the aside is a relative clause ("…, which has paid out £84,000 to village groups since 2015,")
_REL_SUBJECT_MAX = 6  # tokens of a bare clause's subject before such a relative clause
_MIN_UNMARKED_TRAILING = 5  # tokens of a trailing clause whose verb the word lists miss ("Those dates remain in place")
_AUX_WITHIN = 12  # tokens after a bare clause's first word in which its auxiliary may come ("traffic on Orchard Road had fallen")


def _aux_ahead(toks: Tokens, a: int, b: int, aux) -> bool:
    """An auxiliary among tokens ``[a, b)`` before any punctuation, quotation or cue (the
    subject of a bare clause may carry a short prepositional phrase)."""
    r = a
    while r < b:
        if toks.lows[r] in aux:
            return True
        if toks.words[r] == "," and listing_comma(toks, r, b):
            r += 1
            continue  # "parts of Calcasieu, Beauregard and Allen parishes could see": a list
        if r + 1 < b and toks.words[r] in QUOTE_CHARS and _named_in_quotes(toks, r + 1):
            r = _quoted_name_end(toks, r + 1) + 1  # "an application to the ‘High Street Recovery Fund’ had been": past the name
            continue
        if toks.kind(r) in ("punct", "quoted", "cue", "comp"):
            return False
        r += 1
    return False


def _named_in_quotes(toks: Tokens, t: int) -> bool:
    """The quotation opening at token ``t`` is a name in capitals after a determiner, a preposition,
    a possessive or a noun (``the ‘High Street Recovery Fund’``, ``a petition headed ‘Keep the Walk
    Open’``), not speech."""
    return t > 1 and (toks.kind(t - 2) in ("det", "prep", "possessive", "word", "title") or toks.words[t - 2].endswith(GENITIVE_S)) \
        and toks.words[t - 1] in QUOTE_CHARS \
        and _quoted_name_end(toks, t) is not None


def _refused(toks: Tokens, k: int) -> bool:
    """The cue at ``k`` is negated or refused ("would not say", "declined to say")."""
    lows = toks.lows
    return k > 0 and (lows[k - 1] in toks.fw.get("negation", ()) or (
        k > 1 and lows[k - 1] == "to" and lows[k - 2] in toks.fw.get("refusal_verb", ())))


def _aux_after_apposition(toks: Tokens, sent: Sentence, q: int, aux) -> bool:
    """A bare clause's subject of a word or two, an aside between commas, then its auxiliary
    ("said two men, aged 19 and 21, had been arrested")."""
    comma = next((r for r in range(q + 1, min(sent.t1, q + _REL_SUBJECT_MAX)) if toks.words[r] == ","), None)
    if comma is not None and comma > q + 2 and not (comma + 1 < sent.t1 and toks.kind(comma + 1) == "rel"):
        comma = None  # a longer subject only before a relative clause ("said resignalling at Kellsby Junction, which …, had been")
    close = _apposition_end(toks, sent, comma) if comma is not None else None
    return close is not None and _aux_ahead(toks, close + 1, min(sent.t1, close + 3), aux)


def _zero_that(toks: Tokens, sent: Sentence, k: int, flags: frozenset) -> Clause:
    """``X said the talks were useful`` (no complementiser): a clause that starts like one and
    has a finite verb within a few words."""
    kind, words, fw = toks.kind, toks.words, toks.fw
    q = k + 1
    if "tell" in flags:
        # hearer: "told reporters", "told Reuters", "told the BBC"
        if q < sent.t1 and kind(q) == "det":
            q += 1
        audience = fw.get("audience", frozenset())
        r = next((r for r in range(q, min(sent.t1, q + 3)) if toks.lows[r] in audience), None)
        if q < sent.t1 and (toks.lows[q] in fw.get("tell_objects", ()) or kind(q) in ("media", "name", "acro", "pron", "inst")
                            or (kind(q) == "title" and q > k + 1 and kind(q - 1) == "det")):  # "told the coroner there had been …"
            q += toks.media_len(q) if kind(q) == "media" else 1
        elif r is not None and all(kind(t) == "word" for t in range(q, r)):
            q = r + 1  # "told a news conference", "told the jury"
        else:
            return NO_CLAUSE
    # prepositional phrases and adverbs: "on Tuesday", "in a statement", "late on Friday",
    # "privately", ", however,"
    adverbs, asides = fw.get("speech_adverb", frozenset()), fw.get("aside_adverb", frozenset())
    times, periods = fw.get("time_determiner", frozenset()), fw.get("time_noun", frozenset())
    while q < sent.t1:
        if toks.lows[q] in adverbs:
            q += 1
            continue
        if toks.lows[q] in times and q + 1 < sent.t1 and toks.lows[q + 1] in periods:
            q += 2  # "last week", "this morning"
            continue
        if words[q] == "," and q + 2 < sent.t1 and toks.lows[q + 1] in asides and words[q + 2] == ",":
            q += 3
            continue
        if kind(q) != "prep":
            break
        if q + 1 < sent.t1 and kind(q + 1) == "num" and toks.lows[q] in fw.get("clause_start", ()):
            break  # "said about 60 members had turned out": a quantity opens the clause
        if q + 1 < sent.t1 and toks.lows[q + 1] in fw.get("wh_word", ()):
            return NO_CLAUSE  # "arguing about what the closure has cost them": a topic, not what was said
        r, points = q + 1, 0
        while r < sent.t1 and r - q - points <= 4 and (kind(r) in _PHRASE_KINDS or (kind(r) == "possessive" and r == q + 1)
                                                        or _abbreviation_point(toks, r)) \
                and not (r > q + 1 and kind(r) == "det"):
            points += _abbreviation_point(toks, r)  # "in its 4 p.m. advisory": the clock's points
            r += 1  # "on Tuesday the budget …": a determiner after the object starts the clause
        q = r
        if q + 2 < sent.t1 and words[q] == "," and toks.lows[q + 1] in asides and words[q + 2] == ",":
            continue  # "said on Tuesday, however, that …"
        if q < sent.t1 and words[q] == ",":
            return NO_CLAUSE
    if q < sent.t1 and kind(q) == "comp":
        return Clause(after_token(toks, q), "comp")
    if q >= sent.t1:
        return NO_CLAUSE
    first = words[q]
    if first.lower() in fw.get("question_comp", ()):
        return NO_CLAUSE  # "did not say whether Colin Marsh would testify": a question, nothing reported
    low = toks.lows[q]
    if kind(q) == "coord" or low in fw.get("adverbial_opener", ()) or (low.endswith("ing") and low in fw.get("aux", ())) or (
            first.endswith("ly") and q + 1 < sent.t1 and toks.lows[q + 1] in fw.get("wh_word", ())):
        return NO_CLAUSE  # "recalled from pharmacies and GP dispensaries", "said as he left", "say plainly what …": no clause starts here
    if first.lower() in fw.get("wh_word", ()) and _refused(toks, k):
        return NO_CLAUSE  # "would not say how many jobs would go": nothing said
    aux = fw.get("aux", frozenset())
    aside = False  # the subject has an aside between commas before its auxiliary
    if not (first.lower() in fw.get("clause_start", ()) or first[0].isupper() or first[0].isdigit()
            or _aux_ahead(toks, q + 1, min(sent.t1, q + _AUX_WITHIN), toks.verb_words) or _past_verb_next(toks, sent, q)
            or (aside := _aux_after_apposition(toks, sent, q, aux))):
        return NO_CLAUSE  # "said aid would arrive": a bare noun starts a clause when an auxiliary follows
    if kind(q) in ("quoted", "punct"):
        return NO_CLAUSE
    if kind(q) == "pron" and toks.lows[q] in fw.get("subject_pronoun", ()) and q + 1 < sent.t1 and words[q + 1][:1].isalpha():
        return Clause(toks.starts[q], "zero")  # "says she still draws every building by hand"
    np = toks.np_at(q, sent.t1)
    inverted = k == sent.t0 or kind(k - 1) in ("punct", "quoted")  # "…," said a diplomat: the verb's own subject may follow
    if np is not None and np.kind in ("title", "name") and not aside and (np.end >= sent.t1 or words[np.end] in ".;:" or (
            words[np.end] == "," and (inverted or (_apposition_end(toks, sent, np.end) is None
                                                   and not listing_comma(toks, np.end, sent.t1)))) or (
            kind(np.end) == "rel" and inverted)):
        # "…," said a diplomat involved in the talks.": the subject, its participle no verb (but "said
        # a man from the town, who was arrested on Saturday, had been released": the clause's subject and its aside;
        # nor "said crane drivers, lashers and tug crews would stage": the first of the subject's list)
        return NO_CLAUSE
    finite = toks.verb_words
    r, limit = q, min(sent.t1, q + _ZERO_CLAUSE_VERB_WITHIN)
    while r < limit:
        low = toks.lows[r]
        # a present tense after the subject's first word or after its determiner and noun ("the
        # company employs", "she writes")
        if low in finite or (r > q and (low.endswith("ed") or (low.endswith("s") and kind(r) in ("word", "cue") and (
                r == q + 1 or (r == q + 2 and kind(q) == "det"))))):
            return Clause(toks.starts[q], "zero")
        if words[r] == "," and r > q and listing_comma(toks, r, sent.t1):
            limit = min(sent.t1, limit + 4)  # "said the contour, rhythm and setting matched": a list
            r += 1
            continue
        if kind(r) == "punct" and words[r] in ".,;:":
            counted = kind(q) == "num" and q + 1 < r and kind(q + 1) in ("word", "title")  # "two men, aged 19 and 21, had been"
            close = _apposition_end(toks, sent, r) if r > q and words[r] == "," and (kind(q) not in ("month", "num", "name") or counted) else None
            if close is None and r > q and words[r] == "," and kind(q) == "det" and r + 2 < sent.t1 \
                    and kind(r + 1) == "word" and words[r + 1].islower() and toks.lows[r + 1] not in finite \
                    and _aux_ahead(toks, r + 2, min(sent.t1, r + 4), fw.get("aux", frozenset())):
                r += 1  # "said a second, larger convoy was being planned": two adjectives of the subject's noun
                continue
            if close is None:
                break
            # "said the valve, on the line feeding the main engine, had failed": the subject's aside
            limit = min(sent.t1, limit + close - r)
            r = close
        r += 1
    return NO_CLAUSE


_ASIDE_REACH = 8  # tokens of an aside naming the medium that quotes the speaker


def _quoted_by_aside_end(toks: Tokens, sent: Sentence, comma: int) -> int | None:
    """The comma that closes an aside opened at ``comma`` by a word of ``quoted_by`` ("cytowany
    przez dziennik „Al-Ahram”"); else None."""
    if comma + 1 >= sent.t1 or toks.lows[comma + 1] not in toks.fw.get("quoted_by", ()):
        return None
    return next((q for q in range(comma + 2, min(sent.t1, comma + 2 + _ASIDE_REACH)) if toks.words[q] == ","), None)


def _abbreviation_point(toks: Tokens, t: int) -> bool:
    """A point after a single letter written against it ("p.m.", "U.S."): no sentence end."""
    return toks.words[t] == "." and t > 0 and len(toks.words[t - 1]) == 1 and toks.words[t - 1].isalpha() \
        and toks.starts[t] == toks.ends[t - 1]


def listing_comma(toks: Tokens, comma: int, t1: int) -> bool:
    """A comma between the items of a list ("the contour, rhythm and harmonic setting"): one or
    two words after it, then a conjunction (before token ``t1``); names too ("Calcasieu,
    Beauregard and Allen parishes")."""
    for t in range(comma + 1, min(t1, comma + 4)):
        if toks.kind(t) == "coord":
            return t > comma + 1
        if toks.kind(t) not in ("word", "tword", "name", "place", "num", "title"):
            return False
    return False


def _past_verb_next(toks: Tokens, sent: Sentence, q: int) -> bool:
    """A bare plural noun and a past tense right after it ("said residents planned to fill the
    chambers again", "said drivers regularly cut through"), not a participle phrase ("urged
    residents affected by the flood")."""
    nxt = q + 1
    if nxt + 1 < sent.t1 and toks.lows[nxt].endswith("ly") and toks.kind(nxt) == "word":
        nxt += 1  # an adverb before the verb
    if nxt >= sent.t1 or not toks.lows[q].endswith("s") or toks.kind(nxt) != "word":
        return False
    low = toks.lows[nxt]
    if not (low.endswith("ed") or low in toks.fw.get("finite", ())):
        return False
    return nxt + 1 < sent.t1 and toks.lows[nxt + 1] not in toks.fw.get("passive_agent", ()) and toks.words[nxt + 1] not in ".,;:"


def _apposition_end(toks: Tokens, sent: Sentence, comma: int) -> int | None:
    """The comma closing an aside that opens at ``comma`` (no verb of speech or quotation in it),
    or None."""
    reach = _REL_ASIDE_MAX if comma + 1 < sent.t1 and toks.kind(comma + 1) == "rel" else _ASIDE_MAX
    for r in range(comma + 1, min(sent.t1, comma + reach)):
        if toks.words[r] == ",":
            # the subject's verb right after it ("…, had failed"), not another clause ("…, and Dunmore was")
            return r if r > comma + 1 and r + 1 < sent.t1 and finite_at(toks, r + 1) else None
        if toks.kind(r) == "coord" and toks.kind(r - 1) == "num" and r + 1 < sent.t1 and toks.kind(r + 1) == "num":
            continue  # "aged 19 and 21"
        if toks.kind(r) in ("quoted", "cue", "coord") or toks.words[r] in ".;:":
            return None
    return None


def _skip_appositions(toks: Tokens, sent: Sentence, k: int) -> int | None:
    """After ``Jak przekazał X``: token where the reported clause starts, skipping
    appositions (``, główny ukraiński negocjator,``) and relative clauses."""
    kind, words = toks.kind, toks.words
    q = k + 1
    while q < sent.t1 and words[q] != ",":  # up to the first comma: the speaker phrase
        if kind(q) == "quoted":
            if not (q > k + 2 and kind(q - 2) in ("title", "inst")):
                return None
            while q < sent.t1 and kind(q) == "quoted":
                q += 1  # a body's quoted name inside the phrase: "Jak dodał kandydat „Nowego Elbląga”,"
            continue
        q += 1
    if q == k + 1:
        # "Jak podkreśliła, podwyżki obejmą …": no speaker phrase, so nothing to be in apposition to
        return q + 1 if q + 1 < sent.t1 else None
    role_before = not any(kind(t) in ("name", "inst", "quoted") for t in range(k + 1, q))  # a role or a kin noun, no name
    while q < sent.t1 and words[q] == ",":
        seg_start = q + 1
        r = seg_start
        while r < sent.t1 and words[r] != ",":
            r += 1
        seg = range(seg_start, r)
        if not seg:
            return None
        has_title = any(kind(t) == "title" for t in seg)
        has_cue = any(kind(t) == "cue" for t in seg)
        # (not "mieszkańcy będą mogli wrócić …, po sprawdzeniu terenu": a role with a verb is the clause)
        if r < sent.t1 and (kind(seg_start) == "rel" or (has_title and not has_cue and words[seg_start][0].islower()
                                                          and not any(finite_at(toks, t) or (toks.cased and finite_verb(toks.lows[t])) for t in seg))):
            q = r
            continue
        if r < sent.t1 and role_before and 2 <= len(seg) <= 4 and all(kind(t) == "name" for t in seg):
            q = r  # "Jak poinformowała jego córka, Magdalena Kalińska, zmarł …": the role's holder by name
            continue
        return seg_start
    return None
