"""Stage 3, candidates: spans that may be statements, each tied to the event that attributes it.

* quotations: ``direct`` (speech introduced by a colon, dash or comma, or followed by an
  attribution) or ``fragment`` (quoted words inside a paraphrase); titles, names and scare
  quotes are left out;
* dash speech blocks: ``direct``, attributed by the clause after the closing dash;
* reported clauses of events: ``indirect``;
* headlines ``X: …``: ``direct`` with cue ``headline``.

``select`` keeps the non-overlapping ones, by priority (direct, fragment, indirect).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from stance.extract.dashes import TIMESTAMP_RE
from stance.extract.dashes import in_own_voice as _own_voice
from stance.extract.morph import also_common, finite_verb, past_verb, plural_verb
from stance.extract.interview import interview_layout
from stance.extract.cues import Cues, Event, coordinated, event_with, is_opener
from stance.extract.segment import (
    HEADLINE_MAX,
    QUOTE_OPENERS,
    QSpan,
    Sentence,
    dash_attribution,
    paragraphs,
)
from stance.extract.phrases import stamp_phrase
from stance.extract.subject import bind_subject

_NO_STATEMENT = ("media", "impersonal")
# token classes that may stand between a quotation and its attribution ("…,” the minister said)
_TAIL_KINDS = frozenset({"punct", "name", "pron", "title", "det", "word", "inst", "place", "acro", "stop", "tword",
                         "cap", "particle"})
_SUBJECT_KINDS = frozenset({"name", "title", "word", "stop", "det", "sie", "pron", "inst", "place", "acro"})
_MAX_TAIL = 10  # tokens between a closing mark and the cue that attributes it
_SIGNATURE_DASH_RE = re.compile(r"[ \t]*[—–][ \t]*\S")
_SIGNATURE_MAX = 120  # characters of "— Dr Jane Okafor, chief executive of the Trust"
LABEL_MAX_TOKENS = 14  # "Halina Szymańska, 52 lata, sprzedawczyni z Bobrownik:" before a paragraph of speech
_DIRECT, _FRAGMENT, _INDIRECT = 1, 2, 3  # priorities
_SURNAME_PREFIX = 5  # letters that tell a surname in any case ("Marcz" of "Marczakiem")
_SPACED_DASH_RE = re.compile(r"\s[–—-]\s")
_DOUBLE_MARKS = "„“”«»\""  # quotation marks (not the apostrophes of "grandfather's")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str  # direct | fragment | indirect
    event: Event | None
    priority: int
    cue: str | None = None


@dataclass(frozen=True)
class Candidates:
    candidates: tuple[Candidate, ...]
    events: tuple[Event, ...]  # the cue events and the ones made here (headline and colon speakers)
    interview: bool = False  # the text is a Q&A interview (interview.py)


def find_candidates(cues: Cues) -> Candidates:
    return _CandidateFinder(cues).run()


def select(candidates) -> list[Candidate]:
    """Non-overlapping candidates, sorted by start: direct before fragment before indirect,
    then earlier and longer first; nothing attributed to a medium or an impersonal verb."""
    taken: list[tuple[int, int]] = []
    out = []
    for c in sorted(candidates, key=lambda c: (c.priority, c.start, -(c.end - c.start))):
        if c.event is not None and c.event.mode in _NO_STATEMENT:
            continue
        k = bisect.bisect_left(taken, (c.start, -1))
        if any(0 <= j < len(taken) and taken[j][0] < c.end and c.start < taken[j][1] for j in (k - 1, k)):
            continue
        bisect.insort(taken, (c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


_ANONYMITY_MAX = 120  # characters of a reported clause that only asks for the source's anonymity


class _CandidateFinder:
    def __init__(self, cues: Cues):
        self.cues = cues
        self.seg = cues.seg
        self.text = cues.seg.text
        self.toks = cues.seg.tokens
        self.lex = cues.seg.lex
        self.events: list[Event] = list(cues.events)
        self.out: list[Candidate] = []
        self._tail_dashes = self._source_dashes()
        self._line_breaks = [m.start() for m in re.finditer("\n", self.text)]
        self._closing_frame = _closing_frame_re(self.toks.fw)
        self.layout = interview_layout(self.text, self.toks.fw)
        self._turn_starts = {t.start for t in self.layout.questions + self.layout.answers}
        self._links = link_paragraphs(self.text, self.toks.fw)
        self._surnames: set | None = None  # words after a name (built on first use)
        self._colon_quotes = self._quotes_after_colon()
        self._trailing_frames = self.toks.fw.get("trailing_frame", frozenset())
        self._anonymity = tuple(p.replace("_", " ") for p in self.toks.fw.get("anonymity_request", ()))

    def run(self) -> Candidates:
        self._quotations()
        self._dash_speech()
        self._reported_clauses()
        self._headlines()
        self._speech_after_colon()
        self._speech_before_so()
        self._interview()
        return Candidates(tuple(self.out), tuple(self.events), bool(self.layout))

    def _add(self, start: int, end: int, kind: str, ev: Event | None, priority: int, cue: str | None) -> None:
        if (self.text[start], self.text[end - 1]) in (("[", "]"), ("(", ")")) and self.text[end - 1] not in self.text[start + 1:end - 1]:
            return  # "[AD BREAK]", "(Laughter)": a transcript's stage direction
        if self._in_link(start):
            return  # another article's headline in a list of links
        if kind == "indirect" and end - start <= _ANONYMITY_MAX and any(
                phrase in self.text[start:end].lower() for phrase in self._anonymity):
            return  # "who asked that her name not be used", "prosi, by nie podawać jego nazwiska": no content
        self.out.append(Candidate(start, end, kind, ev, priority, cue))

    def _in_link(self, pos: int) -> bool:
        k = bisect.bisect_right(self._links, (pos, len(self.text))) - 1
        return k >= 0 and pos < self._links[k][1]

    def _speaker_event(self, tok: int, cue: str, np) -> Event:
        """An event for a speaker named before a colon (``Stelmaszyk: …``)."""
        ev = event_with(len(self.events), tok, self.toks.starts[tok], -1, cue, "colon",
                        bind_subject(self.toks, np, False, ""))
        self.events.append(ev)
        return ev

    # -- quotations ------------------------------------------------------------------
    def _quotations(self) -> None:
        seg = self.seg
        block_starts = [b.start for b in seg.blocks]
        by_sent: dict[int, list[QSpan]] = {}
        for q in seg.quotes:
            k = bisect.bisect_right(block_starts, q.open) - 1
            if k >= 0 and seg.blocks[k].start <= q.open < seg.blocks[k].end:
                continue  # part of dash speech
            by_sent.setdefault(seg.sentence_of(q.open), []).append(q)
        for si, qs in by_sent.items():
            if si < 0:
                continue
            sent = seg.sentences[si]
            for n, q in enumerate(qs):
                if n == 0:
                    left = sent.start
                else:
                    left = qs[n - 1].close + 1 if qs[n - 1].close >= 0 else qs[n - 1].end
                right = qs[n + 1].open if n + 1 < len(qs) else sent.end
                self._quotation(sent, q, max(left, sent.start), min(right, sent.end) if q.close >= 0 else q.end)

    def _quotation(self, sent: Sentence, quote: QSpan, left: int, right: int) -> None:
        """One quotation between ``left`` (the previous one's end) and ``right`` (the next
        one's start): direct speech, a fragment, or nothing."""
        text, toks = self.text, self.toks
        content = text[quote.start:quote.end]
        before = text[left:quote.open]
        last = before.rstrip()[-1:]
        after = (quote.close + 1) if quote.close >= 0 else quote.end
        lt0 = bisect.bisect_left(toks.starts, left)
        lt1 = bisect.bisect_left(toks.starts, quote.open)
        rt0 = bisect.bisect_left(toks.starts, after)
        rt1 = bisect.bisect_left(toks.starts, right) if right > after else rt0
        if self._non_statement(quote, lt0, lt1, content):
            return
        only_punct = not any(ch.isalnum() for ch in before)
        starts_upper = content[:1].isupper() or content[:1] in "„\"“«"
        events_left = self.cues.in_range(sent.index, lt0, lt1)
        tail = self._tail_attribution(sent, quote, rt0, rt1, text[after:right] if right > after else "")
        colon_np = None
        if last == ":" and not events_left:
            # the speaker before the colon, maybe after a time stamp ("10:15 GMT - Harold Pike:")
            nps = toks.chunks(lt0, lt1)
            stamp = {tok for phrase in nps if stamp_phrase(toks, phrase) for tok in range(phrase.start, phrase.end)}
            clock = TIMESTAMP_RE.match(text, toks.starts[lt0]) if lt0 < lt1 else None
            if clock is not None:  # "9:40 a.m. CDT —"
                stamp.update(tok for tok in range(lt0, lt1) if toks.starts[tok] < clock.end())
            nps = [phrase for phrase in nps if phrase.start not in stamp]
            if (len(nps) == 1 and nps[0].kind in ("name", "title", "inst") and all(
                    toks.kind(tok) in _STAMP_KINDS or tok in stamp or nps[0].start <= tok < nps[0].end for tok in range(lt0, lt1))):
                colon_np = nps[0]
            elif nps and all(toks.kind(tok) in _STAMP_KINDS or tok in stamp for tok in range(lt0, nps[0].start)) \
                    and toks.words[lt1 - 1] == ":" and self._described_name(nps[0], lt1 - 1):
                colon_np = nps[0]  # "15:20 Natalia Brzozowska, koordynatorka „Zostaw Las”: „…”", "Widera przed negocjacjami: „…”"
        signed = False
        if colon_np is None and tail is None and only_punct:
            colon_np = self._signature(after)  # "“…” — Mayor Gordon Pell": a pull quote signed, no cue
            signed = colon_np is not None
        if only_punct and last == "," and content[:1].islower() and left > sent.start:
            only_punct = False  # ", "a historic mistake"" after an earlier quotation: a fragment
        direct = only_punct or last in ":–—" or (last == "," and starts_upper) or (
            events_left and events_left[-1].tok >= lt1 - 4 and starts_upper and last != ",") or colon_np is not None
        if direct and tail is None and events_left and last == "," and not starts_upper:
            direct = False
        title_like = _title_like(content)
        if direct and title_like and not only_punct and last not in ":–—" and colon_np is None and tail is None:
            direct = False
        if direct:
            self._direct(quote, content, last, only_punct, title_like, tail, events_left, lt0, lt1, colon_np, signed)
            return
        if title_like:
            return
        # fragment: the nearest attribution in the sentence, before it if any
        ev = events_left[-1] if events_left else None
        if ev is None:
            earlier = self.cues.in_range(sent.index, sent.t0, lt0)
            ev = earlier[-1] if earlier else tail
        if ev is None:
            return
        ev = self.cues.outer(ev)
        if ev.cls == "frame" and ev.clause_kind == "" and ev.mode == "media":
            return
        self._add(quote.start, quote.end, "fragment", ev, _FRAGMENT, ev.cue)

    def _direct(self, quote, content, last, only_punct, title_like, tail, events_left, lt0, lt1, colon_np, signed) -> None:
        ev = None
        if tail is not None and not (title_like and tail.np is None and tail.mode != "inherit"):
            ev = tail
        elif events_left and (last in ":," or events_left[-1].tok >= lt1 - 6
                              or (last in "–—" and self.text[quote.open] not in QUOTE_OPENERS)):
            ev = events_left[-1]
        if colon_np is not None:
            cue = None if signed else "headline" if self._headline_paragraph(quote.open) else ":"
            ev = self._speaker_event(lt0, cue, colon_np)
        if ev is not None:
            self._add(quote.start, quote.end, "direct", ev, _DIRECT, ev.cue)
        elif only_punct and not title_like and not (len(content.split()) < 2 and not content.rstrip().endswith((".", "!", "?", "…"))):
            self._add(quote.start, quote.end, "direct", None, _DIRECT, None)  # speech with its speaker elsewhere

    def _signature(self, after: int):
        """The phrase after a dash that closes a quotation's paragraph ("“…” — Mayor Gordon Pell"):
        nothing but a name or a role follows, up to the paragraph's end; else None."""
        text, toks = self.text, self.toks
        limit = after + _SIGNATURE_MAX + 1  # (a bounded look: a paragraph that never ends stays linear)
        end = text.find("\n", after, limit)
        if end == -1:
            if len(text) > limit:
                return None
            end = len(text)
        if _SIGNATURE_DASH_RE.match(text, after, end) is None:
            return None
        t0, t1 = bisect.bisect_left(toks.starts, after), bisect.bisect_left(toks.starts, end)
        nps = toks.chunks(t0, t1)
        if len(nps) != 1 or nps[0].kind not in ("name", "title") or any(
                toks.kind(t) != "punct" for t in range(t0, t1) if not nps[0].start <= t < nps[0].end):
            return None
        return nps[0]

    def _tail_attribution(self, sent: Sentence, quote: QSpan, rt0: int, rt1: int, right_text: str) -> Event | None:
        """„…” – powiedział X. / "…," he said.: a cue right after the closing mark, with only a
        subject between; or „….” – mówił X. (the attribution opens the next sentence)."""
        toks = self.toks
        honorific = toks.fw.get("honorific", ())
        for ev in self.cues.in_range(sent.index, rt0, min(rt1, rt0 + _MAX_TAIL + 1)):
            if ev.cls == "frame":
                continue
            if all(toks.kind(tok) in _TAIL_KINDS for tok in range(rt0, ev.tok)) and not any(
                    toks.words[tok] in ".!?" and not (toks.words[tok] == "." and tok > rt0 and toks.lows[tok - 1] in honorific)
                    for tok in range(rt0, ev.tok)):  # ("”, Mr. Boyd said": an honorific's point)
                return ev
        if quote.close >= 0 and not right_text.strip():
            nxt = sent.index + 1
            if nxt < len(self.seg.sentences):
                ns = self.seg.sentences[nxt]
                after = quote.close + 1
                if ns.t0 < ns.t1 and toks.words[ns.t0] in ("–", "—") and "\n" not in self.text[after:ns.start]:
                    return next((ev for ev in self.cues.in_range(nxt, ns.t0, ns.t0 + 4) if ev.cls != "frame"), None)
        return None

    def _non_statement(self, quote: QSpan, lt0: int, lt1: int, content: str) -> bool:
        """Titles, names, scare quotes: a marker word right before the quotation and no
        active cue verb close before the marker."""
        toks = self.toks
        words = toks.words
        if not content.strip() or not any(ch.isalpha() for ch in content):
            return True
        if self.text[max(0, quote.open - 2):quote.open].strip().endswith("("):
            return True  # inside parentheses
        prev = [tok for tok in range(max(0, lt0, lt1 - 4), lt1) if words[tok][0].isalnum()]  # within the sentence
        if not prev:
            return False
        low = [words[tok].lower() for tok in prev]
        by_prefix = self.lex.rules.markers_by_prefix
        for marker in self._markers_ending(low[-1]):
            size = len(marker)
            if size > len(low) or not all(_marker_word(low[-size + idx], marker[idx], by_prefix) for idx in range(size)):
                continue
            # "nazwał porozumienie „historycznym”": an active cue before the marker wins
            mstart = prev[-size]
            if marker in self.lex.nonquote_strict or (words[mstart][:1].isupper() and mstart not in toks.sent_initial):
                return True  # "in what Kyiv called Operation "Sea Gate"": the marker is part of the name
            if self.lex.rules.case_marked and content[:1].islower() and any(finite_verb(w) for w in content.lower().split()):
                return False  # "jego formacja „szanuje wysiłki”": a predicate, not the name the marker expects
            for tok in range(max(0, mstart - 3), mstart):
                # (not an impersonal one: "powtarza się słowo „konsolidacja”" keeps the marker)
                if toks.kind(tok) == "cue" and self.lex.cues[words[tok].lower()].cls not in ("noun", "imps") \
                        and not (tok + 1 < len(words) and toks.kind(tok + 1) == "sie"):
                    return False
            return True
        return False

    def _markers_ending(self, last: str) -> list:
        """Non-quote markers whose last word may match ``last``, in lexicon order."""
        lex = self.lex
        found = list(lex.nonquote_exact.get(last, ()))
        pref = lex.nonquote_prefix
        if lex.rules.markers_by_prefix:
            for n in range(3, len(last) + 1):
                found.extend(pref.get(last[:n], ()))
        else:
            for key in {last, last[:-1], last[:-2]}:
                found.extend(m for m in pref.get(key, ()) if _marker_word(last, m[1][-1], False))
        if len(found) > 1:
            found.sort()
        return [m for _o, m in found]

    def _headline_paragraph(self, pos: int) -> bool:
        """Is the line holding ``pos`` short and without a final full stop (a headline)?"""
        text, breaks = self.text, self._line_breaks
        k = bisect.bisect_left(breaks, pos)
        lo = breaks[k - 1] + 1 if k > 0 else 0
        hi = breaks[k] if k < len(breaks) else len(text)
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return hi - lo < 200 and not (hi > lo and text[hi - 1] == ".")

    # -- dash speech -----------------------------------------------------------------
    def _dash_speech(self) -> None:
        # events by position (bisect), keeping list order among those in one attribution
        events = self.events
        order = sorted(range(len(events)), key=lambda n: events[n].pos)
        positions = [events[n].pos for n in order]
        for b in self.seg.blocks:
            ev = None
            if b.attr_end > b.attr_start:
                lo, hi = bisect.bisect_left(positions, b.attr_start), bisect.bisect_left(positions, b.attr_end)
                if lo < hi:
                    ev = events[min(order[lo:hi])]
            if ev is not None and ev.cls == "frame":
                ev = None
            self._add(b.start, b.end, "direct", ev, _DIRECT, ev.cue if ev else None)

    def _speech_after_colon(self) -> None:
        """"Potem mówi:" / "She describes a typical week:" closing a paragraph: the next
        paragraph, with no quotation mark or dash of its own, is that speaker's direct speech."""
        text, seg = self.text, self.seg
        for sent, evs in zip(seg.sentences, self.cues.by_sentence):
            end = sent.end
            while end > sent.start and text[end - 1].isspace():
                end -= 1
            if end <= sent.start or text[end - 1] != ":" or "\n" not in text[end:end + 3]:
                continue
            ev = next((e for e in evs if e.cls not in ("noun", "frame", "colon") and e.mode not in _NO_STATEMENT), None)
            if ev is None:
                continue
            start = end
            while start < len(text) and text[start].isspace():
                start += 1
            stop = text.find("\n", start)
            stop = len(text) if stop == -1 else stop
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if stop > start and text[start] not in QUOTE_OPENERS and text[start] not in "–—-":
                self._add(start, stop, "direct", ev, _DIRECT, ev.cue)

    def _speech_before_so(self) -> None:
        """"Tak mówi Halina Lis, zamykając sklep." opening a paragraph: the paragraph before it,
        with no quotation mark or dash and in the speaker's own voice, is that speaker's direct
        speech (``back_reference`` words per language)."""
        text, seg, toks = self.text, self.seg, self.toks
        back = toks.fw.get("back_reference", ())
        if not back:
            return
        for sent, evs in zip(seg.sentences, self.cues.by_sentence):
            if sent.t0 + 1 >= sent.t1 or toks.lows[sent.t0] not in back or toks.kind(sent.t0 + 1) != "cue":
                continue
            if sent.start < 2 or text[sent.start - 1] != "\n":
                continue  # it must open its paragraph
            ev = next((e for e in evs if e.tok == sent.t0 + 1 and e.mode == "explicit"), None)
            if ev is None:
                continue
            stop = sent.start
            while stop > 0 and text[stop - 1].isspace():
                stop -= 1
            start = text.rfind("\n", 0, stop) + 1
            para = text[start:stop]
            if not para or para[0] in QUOTE_OPENERS or para[0] in "–—-" or any(ch in para for ch in _DOUBLE_MARKS):
                continue
            if _own_voice(para, self.lex):
                self._add(start, stop, "direct", ev, _DIRECT, ev.cue)

    # -- reported clauses ------------------------------------------------------------
    def _reported_clauses(self) -> None:
        for sent, evs in zip(self.seg.sentences, self.cues.by_sentence):
            if not any(ev.clause_start >= 0 for ev in evs):
                continue
            cuts = self._next_cuts(sent, evs)
            positions = [ev.pos for ev in evs]
            for n, ev in enumerate(evs):
                if ev.clause_start < 0 or ev.mode in _NO_STATEMENT:
                    continue
                if ev.clause_kind == "trailing":
                    if ev.cls == "frame" and any(is_opener(e) for e in evs[:n]):
                        continue  # "X argues that …, according to its report": the report is X's source
                    start, end = ev.clause_start, ev.trailing_end
                    speech = self._trailing_speech(sent, ev, start, end)
                    if speech >= 0:
                        self._add(speech, _trim(self.text, speech, end)[1], "direct", ev, _DIRECT, ev.cue)
                        continue
                    pieces = [(start, end)]
                else:
                    pieces = self._coordinated_clauses(ev.clause_start, self._clause_end(sent, evs, n, cuts, positions))
                for start, end in pieces:
                    start, end = _trim(self.text, start, end)
                    if end - start >= 3:
                        self._add(start, end, "indirect", ev, _INDIRECT, ev.cue)

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
            if toks.kind(t) == "comp" and t > first:
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
        earlier = []  # the paragraph's earlier sentences, nearest first
        si = sent.index - 1
        while si >= 0 and self.seg.sentences[si].start >= para:
            earlier.append(self.seg.sentences[si])
            si -= 1
        if not own_clause and not any(_own_voice(text[s.start:s.end], self.lex) for s in earlier):
            return -1
        for s in earlier:
            piece = text[s.start:s.end]
            own = _own_voice(piece, self.lex)
            # "teraz mówią, że …": a plural cue with no subject is the speaker's "they say", not the narrator's
            if any(ch in piece for ch in _DOUBLE_MARKS) or (not own and any(
                    e.mode not in _NO_STATEMENT and e.cls != "frame" and not (e.mode == "carry" and (e.gender == "pl" or plural_verb(e.cue)))
                    for e in self.cues.by_sentence[s.index])):
                return start if own_clause else -1
        return para if earlier else start

    def _next_cuts(self, sent: Sentence, evs) -> list[int]:
        """For each event index, the first one at or after it that ends an earlier reported
        clause (an attribution with content of its own); ``len(evs)`` when none."""
        cuts = [len(evs)] * (len(evs) + 1)
        for idx in range(len(evs) - 1, -1, -1):
            later = evs[idx]
            cut = ((later.clause_start >= 0 and later.clause_kind in ("comp", "zero")) or self._parenthetical(later, sent)
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
        end = min(end, self._relative_end(ev, sent, start), self._second_predicate(start, end))
        return min(end, self._source_tail(start, end))

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
            if toks.lows[t] in coords and toks.kind(t + 1) == "cue" and toks.lows[t + 1].endswith("ed") and toks.lows[t + 2] != "to" \
                    and t > 0 and toks.kind(t - 1) != "punct":
                return toks.starts[t]  # "said he would not recognise the result and called for a recount": his next act
            t += 1
        return end

    def _relative_end(self, ev: Event, sent: Sentence, start: int) -> int:
        """``Marun, who said she had not crossed the bridge, walks …``: a cue opening a relative
        clause set off by commas reports up to the comma that closes it (the main verb follows)."""
        toks = self.toks
        k = ev.tok
        if k - 2 < sent.t0 or toks.kind(k - 1) != "rel" or toks.words[k - 2] != ",":
            return sent.end
        t = bisect.bisect_left(toks.starts, start)
        while t < sent.t1 and toks.words[t] != ",":
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
            if toks.kind(tok) not in _SUBJECT_KINDS:
                break
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
    def _headlines(self) -> None:
        text, toks = self.text, self.toks
        for a, colon, b in self.seg.headlines:
            t0 = bisect.bisect_left(toks.starts, a)
            t1 = bisect.bisect_left(toks.starts, colon)
            if t0 >= t1:
                continue
            start = colon + 1
            while start < b and text[start].isspace():
                start += 1
            if a in self._turn_starts:
                continue  # a question or an answer of an interview: ``_interview`` decides
            if t1 - t0 == 1 and (toks.lows[t0] in toks.fw.get("source_label", ()) or toks.lows[t0] in toks.fw.get("byline", ())):
                continue  # "Źródło: inf. własna, PAP", "Autor: Jan Lis": where the article comes from, who wrote it
            if self._in_link(a):
                continue  # "READ MORE: Ferry timetable cut …", the lines under "Polecamy:": other articles' headlines
            nps = toks.chunks(t0, t1)
            if not nps or nps[0].start != t0 or (nps[0].end != t1 and not self._described_name(nps[0], t1)):
                continue
            np = nps[0]
            if np.kind == "inst" and not any(self.lex.places.get(toks.words[t], ("", False))[1] or toks.kind(t) == "acro"
                                             for t in np.inst):
                continue  # a place, not a speaker ("Davos: ...")
            if np.kind not in ("name", "title", "inst"):
                continue
            if self._section_label(np):
                continue  # "Pogoda: w całym kraju pochmurno": a section, though "Pogoda" is also a surname
            if b - a > HEADLINE_MAX and np.kind != "name":
                continue  # a long "X: …" paragraph is an interview answer only after a person's name
            ev = event_with(len(self.events), t0, toks.starts[t0], -1, "headline", "colon",
                            bind_subject(toks, np, False, ""))
            if ev.mode != "explicit":
                continue
            self.events.append(ev)
            self._add(start, b, "direct", ev, _DIRECT, "headline")

    def _section_label(self, np) -> bool:
        """A one-word label that is also a common noun ("Pogoda", "Sport") and that the text
        never uses as a person's surname after a given name ("Marczak:" after "Zbigniewem
        Marczakiem" is that person)."""
        toks = self.toks
        if np.kind != "name" or len(np.names) != 1 or not self.lex.rules.case_marked:
            return False
        word = toks.words[np.names[0]]
        if not also_common(word):
            return False
        if self._surnames is None:  # prefixes of the words after a name, in any case ("Marczakiem")
            self._surnames = {toks.words[t][:_SURNAME_PREFIX] for t in range(1, len(toks.words)) if toks.kind(t - 1) == "name"}
        return word[:_SURNAME_PREFIX] not in self._surnames

    def _described_name(self, np, t1: int) -> bool:
        """"Halina Szymańska, 52 lata, sprzedawczyni:", "Jen Walsh, 29, a nurse:": a person's name,
        then only short comma-separated descriptions (no verb, clause or quotation) up to the colon;
        or where and when the person spoke ("Kania w Brukseli:", "Widera przed nocnymi negocjacjami:",
        "Marchuk, arriving at the palace:"; a body's quoted name in a description: "koordynatorka
        „Zostaw Las”")."""
        toks = self.toks
        if np.kind != "name" or np.end >= t1 or t1 - np.start > LABEL_MAX_TOKENS:
            return False
        if toks.words[np.end] != "," and toks.kind(np.end) != "prep":
            return False
        return not any(toks.kind(t) in ("cue", "comp", "rel") or (toks.kind(t) == "quoted" and not toks.words[t][:1].isupper())
                       for t in range(np.end, t1))

    def _interview(self) -> None:
        """Q&A interviews (``interview.py`` finds the turns): nothing inside a question is a
        statement (the interviewer's words report others only to ask); each answer paragraph is
        one direct statement (cue null), of the person its label names, else of the interviewee,
        whom the speaker stage finds; what was found inside it gives way."""
        layout = self.layout
        if not layout:
            return
        reported = self._reported_after(layout)
        turns = sorted((t for t in layout.questions + layout.answers if t.start < reported), key=lambda t: t.start)
        starts = [t.start for t in turns]

        def in_turn(c: Candidate) -> bool:
            k = bisect.bisect_right(starts, c.start) - 1
            return k >= 0 and c.start < turns[k].end

        self.out = [c for c in self.out if not in_turn(c)]
        toks, answer_words = self.toks, self.toks.fw.get("answer_label", frozenset())
        for t in layout.questions:
            if t.label and t.label.lower() not in self.toks.fw.get("question_label", frozenset()):
                t0 = bisect.bisect_left(toks.starts, t.start)
                self.events.append(event_with(len(self.events), t0, t.start, -1, t.label, "colon", mode="interviewer"))
        q_starts = sorted(t.start for t in layout.questions)
        label, prev_start = "", -1
        for t in layout.answers:
            if t.start >= reported:
                break
            t0 = bisect.bisect_left(toks.starts, t.start)
            # an unlabelled paragraph after an answer, with no question between, runs it on
            if t.label or bisect.bisect_left(q_starts, prev_start) != bisect.bisect_left(q_starts, t.start):
                label = t.label
            prev_start = t.start
            ev = None
            if t.label and not t.label.isupper() and t.label.lower() not in answer_words and t0 < len(toks.starts):
                t1 = bisect.bisect_left(toks.starts, t.start + len(t.label))
                nps = toks.chunks(t0, t1)
                if len(nps) == 1 and nps[0].kind == "name" and nps[0].start == t0 and nps[0].end == t1:
                    ev = event_with(len(self.events), t0, t.start, -1, "headline", "colon",
                                    bind_subject(toks, nps[0], False, ""))
                    ev = ev if ev.mode == "explicit" else None
            if ev is None:  # "A:", initials, or no label: the person the label stands for, else the interviewee
                ev = event_with(len(self.events), t0, t.start, -1, label or "-", "colon", mode="interviewee")
            self.events.append(ev)
            self._add(t.body, t.end, "direct", ev, _DIRECT, None)

    def _reported_after(self, layout) -> int:
        """Where a report resumes after an interview inside it: the first paragraph after the
        last question that reports somebody's words (a quotation, or a cue with its subject)
        is the reporter's again, not the guest's answer running on."""
        last_q = max((t.end for t in layout.questions), default=-1)
        for t in layout.answers:
            if t.start < last_q:
                continue
            if any(ch in self.text[t.start:t.end] for ch in _DOUBLE_MARKS) or any(
                    t.start <= c.start < t.end and c.event is not None and c.event.mode == "explicit"
                    and c.event.pos >= t.start for c in self.out):
                return t.start
        return len(self.text) + 1


def _closing_frame_re(fw: dict) -> re.Pattern:
    """", according to its annual report." / ", według danych GUS.": a frame with its source
    closing a clause (a few words, then the sentence end)."""
    phrases = [p.replace("_", r"\s+") for p in fw.get("frame_phrase", ())]
    phrases += sorted(fw.get("frame_wedlug", ()))
    if not phrases:
        return re.compile(r"(?!x)x")  # never matches
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    return re.compile(rf",\s+(?:{alternatives})\b[^,.;:!?„“”\"«»]{{1,80}}[.!?]?\s*$", re.IGNORECASE)


_STAMP_KINDS = frozenset({"punct", "num"})  # what a time stamp before a speaker is made of


def _marker_word(word: str, marker: str, by_prefix: bool) -> bool:
    """A word matches a non-quote marker word: by prefix in an inflected language ("książk"
    covers "książce"), else as the word or its plural ("ship", "ships", never "shipping")."""
    if len(marker) <= 2:
        return word == marker
    if by_prefix:
        return word.startswith(marker)
    return word in (marker, marker + "s", marker + "es")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:–—-"):
        end -= 1
    return start, end


def _title_like(content: str) -> bool:
    """Quoted words that look like a title or a name ("Financial Times", "Pajęczyna")."""
    c = content.strip()
    if not c or c[-1] in ".!?…,":
        return False
    words = re.findall(r"[^\W\d_]+", c)
    if not words or len(words) > 8 or not words[0][0].isupper():
        return False
    long_words = [w for w in words if len(w) > 3]
    return all(w[0].isupper() for w in long_words) and (len(words) <= 3 or len(long_words) >= 2)


def link_paragraphs(text: str, fw: dict) -> list[tuple[int, int]]:
    """The lines (start, end) that link to other articles: one opening with a link label ("READ
    MORE: Ferry timetable cut …", "Czytaj także: …", "WIDEO: …"), and the headline-like lines
    under a label standing alone ("Polecamy:", "ZOBACZ TAKŻE", "Najnowsze w Biznesie")."""
    labels = fw.get("link_label", ())
    out: list[tuple[int, int]] = []
    listing = False
    for a, b in paragraphs(text):  # (one line each)
        line = text[a:b]
        if listing and _link_line(line):
            out.append((a, b))
            continue
        listing = False
        colon = line.find(":", 0, 40)
        key = (line[:colon] if colon != -1 else line).lower().split()
        if key and ("_".join(key) in labels or (colon == -1 and len(line) <= 40 and key[0] in labels)):
            out.append((a, b))
            listing = colon == -1 or not line[colon + 1:].strip()
    return out


def _link_line(line: str) -> bool:
    """A line or paragraph under a link label reads like another article's headline: short, no
    final full stop."""
    return bool(line) and len(line) <= HEADLINE_MAX and line[-1] not in ".!?"
