"""Stage 3, candidates: spans that may be statements, each tied to the event that attributes it.

* quotations: ``direct`` (speech introduced by a colon, dash or comma, or followed by an
  attribution) or ``fragment`` (quoted words inside a paraphrase); titles, names and scare
  quotes are left out;
* dash speech blocks: ``direct``, attributed by the clause after the closing dash;
* reported clauses of events: ``indirect``;
* headlines ``X: …``: ``direct`` with cue ``headline``;
* letters to the editor: each paragraph of a signed letter, ``direct`` with no cue (letters.py).

``select`` keeps the non-overlapping ones, by priority (direct, fragment, indirect).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from stance.extract.cues import Cues, Event, event_with
from stance.extract.dashes import in_own_voice as _own_voice
from stance.extract.interview import interview_layout
from stance.extract.labels import LabelledSpeech, link_paragraphs
from stance.extract.letters import SIGNATURE_MAX, signed_letters
from stance.extract.morph import finite_verb
from stance.extract.reported import ReportedClauses, closing_frame_re
from stance.extract.segment import HEADLINE_MAX, QUOTE_OPENERS, QSpan, Sentence
from stance.extract.spans import DIRECT, DOUBLE_MARKS, FRAGMENT, NO_STATEMENT, Candidate
from stance.extract.subject import bind_subject
from stance.extract.words import function_phrases

# token classes that may stand between a quotation and its attribution ("…,” the minister said)
_TAIL_KINDS = frozenset({"punct", "name", "pron", "title", "det", "word", "inst", "place", "acro", "stop", "tword",
                         "cap", "particle"})
# where the subject comes before its verb, a phrase describing it may stand between the quotation
# and the verb ("“…!” a man at the back of the hall shouted")
_TAIL_KINDS_SUBJECT_FIRST = _TAIL_KINDS | {"prep"}
_MAX_TAIL = 10  # tokens between a closing mark and the cue that attributes it
_SIGNATURE_DASH_RE = re.compile(r"[ \t]*[—–][ \t]*\S")


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
        if c.event is not None and c.event.mode in NO_STATEMENT:
            continue
        k = bisect.bisect_left(taken, (c.start, -1))
        if any(0 <= j < len(taken) and taken[j][0] < c.end and c.start < taken[j][1] for j in (k - 1, k)):
            continue
        bisect.insort(taken, (c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


_RECITED_REACH = 12  # tokens before a colon in which a passage read out is named
_NAME_WORDS_MAX = 5  # words of a name in quotes written in sentence case
_ANONYMITY_MAX = 120  # characters of a reported clause that only asks for the source's anonymity


class _CandidateFinder(ReportedClauses, LabelledSpeech):
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
        self._closing_frame = closing_frame_re(self.toks.fw)
        self.layout = interview_layout(self.text, self.toks.fw, self.lex.speech_verbs)
        self._turn_starts = {t.start for t in self.layout.questions + self.layout.answers}
        self._links = link_paragraphs(self.text, self.toks.fw)
        self._surnames: set | None = None  # words after a name (built on first use)
        self._colon_quotes = self._quotes_after_colon()
        self._own_voice_of: dict[int, bool] = {}  # sentence index -> in its speaker's voice (reported.py)
        self._trailing_frames = self.toks.fw.get("trailing_frame", frozenset())
        self._anonymity = function_phrases(self.lex.lang, "anonymity_request")
        self._greetings = function_phrases(self.lex.lang, "greeting")

    def run(self) -> Candidates:
        self._quotations()
        self._dash_speech()
        self._reported_clauses()
        self._headlines()
        self._speech_after_colon()
        self._speech_before_so()
        self._interview()
        self._letters()
        return Candidates(tuple(self.out), tuple(self.events), bool(self.layout))

    def _add(self, start: int, end: int, kind: str, ev: Event | None, priority: int, cue: str | None) -> None:
        if (self.text[start], self.text[end - 1]) in (("[", "]"), ("(", ")")) and self.text[end - 1] not in self.text[start + 1:end - 1]:
            return  # "[AD BREAK]", "(Laughter)": a transcript's stage direction
        if self._in_link(start):
            return  # another article's headline in a list of links
        if kind == "indirect" and end - start <= _ANONYMITY_MAX and any(
                phrase in self.text[start:end].lower() for phrase in self._anonymity):
            return  # "who asked that her name not be used", "prosi, by nie podawać jego nazwiska": no content
        if kind == "direct" and cue in (None, "headline") and _results_line(self.text[start:end]):
            return  # "Tries: Higgins, Fairbank 2, Okafor.", "1 Callum Brierley (Brackenford H) 2:16:41; …": a results box
        if kind == "direct" and end - start <= _GREETING_MAX and self._greeting_only(start, end):
            return  # "Dzień dobry, pani prezydent.": a greeting says nothing (CONVENTIONS, round 30)
        self.out.append(Candidate(start, end, kind, ev, priority, cue))

    def _greeting_only(self, start: int, end: int) -> bool:
        """``text[start:end]`` (after a speaker's label) is greetings and the people they
        are addressed to, and nothing else (``greeting`` phrases, ``greeted`` words, names, roles)."""
        fw = self.toks.fw
        body = _LABEL_PREFIX_RE.sub("", self.text[start:end], count=1).lower()
        greetings = self._greetings
        if not greetings or not body.startswith(greetings):
            return False
        for phrase in greetings:
            body = body.replace(phrase, " ")
        rest = re.findall(r"[^\W\d_]+", body)
        names = {w.lower() for w in re.findall(r"[^\W\d_]+", self.text[start:end]) if w[:1].isupper()}
        return all(w in fw.get("greeted", ()) or w in names or w in self.toks.lex.titles for w in rest)

    def _in_link(self, pos: int) -> bool:
        k = bisect.bisect_right(self._links, (pos, len(self.text))) - 1
        return k >= 0 and pos < self._links[k][1]

    def _speaker_event(self, tok: int, cue: str | None, np, governed: bool = False, origin: str = "") -> Event:
        """An event for a speaker named before a colon (``Stelmaszyk: …``; ``governed``: in the
        case a preposition fixes, ``od słuchaczki``; ``origin``: the place the speaker is from)."""
        binding = bind_subject(self.toks, np, governed, "", governed=governed)
        if origin and binding.speaker:
            binding = replace(binding, speaker=f"{binding.speaker} {origin}",
                              ref=replace(binding.ref, speaker=f"{binding.speaker} {origin}") if binding.ref else None)
        ev = event_with(len(self.events), tok, self.toks.starts[tok], -1, cue, "colon", binding)
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
        if last == ":" and self._recited(sent, lt1):
            return  # "przeczytała fragment rozdziału „Ostatnia procesja”: „…”": a text read out, no statement
        only_punct = not any(ch.isalnum() for ch in before)
        starts_upper = content[:1].isupper() or content[:1] in "„\"“«"
        events_left = self.cues.in_range(sent.index, lt0, lt1)
        tail = self._tail_attribution(sent, quote, rt0, rt1, text[after:right] if right > after else "")
        colon_np = self._label_speaker(lt0, lt1) if last == ":" and not events_left else None
        # (after the reader's own verb too: "poseł …, który odczytał wiadomość od rolnika spod Biłgoraja: „…”")
        sender = self._message_source(events_left[-1].tok + 1 if events_left else lt0, lt1) \
            if last == ":" and colon_np is None else None
        if sender is not None:
            # a message read out, its sender in the genitive after "od" ("SMS od słuchaczki z Brzegu: „…”")
            ev = self._speaker_event(sender.start, None, sender, governed=True, origin=self._sender_origin(sender, lt1))
            self._add(quote.start, quote.end, "direct", ev, DIRECT, None)
            return
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
        self._add(quote.start, quote.end, "fragment", ev, FRAGMENT, ev.cue)

    def _recited(self, sent: Sentence, t1: int) -> bool:
        """A written work's passage (``recited_work``: "fragment", "wiersz", "passage") is named in
        the sentence before the colon at token ``t1``: what follows is read out, not said."""
        works = self.toks.fw.get("recited_work", ())
        return bool(works) and any(self.toks.lows[t] in works for t in range(max(sent.t0, t1 - _RECITED_REACH), t1))

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
        if ev is None and only_punct:
            ev = self._colon_paragraph_event(quote)  # "Pani Irena z Olsztyna pisze:" over the letter's paragraph
        if ev is not None:
            self._add(quote.start, quote.end, "direct", ev, DIRECT, ev.cue)
        elif only_punct and not title_like and not (len(content.split()) < 2 and not content.rstrip().endswith((".", "!", "?", "…"))):
            self._add(quote.start, quote.end, "direct", None, DIRECT, None)  # speech with its speaker elsewhere
        elif last == ":" and not title_like and len(content.split()) >= 2 and self._headline_paragraph(quote.open):
            # "Colorado River talks stall: "The clock has run out"": a headline's quotation, whose
            # speaker the body names (the echo stage)
            self._add(quote.start, quote.end, "direct", None, DIRECT, "headline")

    def _colon_paragraph_event(self, quote):
        """The cue of the sentence right before a quotation that opens its paragraph, when that
        sentence ends with a colon ("Pani Irena z Olsztyna pisze:"); else None."""
        text, sents = self.text, self.seg.sentences
        k = self.seg.sentence_of(quote.open)
        if k < 1 or text[sents[k - 1].end:quote.open].strip() or not text[sents[k - 1].start:sents[k - 1].end].rstrip().endswith(":"):
            return None
        evs = [e for e in self.cues.by_sentence[k - 1] if e.mode not in NO_STATEMENT and e.cls not in ("noun", "colon")]
        return self.cues.outer(evs[-1]) if evs else None

    def _signature(self, after: int):
        """The phrase after a dash that closes a quotation's paragraph ("“…” — Mayor Gordon Pell"):
        nothing but a name or a role follows, up to the paragraph's end; else None."""
        text = self.text
        limit = after + SIGNATURE_MAX + 1  # (a bounded look: a paragraph that never ends stays linear)
        end = text.find("\n", after, limit)
        if end == -1:
            if len(text) > limit:
                return None
            end = len(text)
        if _SIGNATURE_DASH_RE.match(text, after, end) is None:
            return None
        return self._signed_by(after, end)

    def _signed_by(self, start: int, end: int):
        """The name phrase ``text[start:end]`` holds and nothing else but what describes it, commas
        between ("Dr Callum Reid, Borders Raptor Study Group"; a role alone: "Mayor Gordon Pell");
        else None."""
        toks = self.toks
        t0, t1 = bisect.bisect_left(toks.starts, start), bisect.bisect_left(toks.starts, end)
        nps = toks.chunks(t0, t1)
        if not nps or nps[0].kind not in ("name", "title") or (len(nps) > 1 and nps[0].kind != "name") or any(
                toks.kind(t) != "punct" for t in range(t0, t1) if not any(np.start <= t < np.end for np in nps)
                and not (t < nps[0].start and toks.lows[t] in toks.fw.get("honorific", ()))  # "— Dr Callum Reid", "– prof. dr hab. Jan Lis"
                and not (t > nps[0].end and toks.lows[t] in toks.fw.get("address_word", ()))):  # "Henryk Lasota, os. Słoneczne"
            return None
        if not all(self._signature_gap(a.end, b.start) for a, b in zip(nps, nps[1:])):
            return None  # "— Morag Tennant, chair, Tweed Skyline": the name, then what she is, commas between
        return nps[0]

    def _signature_gap(self, a: int, b: int) -> bool:
        """Tokens ``[a, b)`` between two phrases of a signature: a comma, then maybe a street's or
        an estate's abbreviation ("Henryk Lasota, os. Słoneczne"; ``address_word``)."""
        toks = self.toks
        address = toks.fw.get("address_word", ())
        return b > a and toks.words[a] == "," and all(toks.words[t] in ",." or toks.lows[t] in address for t in range(a + 1, b))

    def _letters(self) -> None:
        """Letters to the editor: each paragraph is its signer's (letters.py)."""
        for letter in signed_letters(self.seg, self._signer):
            ev = self._speaker_event(letter.signer.start, None, letter.signer)
            for start, end in letter.paragraphs:
                self._add(start, end, "direct", ev, DIRECT, None)

    def _signer(self, start: int, end: int):
        """A signature line's name phrase: a person's name of two words or more, then only what
        describes it (a heading or a role alone signs nothing); else None."""
        np = self._signed_by(start, end)
        return np if np is not None and np.kind == "name" and len(np.names) >= 2 else None

    def _tail_attribution(self, sent: Sentence, quote: QSpan, rt0: int, rt1: int, right_text: str) -> Event | None:
        """„…” – powiedział X. / "…," he said.: a cue right after the closing mark, with only a
        subject between; or „….” – mówił X. (the attribution opens the next sentence)."""
        toks = self.toks
        honorific = toks.fw.get("honorific", ())
        tail_kinds = _TAIL_KINDS_SUBJECT_FIRST if self.lex.rules.subject_first else _TAIL_KINDS
        for ev in self.cues.in_range(sent.index, rt0, min(rt1, rt0 + _MAX_TAIL + 1)):
            if ev.cls == "frame":
                continue
            if all(toks.kind(tok) in tail_kinds or _age_number(toks, tok) for tok in range(rt0, ev.tok)) and not any(
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
        if ":" in self.text[toks.ends[prev[-1]]:quote.open]:
            return False  # "Przewodnicząca stowarzyszenia: „…”": a label, not a name the marker word expects
        if self.lex.rules.case_marked and prev[-1] == lt1 - 1 and toks.kind(prev[-1]) in ("word", "title") \
                and words[prev[-1]].islower() and _sentence_case_name(content):
            return True  # "w internetowej zbiórce „Łęg po wodzie”", "szyld „Do wynajęcia”": a name after its noun
        low = [words[tok].lower() for tok in prev]
        if low[-1] in toks.fw.get("naming_participle", ()) and len(prev) > 1 and toks.kind(prev[-2]) in ("word", "tword") \
                and prev[-2] == prev[-1] - 1 and content[:1].isupper():
            return True  # "a restructuring plan called "Halden Forward"": a noun, then the name it is given
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
            if not self.lex.rules.case_marked and content[:1].islower() and len(content.split()) >= 2 \
                    and size == 1 and mstart > 0 and toks.kind(mstart - 1) == "det":
                return False  # "give the company “every opportunity”": lowercase words after "the company" name nothing
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
            self._add(b.start, b.end, "direct", ev, DIRECT, ev.cue if ev else None)

    def _speech_after_colon(self) -> None:
        """"Potem mówi:" / "She describes a typical week:" closing a paragraph: the next
        paragraph, with no quotation mark or dash of its own, is that speaker's direct speech."""
        text, seg = self.text, self.seg
        accounts = function_phrases(self.toks.lex.lang, "account_intro")
        full_text = function_phrases(self.toks.lex.lang, "full_text")
        for sent, evs in zip(seg.sentences, self.cues.by_sentence):
            end = sent.end
            while end > sent.start and text[end - 1].isspace():
                end -= 1
            if end <= sent.start or "\n" not in text[end:end + 3]:
                continue
            if text[end - 1] == ":":
                ev = next((e for e in evs if e.cls not in ("noun", "frame", "colon") and e.mode not in NO_STATEMENT), None)
                if ev is None and any(phrase in text[sent.start:end].lower() for phrase in full_text):
                    # "Harlow & Finch’s statement in full:": a document's own words follow, unmarked
                    ev = next((e for e in evs if e.cls == "noun" and e.mode not in NO_STATEMENT), None) or self._document_owner(sent)
                cue = ev.cue if ev is not None else None
            else:
                ev, cue = self._account_teller(sent, accounts), None
            if ev is None:
                continue
            start = end
            for _ in range(_RUN_ON_MAX):
                while start < len(text) and text[start].isspace():
                    start += 1
                stop = text.find("\n", start)
                stop = len(text) if stop == -1 else stop
                while stop > start and text[stop - 1].isspace():
                    stop -= 1
                if stop <= start or text[start] in QUOTE_OPENERS or text[start] in "–—-":
                    break
                if cue is None and not self._runs_on(start, stop):
                    break
                self._add(start, stop, "direct", ev, DIRECT, cue)
                start, cue = stop, None

    def _document_owner(self, sent: Sentence) -> Event | None:
        """An event for the body or person whose document a sentence announces in full, the first
        phrase before its cue noun ("Harlow & Finch’s statement in full:"); else None."""
        toks = self.toks
        noun = next((t for t in range(sent.t0, sent.t1) if toks.kind(t) == "cue"), None)
        np = next((np for np in toks.chunks(sent.t0, noun) if np.kind in ("name", "inst", "title")), None) if noun is not None else None
        return self._speaker_event(np.start, toks.words[noun], np) if np is not None else None

    def _account_teller(self, sent: Sentence, accounts: tuple[str, ...]) -> Event | None:
        """A paragraph that closes by announcing an account ("This is her account, edited for
        length.", ``account_intro``): an event for the person it named first, whose own words
        the next paragraphs are; else None."""
        low = self.text[sent.start:sent.end].lower()
        if not accounts or not any(phrase in low for phrase in accounts):
            return None
        para = self.text.rfind("\n", 0, sent.start) + 1
        toks = self.toks
        t0 = bisect.bisect_left(toks.starts, para)
        np = next((np for np in toks.chunks(t0, sent.t0) if np.kind == "name" and len(np.names) >= 2), None)
        return self._speaker_event(np.start, None, np) if np is not None else None

    def _runs_on(self, start: int, stop: int) -> bool:
        """A paragraph after one that ``_speech_after_colon`` gave to a speaker goes on with that
        speaker's words ("Owen replies:", then his answer over three paragraphs): in the speaker's
        own voice, reporting nobody named (no cue with a name, role or body for subject), opening
        with no quotation mark or dash, and no heading or colon that opens somebody else's words."""
        text = self.text
        para = text[start:stop]
        if stop - start <= HEADLINE_MAX and para[-1:] not in ".!?…":
            return False  # a heading ("Noisy fan") or a label ("Rhys in Cardiff writes:")
        if para.rstrip().endswith(":"):
            return False
        seg = self.seg
        k = seg.sentence_of(start)
        while k < len(seg.sentences) and seg.sentences[k].start < stop:
            if any(e.mode == "explicit" and e.ref is not None and e.ref.kind in ("name", "title", "inst") for e in self.cues.by_sentence[k]):
                return False
            k += 1
        return _own_voice(para, self.lex)

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
            if not para or para[0] in QUOTE_OPENERS or para[0] in "–—-" or any(ch in para for ch in DOUBLE_MARKS):
                continue
            if _own_voice(para, self.lex):
                self._add(start, stop, "direct", ev, DIRECT, ev.cue)


_RUN_ON_MAX = 8  # paragraphs of one speaker's words after an introduction closed by a colon


def _age_number(toks, tok: int) -> bool:
    """The number of an age written before its noun ("the 81-year-old said")."""
    return toks.kind(tok) == "num" and tok + 2 < len(toks.words) and toks.age_noun_at(tok + 2)


def _marker_word(word: str, marker: str, by_prefix: bool) -> bool:
    """A word matches a non-quote marker word: by prefix in an inflected language ("książk"
    covers "książce"), else as the word or its plural ("ship", "ships", never "shipping")."""
    if len(marker) <= 2:
        return word == marker
    if by_prefix:
        return word.startswith(marker)
    return word in (marker, marker + "s", marker + "es")


_GREETING_MAX = 80  # characters of a greeting with its label and vocatives
_LABEL_PREFIX_RE = re.compile(r"^[^\W\d_][^:\n]{0,40}:\s*")


def _results_line(content: str) -> bool:
    """A line of names and figures, as a results box or a scorecard prints them: digits, and
    hardly a lowercase word ("Wilk, Ciupa – Gawron 7, Król 5, Nowicki 4")."""
    if not any(ch.isdigit() for ch in content):
        return False
    words = re.findall(r"[^\W\d_]+", content)
    return len(words) >= 4 and sum(w[0].islower() for w in words) * 4 < len(words)


def _sentence_case_name(content: str) -> bool:
    """Quoted words written as a name in sentence case ("Łęg po wodzie", "Do wynajęcia"): a
    capital, a few words and no sentence's punctuation."""
    c = content.strip()
    return bool(c) and c[0].isupper() and len(c.split()) <= _NAME_WORDS_MAX and not any(ch in c for ch in ".!?…,:;")


def _title_like(content: str) -> bool:
    """Quoted words that look like a title or a name ("Financial Times", "Pajęczyna"; with the comma
    American style keeps inside the marks: “Homes for West Carrow,”)."""
    c = content.strip()
    if c.endswith(",") and not c[:-1].endswith(","):
        c = c[:-1]
    if not c or c[-1] in ".!?…,":
        return False
    words = re.findall(r"[^\W\d_]+", c)
    if not words or len(words) > 8 or not words[0][0].isupper():
        return False
    long_words = [w for w in words if len(w) > 3]
    return all(w[0].isupper() for w in long_words) and (len(words) <= 3 or len(long_words) >= 2)
