"""Stage 3, reported clauses: the ``indirect`` candidates of cue events (where a clause a cue
reports starts and ends: coordinated clauses, a later attribution, a relative clause, a second
predicate, a source's tail), and unmarked speech a trailing attribution ends. A part of the
candidate finder (``candidates.py``): it reads and adds to the finder's state."""

from __future__ import annotations

import bisect
import re

from stance.extract.bare_clauses import listing_comma
from stance.extract.clauses import finite_at, past_quote_words, predicate_after_quote, predicate_coords
from stance.extract.cues import Event, coordinated, is_opener
from stance.extract.dashes import in_own_voice as _own_voice
from stance.extract.marks import QUOTE_OPENERS
from stance.extract.morph import finite_verb, nominative_noun, past_verb, plural_verb
from stance.extract.segment import Sentence, dash_attribution
from stance.extract.spans import DIRECT, DOUBLE_MARKS, INDIRECT, NO_STATEMENT, trim

_EARLIER_SENTENCES_MAX = 40  # a paragraph's sentences read back for a trailing attribution's own-voice speech
_QUOTED_CLAUSE_REACH = 3  # tokens after "i że" within which a quotation opens ("i że zarząd „…”")
_QUOTED_CLAUSE_TAIL = 4  # characters after that quotation's closing mark to the clause end (".", "!”")
_SUBJECT_KINDS = frozenset({"name", "title", "word", "stop", "det", "sie", "pron", "inst", "place", "acro"})
_APPOSITION_MAX = 4  # words of "a result" between a clause's comma and "she called '…'"
_SPACED_DASH_RE = re.compile(r"\s[–—-]\s")
_ASIDE_SUBJECT_MAX = 5  # words of the subject inside an aside (", the Crown says,", ", a council spokesman said,")
_ASIDE_REST_MIN = 3  # words after an aside that make a clause of their own
_ASIDE_VERB_REACH = 4  # tokens after an aside within which its clause's verb comes
_QUOTED_SUBJECT_MAX = 4  # tokens of a second clause's subject before its quoted predicate (", a fundusz „…”")
_QUOTED_SUBJECT_KINDS = _SUBJECT_KINDS - {"stop", "sie"}  # (no sentence-opening adverb, no "się")
_QUOTED_SUBJECT_HEADS = frozenset({"name", "title", "inst", "place", "acro", "pron"})


