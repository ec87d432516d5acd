"""English reported clauses with no complementiser (``said the talks were useful``): where such
a bare clause starts and ends, past appositions, asides that name a medium, quoted names and
lists; ``zero_that`` is what ``clauses.find_clause`` asks. Only tokens are read."""

from __future__ import annotations

from stance.extract.clause_base import Clause, NO_CLAUSE, after_token, finite_at, quoted_name_end
from stance.extract.marks import GENITIVE_S, QUOTE_CHARS
from stance.extract.morph import finite_verb
from stance.extract.segment import Sentence
from stance.extract.words import Tokens

_ZERO_CLAUSE_VERB_WITHIN = 16  # "said its offer of 4.5 per cent this year remained …": the verb within so many tokens
_PHRASE_KINDS = frozenset({"det", "word", "month", "name", "num", "acro", "media", "inst", "place"})
_ASIDE_MAX = 12  # tokens of an aside between a reported clause's subject and its verb
_REL_ASIDE_MAX = 20  # … when the aside is a relative clause ("…, which has paid out £84,000 to village groups since 2015,")
_REL_SUBJECT_MAX = 6  # tokens of a bare clause's subject before such a relative clause
MIN_UNMARKED_TRAILING = 5  # tokens of a trailing clause whose verb the word lists miss ("Those dates remain in place")
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
        if r + 1 < b and toks.words[r] in QUOTE_CHARS and named_in_quotes(toks, r + 1):
            r = quoted_name_end(toks, r + 1) + 1  # "an application to the ‘High Street Recovery Fund’ had been": past the name
            continue
        if toks.kind(r) in ("punct", "quoted", "cue", "comp"):
            return False
        r += 1
    return False


def named_in_quotes(toks: Tokens, t: int) -> bool:
    """The quotation opening at token ``t`` is a name in capitals after a determiner, a preposition,
    a possessive or a noun (``the ‘High Street Recovery Fund’``, ``a petition headed ‘Keep the Walk
    Open’``), not speech."""
    return t > 1 and (toks.kind(t - 2) in ("det", "prep", "possessive", "word", "title") or toks.words[t - 2].endswith(GENITIVE_S)) \
        and toks.words[t - 1] in QUOTE_CHARS \
        and quoted_name_end(toks, t) is not None


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


def zero_that(toks: Tokens, sent: Sentence, k: int, flags: frozenset) -> Clause:
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
                                                        or abbreviation_point(toks, r)) \
                and not (r > q + 1 and kind(r) == "det"):
            points += abbreviation_point(toks, r)  # "in its 4 p.m. advisory": the clock's points
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


def quoted_by_aside_end(toks: Tokens, sent: Sentence, comma: int) -> int | None:
    """The comma that closes an aside opened at ``comma`` by a word of ``quoted_by`` ("cytowany
    przez dziennik „Al-Ahram”"); else None."""
    if comma + 1 >= sent.t1 or toks.lows[comma + 1] not in toks.fw.get("quoted_by", ()):
        return None
    return next((q for q in range(comma + 2, min(sent.t1, comma + 2 + _ASIDE_REACH)) if toks.words[q] == ","), None)


def abbreviation_point(toks: Tokens, t: int) -> bool:
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


def skip_appositions(toks: Tokens, sent: Sentence, k: int) -> int | None:
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
