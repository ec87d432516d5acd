"""Where a cue's reported clause is: after ``że``/``that``, after a frame, or before the cue.

``find_clause`` returns a ``Clause``: ``kind`` comp (``powiedział, że …``), frame (``Jak
podkreślił X, …``), zero (English ``said the talks were useful``, no complementiser: ``bare_clauses``) or
trailing (``…, jak podkreślił X.`` / ``Talks will resume, the minister said.``: the clause
runs from the sentence start to ``trailing_end``). Only tokens are read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from stance.extract.bare_clauses import (MIN_UNMARKED_TRAILING, abbreviation_point, named_in_quotes, quoted_by_aside_end,
                                         skip_appositions, zero_that)
from stance.extract.clause_base import NO_CLAUSE, Clause, after_token, finite_at, quoted_name_end
from stance.extract.dashes import in_own_voice
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
                bare = zero_that(toks, sent, k, flags)
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
                    or named_in_quotes(toks, q)):
                break  # "said it would ‘not comment’ but that its investigation remained active"; "said she remained a member but would ‘…’';
                # "said an application to the ‘High Street Recovery Fund’ had been turned down": a name in quotes
            if c == "quoted" and rules.bare_clauses and "clause" in flags and q > k + 3:
                bare = zero_that(toks, sent, k, flags)
                if 0 <= bare.start and bare.kind == "zero" and _finite_between(toks, bare.start, q - 1):
                    return bare  # "said staff had been told in November to “start packing”": the clause holds the quotation
            return NO_CLAUSE
        if c == "punct" and abbreviation_point(toks, q):
            q += 1
            continue  # "said in its 4 p.m. advisory that …": the clock's points end nothing
        if c == "punct":
            if w == ",":
                if rules.bare_clauses:
                    break
                aside = quoted_by_aside_end(toks, sent, q)
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
        found = zero_that(toks, sent, k, flags)
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
        p = skip_appositions(toks, sent, k)
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
    while blocking < comma and toks.kinds[blocking] == "quoted" and (past := quoted_name_end(toks, blocking)) is not None:
        # ("… signed up for the city's "Eastbrook Alert" text service …, she added": a name in quotes)
        blocking = next((t for t in range(past, sent.t1) if toks.kinds[t] in ("quoted", "comp")), sent.t1)
    if blocking < comma and not (toks.kinds[blocking] == "comp" and (
            _own_voice(toks, sent.t0, comma) or _relative_that(toks, blocking))):
        # "… I am told that …, said Okafor": a "that" inside the speaker's own words does not block,
        # nor a relative one ("any change that raised the deficit, she said")
        return NO_CLAUSE
    if marks.first_finite >= comma and not (_attribution_ends_sentence(toks, sent, after)
                                             and kind(sent.t0) != "prep" and comma - sent.t0 >= MIN_UNMARKED_TRAILING):
        # no verb found: a topic ("In Brussels on Tuesday, …"), not a clause, unless nothing but
        # the attribution follows ("Those dates remain in place while members vote, the minister said.")
        return NO_CLAUSE
    return Clause(after_dateline(toks.text, sent.start), "trailing", toks.ends[comma - 1])


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
