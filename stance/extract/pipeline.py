"""The extraction pipeline: find candidates, attribute them, resolve speakers, normalise.

    text ──segment──▶ quotations, dash blocks, sentences        (segment.py)
         ──cues─────▶ attribution events: cue word + speaker phrase (this module, words.py)
         ──candidates▶ direct / fragment / indirect spans tied to events
         ──resolve──▶ carried-over speakers, fullest names, role → name   (this module)
         ──normalise▶ non-overlapping ``Quote`` records sorted by start
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from stance.extract.lexicon import load
from stance.extract.quote import Quote
from stance.extract.segment import QSpan, dash_blocks, paragraphs, scan_quotes, sentences
from stance.extract.words import NP, Tokens

_SENT_PUNCT = frozenset(".!?;…")
_QUOTE_OPEN = "„“”«»‚‘\"'"
_MAX_CLAUSE_GAP = 12  # tokens between a cue and its "że" / "that"


@dataclass
class Event:
    """An attribution: a cue (verb, noun, frame or headline colon) and who it names."""

    tok: int
    cue: str
    cls: str
    gender: str = ""
    sent: int = -1
    np: NP | None = None
    speaker: str | None = None
    speaker_kind: str = ""
    mode: str = "carry"  # explicit | carry | inherit | media | impersonal
    clause_start: int = -1  # char offset where a reported clause starts
    clause_kind: str = ""  # comp | frame | trailing | zero
    clause_end_limit: int = -1
    trailing_end: int = -1
    parent: "Event | None" = None
    pos: int = 0
    flags: frozenset = frozenset()


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    event: Event | None
    prio: int
    cue: str | None = None
    carry_gender: str = ""


@dataclass
class _Sent:
    start: int
    end: int
    t0: int
    t1: int
    events: list = field(default_factory=list)


def detect_lang(text: str) -> str:
    """'pl' or 'en' from diacritics and function-word counts in the first 20,000 characters."""
    sample = text[:20000]
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if not words:
        return "pl" if re.search(r"[ąćęłńóśźż]", sample.lower()) else "en"
    pl_sw, en_sw = load("pl").stopwords, load("en").stopwords
    pl = sum(1 for w in words if w in pl_sw)
    en = sum(1 for w in words if w in en_sw)
    pl += 2 * len(re.findall(r"[ąćęłńśźż]", sample.lower()))
    return "pl" if pl > en else "en"


class Document:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.lex = load(lang)
        self.toks = Tokens(text, self.lex)
        self.cands: list[Cand] = []
        self.events: list[Event] = []
        self.title_names: dict[str, str] = {}

    # ------------------------------------------------------------------ stage 1: shapes
    def run(self) -> list[Quote]:
        text = self.text
        toks = self.toks
        self.quotes = [q for q in scan_quotes(text) if q.depth == 0]
        self.blocks = dash_blocks(text, self.quotes, self._is_attribution, mid_paragraph=self.lang == "pl")
        prot = [(q.open, (q.close + 1) if q.close >= 0 else q.end) for q in self.quotes]
        prot += [(b.start, b.end) for b in self.blocks]
        self.protected = _merge(prot)
        self.prot_starts = [s for s, _ in self.protected]
        # content regions whose tokens are never cues or speakers
        content = [(q.start, q.end) for q in self.quotes] + [(b.start, b.end) for b in self.blocks]
        content = _merge(content)
        starts = toks.starts
        for s, e in content:
            i = bisect.bisect_left(starts, s)
            while i < len(starts) and starts[i] < e:
                toks.quoted.add(i)
                i += 1
        sents = sentences(text, self.protected, self.lex.abbreviations)
        self.sents: list[_Sent] = []
        for s, e in sents:
            t0 = bisect.bisect_left(starts, s)
            t1 = bisect.bisect_left(starts, e)
            self.sents.append(_Sent(s, e, t0, t1))
            k = t0
            while k < t1 and not toks.words[k][0].isalnum():
                k += 1
            if k < t1:
                toks.sent_initial.add(k)
        # paragraph-initial tokens after a dash are also sentence-initial
        self.sent_starts = [s.start for s in self.sents]
        self.toks.vocab = {w for w in toks.words if w[:1].isupper()}
        # ------------------------------------------------------------ stage 2: cues
        for si, s in enumerate(self.sents):
            self._sentence_events(si, s)
        # ------------------------------------------------------------ stage 3: candidates
        self._quote_candidates()
        self._dash_candidates()
        self._indirect_candidates()
        self._headline_candidates()
        # ------------------------------------------------------------ stage 4: resolve
        chosen = self._select()
        return self._resolve(chosen)

    def _is_attribution(self, pos: int) -> bool:
        """Does the text right after a dash attribute speech (``powiedział X``, ``dodała``)?"""
        window = self.text[pos:pos + 80]
        n = 0
        for m in re.finditer(r"[^\W\d_]+|[^\w\s]", window):
            w = m.group()
            if not w[0].isalnum():
                if w in ".!?;:\n":
                    return False
                continue
            low = w.lower()
            cue = self.lex.cues.get(low)
            if cue is not None and cue.cls not in ("noun", "pcon", "imps") and (n == 0 or w[0].islower()):
                if cue.needs and cue.needs not in window[m.end():m.end() + 20]:
                    return False
                return True
            n += 1
            if n >= 3:
                return False
            if n == 1 and w[0].isupper() and self.lang == "pl":
                # "– Witkoff powiedział" is rare; a capitalised word usually continues speech
                continue
        return False

    def _sent_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    # ------------------------------------------------------------------ stage 2: events
    def _sentence_events(self, si: int, s: _Sent) -> None:
        toks = self.toks
        kind = toks.kind
        words = toks.words
        fw = toks.fw
        k = s.t0
        while k < s.t1:
            c = kind(k)
            ev = None
            if c == "cue":
                ev = self._verb_event(si, s, k)
            elif c == "frame" or (self.lang == "pl" and c == "prep" and words[k].lower() == "w" and k + 1 < s.t1 and words[k + 1].lower() in fw.get("frame_opinion", ())):
                ev = self._frame_event(si, s, k)
            elif self.lang == "en" and words[k].lower() == "according" and k + 1 < s.t1 and words[k + 1].lower() == "to":
                ev = self._frame_event(si, s, k)
            if ev is not None:
                ev.sent = si
                ev.pos = toks.starts[ev.tok]
                s.events.append(ev)
                self.events.append(ev)
            k += 1

    def _verb_event(self, si: int, s: _Sent, k: int) -> Event | None:
        toks = self.toks
        words = toks.words
        kind = toks.kind
        cue = self.lex.cues[words[k].lower()]
        if cue.needs:
            nxt = [words[q].lower() for q in range(k + 1, min(s.t1, k + 3))]
            if cue.needs not in nxt:
                return None
        cls = cue.cls
        if self.lang == "en" and cls == "verb" and words[k].lower().endswith("ing"):
            cls = "pcon"
        if cls == "noun":
            return self._noun_event(si, s, k, cue)
        ev = Event(k, words[k], cls, cue.gender)
        ev.flags = cue.flags
        # "mówił o „...”": keep the preposition in the cue text
        if k + 1 < s.t1 and words[k + 1].lower() in ("o", "about", "of") and k + 2 < s.t1 and kind(k + 2) == "quoted":
            ev.cue = self.text[toks.starts[k]:toks.ends[k + 1]]
        prev_events = s.events
        # the "jak powiedział X" frame
        jak = None
        q = k - 1
        while q >= s.t0 and kind(q) in ("word",) and k - q <= 2 and words[q].lower() not in self.toks.fw.get("jak", ()):
            q -= 1
        if q >= s.t0 and words[q].lower() in self.toks.fw.get("jak", ()) and kind(q) != "quoted":
            jak = q
        # ---------------------------------------------------------------- subject
        if cls == "imps":
            self._impersonal(ev, s, k)
        else:
            if jak is not None:
                boundary = jak
            else:
                boundary = self._boundary(s, k)
            region = toks.chunks(boundary + 1, k)
            subject = self._pick_subject(region)
            rel_ante = self._relative_antecedent(s, boundary + 1, k, region)
            if cls == "pcon" and subject is None and rel_ante is None:
                parent = next((e for e in reversed(prev_events) if e.cls not in ("pcon",) and e.mode != "media"), None)
                if parent is not None:
                    ev.parent = parent
                    ev.mode = "inherit"
                else:
                    first = self._pick_subject(toks.chunks(s.t0, k), first=True)
                    if first is not None:
                        self._set_np(ev, first, oblique=False)
                    else:
                        after = self._after_subject(s, k)  # "Podkreślając, że ..., Ławrow dodał"
                        ev.mode = "carry"
            elif rel_ante is not None:
                self._set_np(ev, rel_ante, oblique=True)
            elif subject is not None:
                self._set_np(ev, subject, oblique=False)
            else:
                btok = boundary if boundary >= s.t0 else None
                if btok is not None and kind(btok) == "coord" and prev_events and jak is None:
                    ev.parent = prev_events[-1]
                    ev.mode = "inherit"
                else:
                    after = self._after_subject(s, k)
                    if after is not None:
                        self._set_np(ev, after, oblique=False)
                    else:
                        ev.mode = "carry"
        # ---------------------------------------------------------------- content clause
        self._find_clause(ev, s, k, jak)
        return ev

    def _set_np(self, ev: Event, np: NP, oblique: bool) -> None:
        toks = self.toks
        ev.np = np
        if np.kind == "pron":
            ev.mode = "carry"
            if np.gender:
                ev.gender = np.gender
            return
        if np.kind == "media":
            ev.mode = "media"
            return
        ev.speaker = toks.canonical(np, oblique or not np.nominative)
        ev.speaker_kind = np.kind
        ev.mode = "explicit" if ev.speaker else "carry"
        g = toks.gender_of(np)
        if g and not ev.gender:
            ev.gender = g
        if np.kind == "name" and np.titles:
            self.title_names.setdefault(self._title_key(np), ev.speaker)
        if ev.speaker and self._is_media_string(ev.speaker):
            ev.mode = "media"

    def _title_key(self, np: NP) -> str:
        fake = NP(np.start, np.end, "title", titles=np.titles)
        return self.toks.title_string(fake, True).lower()

    def _is_media_string(self, s: str) -> bool:
        first = s.split()[0]
        for name in self.lex.media_names:
            if s.split()[: len(name)] == list(name):
                return True
        low = first.lower()
        return any(low.startswith(st) for st in self.lex.media_stems) and not first[:1].isupper()

    def _boundary(self, s: _Sent, k: int) -> int:
        """Token index of the clause boundary before token ``k`` (or ``s.t0 - 1``)."""
        toks = self.toks
        kind = toks.kind
        words = toks.words
        q = k - 1
        while q >= s.t0:
            c = kind(q)
            if c in ("comp", "coord", "quoted", "cue"):
                if c == "coord" and q + 1 < k and kind(q + 1) == "name" and q - 1 >= s.t0 and kind(q - 1) == "name":
                    q -= 1  # "Witkoff i Kushner powiedzieli"
                    continue
                return q
            if c == "punct" and words[q] in ":;–—()":
                return q
            q -= 1
        return s.t0 - 1

    def _pick_subject(self, region: list[NP], first: bool = False) -> NP | None:
        cands = [np for np in region if not np.in_pp and not np.in_rel and np.nominative]
        if not cands:
            return None
        if first:
            return cands[0]
        best = cands[-1]
        # apposition: "Peskov, the Kremlin spokesman, said" -> the name
        if best.kind == "title" and len(cands) > 1:
            prev = cands[-2]
            if prev.kind == "name" and self._only_commas_between(prev.end, best.start):
                return prev
        return best

    def _only_commas_between(self, a: int, b: int) -> bool:
        words = self.toks.words
        return all(words[q] == "," for q in range(a, b)) and b > a

    def _relative_antecedent(self, s: _Sent, a: int, k: int, region: list[NP]) -> NP | None:
        toks = self.toks
        kind = toks.kind
        rel = None
        for q in range(k - 1, a - 1, -1):
            if kind(q) == "rel":
                rel = q
                break
        if rel is None:
            return None
        if any(np.start > rel and not np.in_pp and np.nominative for np in region):
            return None
        q = rel - 1
        if q >= s.t0 and toks.words[q] == ",":
            q -= 1
        # the phrase ending right before ", który"
        start = max(s.t0, q - 8)
        nps = [np for np in toks.chunks(start, q + 1) if np.end == q + 1]
        return nps[-1] if nps else None

    def _after_subject(self, s: _Sent, k: int) -> NP | None:
        """Inverted subject: ``powiedział Witkoff``, ``wypowiedział się Witkoff``."""
        toks = self.toks
        kind = toks.kind
        words = toks.words
        stop = k + 1
        while stop < s.t1 and stop - k <= 10:
            c = kind(stop)
            w = words[stop]
            if c in ("comp", "quoted", "cue", "rel", "coord") or (c == "punct" and w in ",.:;!?–—()\"„“”«»"):
                break
            stop += 1
        for np in toks.chunks(k + 1, stop):
            if np.in_pp or np.in_rel:
                continue
            if np.kind == "title" and not np.nominative:
                continue
            if np.kind == "name" and not np.nominative:
                continue
            return np
        return None

    def _impersonal(self, ev: Event, s: _Sent, k: int) -> None:
        """``przekazano``/``podano``: a statement only when an institution is named as the source
        (``W komunikacie Pentagonu podano``)."""
        toks = self.toks
        src = self.toks.fw.get("impersonal_sources", ())
        for np in toks.chunks(s.t0, k):
            if np.kind in ("inst", "name", "title") and np.start > s.t0 and toks.words[np.start - 1].lower() in src:
                self._set_np(ev, np, oblique=True)
                return
        ev.mode = "impersonal"

    def _noun_event(self, si: int, s: _Sent, k: int, cue) -> Event | None:
        toks = self.toks
        kind = toks.kind
        words = toks.words
        ev = Event(k, words[k], "noun")
        ev.flags = cue.flags
        np = None
        if k - 1 >= s.t0 and kind(k - 1) == "possessive":
            ev.mode = "carry"
            ev.gender = dict(p.split("=") for p in toks.fw.get("possessive_gender", ())).get(words[k - 1].lower(), "")
        elif self.lang == "en" and k - 1 >= s.t0 and words[k - 1].endswith(("'s", "’s")):
            nps = [n for n in toks.chunks(max(s.t0, k - 5), k) if n.end == k]
            if not nps:
                return None
            np = nps[-1]
        else:
            q = k + 1
            if self.lang == "en" and q < s.t1 and words[q].lower() == "by":
                q += 1
            np = toks.np_at(q, s.t1) if q < s.t1 else None
            if np is None or np.kind == "pron":
                return None
        if np is not None:
            self._set_np(ev, np, oblique=True)
            after = np.end
        else:
            after = k + 1
        # requires ", że" right after the speaker
        q = after
        if q < s.t1 and words[q] == ",":
            q += 1
        if q < s.t1 and kind(q) == "comp":
            ev.clause_start = self._after_tok(q)
            ev.clause_kind = "comp"
            return ev
        return None

    def _frame_event(self, si: int, s: _Sent, k: int) -> Event | None:
        """``Według X, …`` / ``Zdaniem X …`` / ``W opinii X …`` / ``According to X, …``."""
        toks = self.toks
        words = toks.words
        kind = toks.kind
        w = words[k].lower()
        q = k + 1
        cue_text = words[k]
        if w == "w" or w == "according":
            q = k + 2
            cue_text = self.text[toks.starts[k]:toks.ends[k + 1]]
        ev = Event(k, cue_text, "frame")
        # possessive: "jego zdaniem"
        if w == "zdaniem" and k - 1 >= s.t0 and kind(k - 1) == "possessive":
            ev.mode = "carry"
            ev.gender = dict(p.split("=") for p in toks.fw.get("possessive_gender", ())).get(words[k - 1].lower(), "")
            np_end = k + 1
            head_start = k - 1
        else:
            if q >= s.t1:
                return None
            np = toks.np_at(q, s.t1)
            if np is None:
                return None
            if np.kind == "pron":
                return None
            self._set_np(ev, np, oblique=self.lang == "pl")
            np_end = np.end
            head_start = k
        # where is the frame in its sentence?
        lead = [t for t in range(s.t0, head_start) if kind(t) not in ("punct",)]
        initial = all(kind(t) in ("coord", "stop", "word", "quoted") and toks.words[t][0] != "„" for t in lead) and len(lead) <= 2
        if initial:
            p = np_end
            if p < s.t1 and words[p] == ",":
                p += 1
            if p < s.t1:
                ev.clause_start = toks.starts[p]
                ev.clause_kind = "frame"
                return ev
            return ev
        # trailing: "…, według X."
        rest = [t for t in range(np_end, s.t1) if words[t] not in ".!?"]
        if not rest and head_start > s.t0:
            end_tok = head_start - 1
            while end_tok >= s.t0 and words[end_tok] in ",–—-":
                end_tok -= 1
            if end_tok >= s.t0:
                ev.clause_start = s.start
                ev.trailing_end = toks.ends[end_tok]
                ev.clause_kind = "trailing"
        return ev

    def _after_tok(self, q: int) -> int:
        p = self.toks.ends[q]
        while p < len(self.text) and self.text[p].isspace():
            p += 1
        return p

    def _find_clause(self, ev: Event, s: _Sent, k: int, jak: int | None) -> None:
        toks = self.toks
        kind = toks.kind
        words = toks.words
        if jak is not None:
            lead = [t for t in range(s.t0, jak) if kind(t) != "punct"]
            if len(lead) <= 2:
                # "Jak podkreślił X, <appositions>, CLAUSE"
                p = self._skip_appositions(s, k)
                if p is not None:
                    ev.clause_start = toks.starts[p]
                    ev.clause_kind = "frame"
                return
            # trailing "…, jak podkreślił X."
            q = k + 1
            while q < s.t1 and kind(q) not in ("punct",):
                q += 1
            if q >= s.t1 or words[q] in ".!?":
                end_tok = jak - 1
                while end_tok >= s.t0 and words[end_tok] in ",–—-":
                    end_tok -= 1
                if end_tok >= s.t0:
                    ev.clause_start = s.start
                    ev.trailing_end = toks.ends[end_tok]
                    ev.clause_kind = "trailing"
            return
        commas = 0
        q = k + 1
        while q < s.t1 and q - k <= _MAX_CLAUSE_GAP:
            c = kind(q)
            w = words[q]
            if c == "comp":
                if self.lang == "en" and q == k + 1 and False:
                    break
                ev.clause_start = self._after_tok(q)
                ev.clause_kind = "comp"
                return
            if c == "quoted" or c == "cue":
                return
            if c == "punct":
                if w == ",":
                    commas += 1
                    if commas > 1 and self.lang == "pl":
                        return
                    if self.lang == "en":
                        return
                elif w in ".!?;:–—()\"„“”«»":
                    return
            q += 1
        if self.lang == "en" and "clause" in getattr(ev, "flags", ()):
            self._zero_that(ev, s, k)

    def _zero_that(self, ev: Event, s: _Sent, k: int) -> None:
        """English ``X said the talks were useful`` (no "that")."""
        toks = self.toks
        kind = toks.kind
        words = toks.words
        fw = toks.fw
        q = k + 1
        if "tell" in getattr(ev, "flags", ()):
            # hearer: "told reporters", "told Reuters", "told the BBC"
            if q < s.t1 and kind(q) == "det":
                q += 1
            if q < s.t1 and (words[q].lower() in fw.get("tell_objects", ()) or kind(q) in ("media", "name", "acro", "pron", "inst")):
                q += toks.media_len(q) if kind(q) == "media" else 1
            else:
                return
        # prepositional phrases and time adverbs: "on Tuesday", "in a statement"
        while q < s.t1 and kind(q) == "prep":
            r = q + 1
            while r < s.t1 and kind(r) in ("det", "word", "month", "name", "num", "acro", "media", "inst", "place") and r - q <= 4:
                r += 1
            q = r
            if q < s.t1 and words[q] == ",":
                return
        if q < s.t1 and kind(q) == "comp":
            ev.clause_start = self._after_tok(q)
            ev.clause_kind = "comp"
            return
        if q >= s.t1:
            return
        first = words[q]
        if not (first.lower() in fw.get("clause_start", ()) or first[0].isupper() or first[0].isdigit()):
            return
        if kind(q) in ("quoted", "punct"):
            return
        aux = fw.get("aux", ())
        ok = False
        for r in range(q, min(s.t1, q + 8)):
            lw = words[r].lower()
            if lw in aux or (r > q and (lw.endswith("ed") or (lw.endswith("s") and kind(r) == "word" and r == q + 1))):
                ok = True
                break
            if kind(r) == "punct" and words[r] in ".,;:":
                break
        if ok:
            ev.clause_start = toks.starts[q]
            ev.clause_kind = "zero"

    def _skip_appositions(self, s: _Sent, k: int) -> int | None:
        """After ``Jak przekazał X``: token where the reported clause starts, skipping
        appositions (``, główny ukraiński negocjator,``) and relative clauses."""
        toks = self.toks
        kind = toks.kind
        words = toks.words
        q = k + 1
        # up to the first comma: the speaker phrase
        while q < s.t1 and words[q] != ",":
            if kind(q) == "quoted":
                return None
            q += 1
        while q < s.t1 and words[q] == ",":
            seg_start = q + 1
            r = seg_start
            while r < s.t1 and words[r] != ",":
                r += 1
            seg = range(seg_start, r)
            if not seg:
                return None
            first_kind = kind(seg_start)
            has_title = any(kind(t) == "title" for t in seg)
            has_cue = any(kind(t) == "cue" for t in seg)
            if r < s.t1 and (first_kind == "rel" or (has_title and not has_cue and words[seg_start][0].islower())):
                q = r
                continue
            return seg_start
        return None

    # ------------------------------------------------------------------ stage 3: candidates
    def _quote_candidates(self) -> None:
        text = self.text
        toks = self.toks
        block_spans = [(b.start, b.end) for b in self.blocks]
        bstarts = [b[0] for b in block_spans]
        by_sent: dict[int, list[QSpan]] = {}
        for q in self.quotes:
            k = bisect.bisect_right(bstarts, q.open) - 1
            if k >= 0 and block_spans[k][0] <= q.open < block_spans[k][1]:
                continue  # part of dash speech
            by_sent.setdefault(self._sent_of(q.open), []).append(q)
        for si, qs in by_sent.items():
            s = self.sents[si] if si >= 0 else None
            for n, q in enumerate(qs):
                if s is None:
                    continue
                prev_end = qs[n - 1].close + 1 if n > 0 and qs[n - 1].close >= 0 else (qs[n - 1].end if n > 0 else s.start)
                next_open = qs[n + 1].open if n + 1 < len(qs) else s.end
                self._one_quote(s, q, max(prev_end, s.start), min(next_open, s.end) if q.close >= 0 else q.end)

    def _one_quote(self, s: _Sent, q: QSpan, left: int, right: int) -> None:
        text = self.text
        toks = self.toks
        content = text[q.start:q.end]
        L = text[left:q.open]
        Ls = L.rstrip()
        after = (q.close + 1) if q.close >= 0 else q.end
        R = text[after:right] if right > after else ""
        lt0 = bisect.bisect_left(toks.starts, left)
        lt1 = bisect.bisect_left(toks.starts, q.open)
        rt0 = bisect.bisect_left(toks.starts, after)
        rt1 = bisect.bisect_left(toks.starts, right) if right > after else rt0
        if self._non_statement(q, lt0, lt1, content):
            return
        last = Ls[-1:] if Ls else ""
        only_punct = not any(ch.isalnum() for ch in L)
        starts_upper = content[:1].isupper() or content[:1] in "„\"“«"
        events_left = [e for e in s.events if lt0 <= e.tok < lt1]
        # R-tail attribution: „…” – powiedział X. / "…," he said.
        tail = None
        for e in s.events:
            if rt0 <= e.tok < rt1 and e.tok - rt0 <= 6 and e.cls != "frame":
                between = [toks.kind(t) for t in range(rt0, e.tok)]
                if all(c in ("punct", "name", "pron", "title", "det", "word", "inst", "place", "acro", "stop") for c in between) and not any(c == "quoted" for c in between):
                    if not any(toks.words[t] in ".!?" for t in range(rt0, e.tok)):
                        tail = e
                        break
        colon_np = None
        if last == ":" and not events_left:
            nps = toks.chunks(lt0, lt1)
            if len(nps) == 1 and nps[0].kind in ("name", "title", "inst") and all(toks.kind(t) == "punct" or nps[0].start <= t < nps[0].end for t in range(lt0, lt1)):
                colon_np = nps[0]
        direct = only_punct or last in ":–—" or (last == "," and starts_upper) or (
            events_left and events_left[-1].tok >= lt1 - 4 and starts_upper and last not in (",",)
        ) or colon_np is not None
        if direct and tail is None and events_left and last in (",",) and not starts_upper:
            direct = False
        title_like = _title_like(content)
        if direct:
            ev = None
            if tail is not None and not (title_like and tail.np is None and tail.mode != "inherit"):
                ev = tail
            elif events_left and (last in ":," or events_left[-1].tok >= lt1 - 6):
                ev = events_left[-1]
            if colon_np is not None:
                ev = Event(lt0, "headline" if self._is_headline_par(q.open) else ":", "colon")
                ev.pos = toks.starts[lt0]
                self._set_np(ev, colon_np, oblique=False)
                self.events.append(ev)
            if ev is None:
                if title_like or len(content.split()) < 2 and not content.rstrip().endswith((".", "!", "?", "…")):
                    return
                if not only_punct:
                    return
                self.cands.append(Cand(q.start, q.end, "direct", None, 1, None))
                return
            self.cands.append(Cand(q.start, q.end, "direct", ev, 1, ev.cue))
            return
        # fragment: the nearest attribution in the sentence, before it if any
        if title_like:
            return
        ev = events_left[-1] if events_left else None
        if ev is None:
            before = [e for e in s.events if e.tok < lt0]
            ev = before[-1] if before else None
        if ev is None:
            ev = tail
        if ev is None:
            return
        if ev.cls == "frame" and ev.clause_kind == "" and ev.mode == "media":
            return
        self.cands.append(Cand(q.start, q.end, "fragment", ev, 2, ev.cue))

    def _non_statement(self, q: QSpan, lt0: int, lt1: int, content: str) -> bool:
        """Titles, names, scare quotes: a marker word right before the quotation and no
        active cue verb close before the marker."""
        toks = self.toks
        words = toks.words
        text = self.text
        if not content.strip() or not any(ch.isalpha() for ch in content):
            return True
        # inside parentheses
        before = text[max(0, q.open - 2):q.open].strip()
        if before.endswith("("):
            return True
        prev = [t for t in range(max(0, lt1 - 4), lt1) if words[t][0].isalnum()]
        if not prev:
            return False
        low = [words[t].lower() for t in prev]
        for marker in self.lex.nonquote_markers:
            n = len(marker)
            if n > len(low):
                continue
            tail = low[-n:]
            if all(tail[i].startswith(marker[i]) if len(marker[i]) > 2 else tail[i] == marker[i] for i in range(n)):
                # "nazwał porozumienie „historycznym”": an active cue before the marker wins
                mstart = prev[-n]
                for t in range(max(0, mstart - 3), mstart):
                    if toks.kind(t) == "cue" and self.lex.cues[words[t].lower()].cls not in ("noun", "imps"):
                        return False
                return True
        return False

    def _is_headline_par(self, pos: int) -> bool:
        text = self.text
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        if b == -1:
            b = len(text)
        par = text[a:b].strip()
        return len(par) < 200 and not par.endswith(".")

    def _dash_candidates(self) -> None:
        toks = self.toks
        for b in self.blocks:
            ev = None
            if b.attr_end > b.attr_start:
                for e in self.events:
                    if b.attr_start <= e.pos < b.attr_end:
                        ev = e
                        break
            if ev is not None and ev.cls == "frame":
                ev = None
            self.cands.append(Cand(b.start, b.end, "direct", ev, 1, ev.cue if ev else None))

    def _indirect_candidates(self) -> None:
        text = self.text
        toks = self.toks
        for si, s in enumerate(self.sents):
            for n, ev in enumerate(s.events):
                if ev.clause_start < 0 or ev.mode in ("media", "impersonal"):
                    continue
                if ev.clause_kind == "trailing":
                    start, end = ev.clause_start, ev.trailing_end
                else:
                    start = ev.clause_start
                    end = s.end
                    # cut before a following attribution with its own content
                    for later in s.events[n + 1:]:
                        if later.pos <= start:
                            continue
                        if later.clause_start >= 0 and later.clause_kind in ("comp", "zero") or later.cls == "pcon":
                            end = min(end, self._cut_before(later, s))
                            break
                    # a source tail: " – podaje PAP", ": „quote”"
                    end = min(end, self._source_tail(start, end, s))
                start, end = _trim(text, start, end)
                if end - start < 3:
                    continue
                self.cands.append(Cand(start, end, "indirect", ev, 3, ev.cue))

    def _cut_before(self, ev: Event, s: _Sent) -> int:
        toks = self.toks
        kind = toks.kind
        words = toks.words
        q = ev.tok - 1
        lim = ev.tok - 6
        while q >= s.t0 and q >= lim:
            c = kind(q)
            if words[q] in (",", "–", "—", "-", ";") or c == "coord":
                # include "a Pieskow" style subjects: cut at the coordinator / comma
                while q - 1 >= s.t0 and (words[q - 1] == "," or kind(q - 1) == "coord"):
                    q -= 1
                return toks.starts[q]
            if c not in ("name", "title", "word", "stop", "det", "sie", "pron", "inst", "place", "acro"):
                break
            q -= 1
        return toks.starts[ev.tok]

    def _source_tail(self, start: int, end: int, s: _Sent) -> int:
        text = self.text
        pos = start
        while True:
            m = re.search(r"\s[–—-]\s", text[pos:end])
            if m is None:
                break
            d = pos + m.start() + 1
            if self._is_attribution(d + 1):
                return d
            pos = d + 1
        # ": „…”" — a colon introducing a quotation ends the reported clause
        for q in self.quotes:
            if start < q.open < end:
                k = q.open - 1
                while k > start and text[k].isspace():
                    k -= 1
                if text[k] == ":":
                    return k
        return end

    def _headline_candidates(self) -> None:
        text = self.text
        toks = self.toks
        for a, b in paragraphs(text):
            if b - a > 220:
                continue
            c = text.find(":", a, min(b, a + 90))
            if c == -1:
                continue
            body = text[c + 1:b].strip()
            if not body or body[0] in _QUOTE_OPEN:
                continue
            if any(text[p] in ".!?" for p in range(a, c)):
                continue
            t0 = bisect.bisect_left(toks.starts, a)
            t1 = bisect.bisect_left(toks.starts, c)
            if t0 >= t1:
                continue
            toks.sent_initial.add(t0)
            toks._kind.pop(t0, None)
            nps = toks.chunks(t0, t1)
            if len(nps) != 1 or nps[0].start != t0 or nps[0].end != t1:
                continue
            np = nps[0]
            if np.kind == "inst" and not any(self.lex.places.get(toks.words[t], ("", False))[1] or toks.kind(t) == "acro" for t in np.inst):
                continue  # a place, not a speaker ("Davos: ...")
            if np.kind not in ("name", "title", "inst"):
                continue
            ev = Event(t0, "headline", "colon")
            ev.pos = toks.starts[t0]
            self._set_np(ev, np, oblique=False)
            if ev.mode != "explicit":
                continue
            self.events.append(ev)
            start = c + 1
            while start < b and text[start].isspace():
                start += 1
            self.cands.append(Cand(start, b, "direct", ev, 1, "headline"))

    # ------------------------------------------------------------------ stage 4: select & resolve
    def _select(self) -> list[Cand]:
        order = sorted(self.cands, key=lambda c: (c.prio, c.start, -(c.end - c.start)))
        taken: list[tuple[int, int]] = []
        out = []
        for c in order:
            if c.event is not None and c.event.mode in ("media", "impersonal"):
                continue
            k = bisect.bisect_left(taken, (c.start, -1))
            clash = False
            for j in (k - 1, k):
                if 0 <= j < len(taken):
                    a, b = taken[j]
                    if a < c.end and c.start < b:
                        clash = True
            if clash:
                continue
            bisect.insort(taken, (c.start, c.end))
            out.append(c)
        out.sort(key=lambda c: c.start)
        return out

    def _resolve(self, chosen: list[Cand]) -> list[Quote]:
        text = self.text
        history: list[tuple[int, str, str, str]] = []  # (pos, speaker, gender, kind)
        evs = sorted((e for e in self.events if e.mode == "explicit" and e.speaker), key=lambda e: e.pos)
        hist_pos = [e.pos for e in evs]
        gender_of: dict[str, str] = {}
        for e in evs:
            if e.gender in ("m", "f") and e.speaker_kind == "name":
                gender_of.setdefault(e.speaker, e.gender)

        def carry(pos: int, gender: str) -> str | None:
            k = bisect.bisect_left(hist_pos, pos) - 1
            fallback = None
            while k >= 0:
                e = evs[k]
                g = gender_of.get(e.speaker, e.gender)
                if fallback is None:
                    fallback = e.speaker
                if not gender or not g or g == gender or gender == "pl":
                    return e.speaker
                k -= 1
            return fallback

        def speaker_of(ev: Event | None, pos: int, depth: int = 0) -> str | None:
            if ev is None:
                return carry(pos, "")
            if ev.mode == "explicit":
                return ev.speaker
            if ev.mode == "inherit" and ev.parent is not None and depth < 5:
                return speaker_of(ev.parent, ev.parent.pos, depth + 1)
            return carry(ev.pos, ev.gender)

        fullest = self._fullest_names()
        out: list[Quote] = []
        for c in chosen:
            sp = speaker_of(c.event, c.start)
            sp = self._canonical(sp, fullest)
            cue = c.cue
            out.append(Quote(text[c.start:c.end], sp, c.kind, c.start, c.end, cue))
        return out

    def _canonical(self, sp: str | None, fullest: dict) -> str | None:
        if not sp:
            return None
        if sp.lower() in self.title_names:
            sp = self.title_names[sp.lower()]
        parts = sp.split()
        if parts and parts[-1] in fullest:
            full = fullest[parts[-1]]
            if len(full) > len(parts) and full[-len(parts):] == parts:
                return " ".join(full)
        return sp

    def _fullest_names(self) -> dict[str, list[str]]:
        """Surname -> fullest name form used anywhere in the document."""
        toks = self.toks
        words = toks.words
        best: dict[str, list[str]] = {}
        n = len(words)
        i = 0
        while i < n:
            w = words[i]
            if not w[:1].isupper() or i in toks.quoted:
                i += 1
                continue
            j = i
            run = []
            while j < n and (words[j][:1].isupper() or (run and toks.kind(j) == "particle")) and j not in toks.quoted and toks.starts[j] - (toks.ends[j - 1] if j > i else toks.starts[j]) <= 1:
                if toks.kind(j) == "name" or (run and toks.kind(j) == "particle"):
                    run.append(j)
                elif run:
                    break
                j += 1
            if len(run) >= 2:
                oblique = toks.lang == "pl" and any(toks.name_case(t) == "obl" for t in run)
                lemmas = [toks.name_lemma(t, oblique) for t in run]
                key = lemmas[-1]
                if len(lemmas) > len(best.get(key, [])):
                    best[key] = lemmas
            i = max(j, i + 1)
        return best


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


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
    if not words or len(words) > 8:
        return False
    if not words[0][0].isupper():
        return False
    long_words = [w for w in words if len(w) > 3]
    return all(w[0].isupper() for w in long_words) and (len(words) <= 3 or len(long_words) >= 2)