class ReportedClauses:
    """The reported-clause part of ``candidates._CandidateFinder``."""

    def _reported_clauses(self) -> None:
        for sent, evs in zip(self.seg.sentences, self.cues.by_sentence):
            if not any(ev.clause_start >= 0 or (ev.tok + 1 < sent.t1 and self.toks.words[ev.tok + 1] == ",") for ev in evs):
                continue  # (a cue right before a comma may close an aside: "The plan, he said, would …")
            cuts = self._next_cuts(sent, evs)
            positions = [ev.pos for ev in evs]
            for n, ev in enumerate(evs):
                if ev.mode in NO_STATEMENT:
                    continue
                after = self._after_aside(sent, ev) if ev.clause_start < 0 or ev.clause_kind == "trailing" else None
                if after is not None:
                    # "The generator could be fixed, he says, but the batteries could not be hurried.",
                    # "a coat that, she said, had rotted in a wardrobe": what follows the aside is
                    # reported too (the trailing clause before it, when there is one, as well)
                    self._add(*after, "indirect", ev, INDIRECT, ev.cue)
                if ev.clause_start < 0:
                    continue
                if ev.clause_kind == "trailing":
                    if ev.cls == "frame" and any(is_opener(e) for e in evs[:n]):
                        continue  # "X argues that …, according to its report": the report is X's source
                    start, end = ev.clause_start, ev.trailing_end
                    speech = self._trailing_speech(sent, ev, start, end)
                    if speech >= 0:
                        self._add(speech, trim(self.text, speech, end)[1], "direct", ev, DIRECT, ev.cue)
                        continue
                    pieces = [(start, end)]
                else:
                    pieces = self._coordinated_clauses(ev.clause_start, self._clause_end(sent, evs, n, cuts, positions))
                for start, end in pieces:
                    start, end = trim(self.text, start, end)
                    if end - start >= 3:
                        self._add(start, end, "indirect", ev, INDIRECT, ev.cue)
                        before = self._before_quoted_predicate(start, end)
                        if before is not None:
                            self._add(start, before, "indirect", ev, INDIRECT, ev.cue)
                        after = self._after_quoted_contrast(start, end)
                        if after is not None:
                            self._add(after, end, "indirect", ev, INDIRECT, ev.cue)

    def _after_aside(self, sent: Sentence, ev: Event) -> tuple[int, int] | None:
        """The rest of a sentence after an attribution set off by commas inside it (``, he said,``,
        ``, the Crown says,``; in languages with bare clauses): the span from after the second
        comma to the sentence end, when it has a few words, a verb of its own soon after and no
        cue or quotation; else None."""
        toks = self.toks
        k = ev.tok
        if ev.cls == "frame" or not self.lex.rules.bare_clauses or k + 1 >= sent.t1 or toks.words[k + 1] != "," \
                or toks.lows[k - 1] in toks.fw.get("passive_aux", ()):
            return None  # (", the court was told,": the hearers, nobody's words)
        t = k - 1  # the subject before the verb, and the comma that opens the aside
        while t > sent.t0 and toks.kind(t) in _SUBJECT_KINDS and k - t <= _ASIDE_SUBJECT_MAX:
            t -= 1
        if t <= sent.t0 or t == k - 1 or toks.words[t] != ",":
            return None
        rest = range(k + 2, sent.t1)
        if len([q for q in rest if toks.kind(q) != "punct"]) < _ASIDE_REST_MIN or any(
                toks.kind(q) in ("cue", "quoted", "comp") for q in rest):
            return None
        # a predicate of its own soon after ("would cost", "had rotted", "it locks", "but the batteries
        # could"), not a phrase hung on the sentence ("including …", "with preorders opening Friday")
        if toks.kind(k + 2) in ("prep", "frame") or toks.lows[k + 2].endswith("ing") or not any(
                finite_at(toks, q) for q in range(k + 2, min(sent.t1, k + 2 + _ASIDE_VERB_REACH))):
            return None
        start, end = trim(self.text, toks.starts[k + 2], sent.end)
        return (start, end) if end - start >= 3 else None

    def _before_quoted_predicate(self, start: int, end: int) -> int | None:
        """``said the panel would meet in May and did not expect a ruling "before the spring"``: a
        clause whose second predicate (``predicate_coord`` and a verb), or a second clause's quoted
        predicate after its own subject (``…, a fundusz „…”``), holds a quotation reports its
        first part; the quotation is a fragment of its own. The end of that first part, or None."""
        opens = self.seg.quote_opens
        k = bisect.bisect_left(opens, start)
        if k >= len(opens) or opens[k] >= end:
            return None
        toks = self.toks
        coords = predicate_coords(toks)  # ("said she remained a member but would 'reflect over the weekend'")
        t0, q = bisect.bisect_left(toks.starts, start), bisect.bisect_left(toks.starts, opens[k])
        if q - 1 > t0 + 2 and toks.lows[q - 1] in toks.fw.get("quote_coord", ()) and self._quotation_ends(q, end):
            # "odpowiada, że rozmawiała dwa razy i „więcej nie ma o czym”", "… bo „…”": the quotation
            # is a fragment of its own after the clause it is joined to
            cut = trim(self.text, start, toks.starts[q - 1])[1]
            return cut if cut - start >= 12 else None
        subj = q - 1
        while subj > t0 + 2 and q - subj <= _QUOTED_SUBJECT_MAX and toks.kind(subj) in _QUOTED_SUBJECT_KINDS:
            subj -= 1
        if subj < q - 1 and toks.lows[subj] in toks.fw.get("contrast_after_quote", ()) and toks.words[subj - 1] == "," \
                and any(self._subject_head(t) for t in range(subj + 1, q)) and self._quotation_ends(q, end):
            # "odpowiedziała, że decyzja należy do szpitala, a fundusz „podpisze umowę …”": a second
            # clause's own subject, its predicate in quotation marks: the first clause is reported,
            # the quotation a fragment of its own
            cut = trim(self.text, start, toks.starts[subj - 1])[1]
            return cut if cut - start >= 12 else None
        backshift = toks.fw.get("backshift_aux", ())
        for t in range(q - 1, t0 + 2, -1):
            if toks.lows[t] in coords and (toks.lows[t + 1] in toks.verb_words or past_verb(toks.lows[t + 1]) or (
                    not toks.cased and toks.lows[t + 1].endswith("ed"))) and (toks.words[t - 1] != "," or toks.lows[t + 1] in backshift):
                # (", and would have lost consciousness ‘almost instantly’": a back-shifted auxiliary after the comma too)
                # ("said it had paid 61 claims and expected to clear the rest 'within days'": an English past tense)
                cut = trim(self.text, start, toks.starts[t])[1]
                return cut if cut - start >= 12 else None
        # "said her members had voted 82 per cent, a result she called 'a mandate …'": an
        # apposition whose own subject and cue bring in the quotation
        c = q - 2 if toks.lows[q - 1] in toks.fw.get("quote_as", ()) else q - 1  # ("an issue he described as “…”")
        if c - 1 > t0 and toks.kind(c) == "cue" and toks.kind(c - 1) == "pron":
            for t in range(c - 2, max(t0, c - 2 - _APPOSITION_MAX) - 1, -1):
                if toks.words[t] == ",":
                    cut = trim(self.text, start, toks.starts[t])[1]
                    return cut if cut - start >= 12 else None
        return None

    def _subject_head(self, t: int) -> bool:
        """Token ``t`` may head a clause's subject: a name, role, body or pronoun, or a common noun
        ("fundusz", "ludzie"; English: after an article, "the fund")."""
        toks = self.toks
        kind = toks.kind(t)
        if kind in _QUOTED_SUBJECT_HEADS:
            return True
        return kind == "word" and (nominative_noun(toks.lows[t]) if toks.cased else toks.kind(t - 1) == "det")

    def _after_quoted_contrast(self, start: int, end: int) -> int | None:
        """``odpowiada, że rodzina „nie zamyka drzwi”, ale najpierw oczekuje przeprosin``: a clause
        whose quotation is followed by a comma, a contrasting conjunction (``contrast_after_quote``)
        and a predicate of its own reports that predicate too; the quotation is a fragment of its
        own. Where the reported part after the conjunction starts, or None."""
        conjunctions = self.toks.fw.get("contrast_after_quote", ())
        if not conjunctions:
            return None
        opens = self.seg.quote_opens
        first, past = bisect.bisect_left(opens, start), bisect.bisect_left(opens, end)
        if past == first:
            return None  # no quotation opens inside the clause
        last = self.seg.quotes[past - 1]
        if not 0 <= last.close < end:
            return None
        toks = self.toks
        t = bisect.bisect_left(toks.starts, last.close + 1)
        words_end = bisect.bisect_left(toks.starts, end)
        tail = t  # ("had made a “fair and final” offer and would not return": the quotation's noun first)
        t = past_quote_words(toks, t, words_end)
        predicate = t + 1 < len(toks.words) and predicate_after_quote(toks, t)
        if not predicate and t > tail and t + 3 < len(toks.words) and toks.words[t] == "," and toks.kind(t + 2) == "pron" \
                and predicate_after_quote(toks, t + 1):
            t, predicate = t + 1, True  # "had been "nowhere near it" before half-time, but he could not fault …"
        if t > tail and not predicate:
            return None
        if predicate:
            t -= 1  # "told the court he had been there 'ten minutes' but had taken the rings", "had made a "…" offer and would not return": a predicate of its own right after
        elif t + 1 >= len(toks.words) or toks.words[t] != "," or toks.lows[t + 1] not in conjunctions:
            return None
        words = [q for q in range(t + 2, words_end) if toks.kind(q) != "punct"]
        if len(words) < _ASIDE_REST_MIN or any(toks.kind(q) in ("cue", "quoted", "comp") for q in words) \
                or (toks.lows[words[0]] in toks.fw.get("negation", ()) and not any(
                    finite_at(toks, q) or finite_verb(toks.lows[q]) for q in words)):
            return None  # (", a nie błędów w adresach": the quotation's contrast, no predicate)
        return toks.starts[t + 2]

    def _coordinated_clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """``said the offer was final, but that it was prepared to discuss rosters``: a clause
        coordinated by a conjunction and a complementiser (``clause_coord`` + ``that``) is a
        statement of its own, with the same cue."""
        toks = self.toks
        coords = toks.fw.get("clause_coord", ())
        if not coords:
            return [(start, end)]
        out = []
        t = first = bisect.bisect_left(toks.starts, start)
        while t + 1 < len(toks.words) and toks.starts[t] < end:
            if toks.kind(t) == "comp" and t > first and not (
                    toks.lows[t] in toks.fw.get("rel_comp", ()) and t + 1 < len(toks.words) and toks.lows[t + 1] in toks.verb_words):
                # ("landfill that could be turned into compost, and that …": a relative clause, then the coordination)
                break  # "names that Korvath says … and that Lendria insists …": coordinated inside the clause
            if toks.lows[t] in coords and toks.kind(t + 1) == "comp" and t > first:
                out.append((start, toks.starts[t]))  # the caller trims the comma before the conjunction
                start = toks.starts[t + 2] if t + 2 < len(toks.words) else end
            t += 1
        out.append((start, end))
        return out

    def _trailing_speech(self, sent: Sentence, ev: Event, start: int, end: int) -> int:
        """Where unmarked speech attributed by a trailing ``, X said.`` starts, or -1 when the
        clause is reported speech. Speech is in the speaker's own voice (first or second person)
        in the clause or in an earlier sentence of its paragraph; then it runs from the paragraph
        start, unless an earlier sentence there is the narrator's (quotation marks, or a cue of
        its own outside the speaker's voice): then from the sentence start, if that is own voice."""
        toks, text = self.toks, self.text
        if ev.cls == "frame" or ev.tok == 0 or toks.lows[ev.tok - 1] in self._trailing_frames:
            return -1  # "…, as she said", "…, jak podkreślił X": a frame over reported content
        para = text.rfind("\n", 0, start) + 1
        while para < start and text[para].isspace():
            para += 1
        own_clause = _own_voice(text[start:end], self.lex)
        earlier = []  # the paragraph's earlier sentences, nearest first (a bounded look: a paragraph that never ends stays linear)
        si = sent.index - 1
        while si >= 0 and self.seg.sentences[si].start >= para and len(earlier) < _EARLIER_SENTENCES_MAX:
            earlier.append(self.seg.sentences[si])
            si -= 1
        if not own_clause and not any(self._sentence_own_voice(s) for s in earlier):
            return -1
        for s in earlier:
            piece = text[s.start:s.end]
            own = self._sentence_own_voice(s)
            # "teraz mówią, że …": a plural cue with no subject is the speaker's "they say", not the narrator's
            if any(ch in piece for ch in DOUBLE_MARKS) or (not own and any(
                    e.mode not in NO_STATEMENT and e.cls != "frame" and not (e.mode == "carry" and (e.gender == "pl" or plural_verb(e.cue)))
                    for e in self.cues.by_sentence[s.index])):
                return start if own_clause else -1
        return para if earlier else start

    def _sentence_own_voice(self, sent: Sentence) -> bool:
        """``in_own_voice`` of a whole sentence, read once per sentence."""
        got = self._own_voice_of.get(sent.index)
        if got is None:
            got = self._own_voice_of[sent.index] = _own_voice(self.text[sent.start:sent.end], self.lex)
        return got

    def _next_cuts(self, sent: Sentence, evs) -> list[int]:
        """For each event index, the first one at or after it that ends an earlier reported
        clause (an attribution with content of its own); ``len(evs)`` when none."""
        cuts = [len(evs)] * (len(evs) + 1)
        for idx in range(len(evs) - 1, -1, -1):
            later = evs[idx]
            # (an impersonal cue reports no one: "Jak dodała, podczas kontroli stwierdzono, że …" goes on)
            cut = ((later.clause_start >= 0 and later.clause_kind in ("comp", "zero") and later.cls != "imps") or self._parenthetical(later, sent)
                   or later.cls == "pcon" or coordinated(self.seg, later)
                   or (later.cls == "frame" and later.clause_kind == "trailing"))  # "…, according to its report."
            cuts[idx] = idx if cut else cuts[idx + 1]
        return cuts

    def _clause_end(self, sent: Sentence, evs, idx: int, cuts: list[int], positions: list[int]) -> int:
        """A reported clause runs to the sentence end, but stops before a later attribution
        with content of its own (or, for a participle, before its main verb), and before a
        source tail (`` – podaje PAP``, ``: „…”``)."""
        ev = evs[idx]
        start, end = ev.clause_start, sent.end
        first = max(idx + 1, bisect.bisect_right(positions, start))  # events inside the clause
        stop = cuts[first] if first < len(evs) else len(evs)
        if ev.cls == "pcon" and ev.parent >= 0:
            parent = next((later for later in range(first, stop) if evs[later].index == ev.parent), None)
            if parent is not None:
                stop = parent
        while stop < len(evs):
            cut = self._cut_before(evs[stop], sent)
            if cut < sent.end:
                end = min(end, cut)
                break
            # an embedded cue ("said the detour added 90 kilometres") continues the clause, which
            # may still end at a later attribution (", adding that …")
            stop = cuts[stop + 1]
        end = min(end, self._relative_end(ev, sent, start), self._second_predicate(start, end), self._rival_clause(evs, idx, start, end))
        return min(end, self._source_tail(start, end))

    def _rival_clause(self, evs, idx: int, start: int, end: int) -> int:
        """``Kenya says the levy is needed, while Tanzania has called it a "tax"``: a comma and a
        contrasting conjunction (``rival_clause``) before another attribution of the sentence
        end the reported clause; what follows is the narrator's."""
        toks = self.toks
        rivals = toks.fw.get("rival_clause", ())
        if not rivals:
            return end
        later = [e.tok for e in evs[idx + 1:] if e.pos < end]
        if not later:
            return end
        t = bisect.bisect_left(toks.starts, start)
        while t + 1 < len(toks.words) and toks.starts[t] < end:
            if toks.words[t] == "," and toks.lows[t + 1] in rivals and any(k > t + 1 for k in later):
                return toks.starts[t]
            t += 1
        return end

    def _second_predicate(self, start: int, end: int) -> int:
        """``zapewnił, że jest gotów przyjechać, i zwrócił się do …``: a comma, a conjunction
        (``predicate_coord``) and a past-tense verb close the reported clause; the verb is the
        speaker's next act, not reported content."""
        toks = self.toks
        coords = toks.fw.get("predicate_coord", ())
        if not coords:
            return end
        t = bisect.bisect_left(toks.starts, start)
        while t + 2 < len(toks.words) and toks.starts[t] < end:
            if toks.words[t] == "," and toks.lows[t + 1] in coords and past_verb(toks.lows[t + 2]):
                return toks.starts[t]
            if toks.lows[t] in coords and toks.kind(t + 1) == "comp" and toks.starts[t] > start and self._quotation_ends(t + 2, end):
                # "zadeklarował, że przekaże propozycję zarządowi i że „…”.": the second clause is its quotation's fragment
                return toks.starts[t - 1] if toks.words[t - 1] == "," else toks.starts[t]
            if toks.lows[t] in coords and toks.kind(t + 1) == "cue" and toks.lows[t + 1].endswith("ed") and toks.lows[t + 2] != "to" \
                    and t > 0 and toks.kind(t - 1) != "punct":
                return toks.starts[t]  # "said he would not recognise the result and called for a recount": his next act
            t += 1
        return end

    def _quotation_ends(self, t: int, end: int) -> bool:
        """A quotation opens within a few tokens of token ``t`` and closes the clause, which ends
        at ``end`` ("i że zarząd „od lat pracuje dobrze”."; not "and that Dunleavy's "Tin Lanterns"
        had been streamed …")."""
        toks, opens = self.toks, self.seg.quote_opens
        for q in range(t, min(len(toks.words), t + _QUOTED_CLAUSE_REACH)):
            if toks.words[q] in QUOTE_OPENERS:
                k = bisect.bisect_left(opens, toks.starts[q])
                if k < len(opens) and opens[k] == toks.starts[q]:
                    close = self.seg.quotes[k].close
                    return 0 <= close < end <= close + 1 + _QUOTED_CLAUSE_TAIL and not self.text[close + 1:end].strip(" .!?…")
                return False
        return False

    def _relative_end(self, ev: Event, sent: Sentence, start: int) -> int:
        """``Marun, who said she had not crossed the bridge, walks …``: a cue opening a relative
        clause set off by commas reports up to the comma that closes it (the main verb follows)."""
        toks = self.toks
        k = ev.tok
        if k - 2 < sent.t0 or toks.kind(k - 1) != "rel" or toks.words[k - 2] != ",":
            return sent.end
        t = bisect.bisect_left(toks.starts, start)
        while t < sent.t1 and (toks.words[t] != "," or listing_comma(toks, t, sent.t1)):
            t += 1
        return toks.starts[t] if t < sent.t1 else sent.end

    def _parenthetical(self, ev: Event, sent: Sentence) -> bool:
        """``– jak zaznaczył –`` inside a sentence: its own clause follows the second dash."""
        if ev.clause_kind != "frame" or ev.clause_start < 0:
            return False
        tok = ev.tok - 1
        while tok >= sent.t0 and self.toks.kind(tok) == "word" and ev.tok - tok <= 3:
            tok -= 1
        return tok >= sent.t0 and self.toks.words[tok] in ("–", "—")

    def _cut_before(self, ev: Event, sent: Sentence) -> int:
        """Where a clause ends before the attribution ``ev``: at the comma, dash or conjunction
        before its subject ("…, a Pieskow dodał")."""
        toks = self.toks
        tok = ev.tok - 1
        while tok >= sent.t0 and tok >= ev.tok - 6:
            if toks.words[tok] in (",", "–", "—", "-", ";") or toks.kind(tok) == "coord":
                while tok - 1 >= sent.t0 and (toks.words[tok - 1] == "," or toks.kind(tok - 1) == "coord"):
                    tok -= 1
                return toks.starts[tok]
            if toks.kind(tok) not in _SUBJECT_KINDS and not (toks.kind(tok) == "prep" and tok < ev.tok - 1):
                break  # (a preposition inside the subject's phrase: "…, a zaproszony przez komisję ekspert radzi")
            tok -= 1
        if self.lex.rules.embedded_cues_continue_clause and ev.inner:
            return sent.end  # "said she still believed a compromise …": embedded, the clause goes on
        return toks.starts[ev.tok]

    def _source_dashes(self) -> list[int]:
        """Spaced dashes followed by an attribution (`` – podaje PAP``), in order."""
        text, out = self.text, []
        m = _SPACED_DASH_RE.search(text)
        while m is not None:  # not finditer: " – – " holds two spaced dashes sharing a space
            if dash_attribution(text, m.start() + 2, self.lex):
                out.append(m.start() + 1)
            m = _SPACED_DASH_RE.search(text, m.start() + 2)
        return out

    def _quotes_after_colon(self) -> tuple[list[int], list[int]]:
        """Colons that introduce a quotation (``: „…”``) and the quotations' opening marks."""
        text, colons, opens = self.text, [], []
        for q in self.seg.quotes:
            k = q.open - 1
            while k > 0 and text[k].isspace():
                k -= 1
            if k >= 0 and text[k] == ":":
                colons.append(k)
                opens.append(q.open)
        return colons, opens

    def _source_tail(self, start: int, end: int) -> int:
        """Where a reported clause ends before a source tail: an attributing dash, a colon
        introducing a quotation, or a closing frame (``…, according to its report.``)."""
        closing = self._closing_frame.search(self.text, start, end)
        if closing is not None:
            end = closing.start()
        dashes = self._tail_dashes
        k = bisect.bisect_left(dashes, start + 1)  # the dash's leading space is at or after start
        if k < len(dashes) and dashes[k] + 1 < end:
            return dashes[k]
        colons, opens = self._colon_quotes
        k = bisect.bisect_left(colons, start)
        if k < len(colons) and opens[k] < end:
            return colons[k]
        return end

    # -- headlines -------------------------------------------------------------------


def closing_frame_re(fw: dict) -> re.Pattern:
    """", according to its annual report." / ", według danych GUS.": a frame with its source
    closing a clause (a few words, then the sentence end)."""
    phrases = [p.replace("_", r"\s+") for p in fw.get("frame_phrase", ())]
    phrases += sorted(fw.get("frame_wedlug", ()))
    if not phrases:
        return re.compile(r"(?!x)x")  # never matches
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    return re.compile(rf",\s+(?:{alternatives})\b[^,.;:!?„“”\"«»]{{1,80}}[.!?]?\s*$", re.IGNORECASE)
