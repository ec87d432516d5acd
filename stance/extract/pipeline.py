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
from itertools import compress
from operator import and_

from stance.extract.lexicon import load
from stance.extract.quote import Quote
from stance.extract.segment import QSpan, dash_blocks, paragraphs, scan_quotes, sentences
from stance.extract.morph import analyse as morph_analyse
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
    ref: "Ref | None" = None
    inner: bool = False  # inside another attribution's reported clause


@dataclass
class Ref:
    """A mention of a possible speaker: a person's name, a role, or an institution."""

    pos: int
    speaker: str
    kind: str  # name | title | inst
    gender: str = ""
    head: str = ""  # lemma of the role noun (roles and named people with a role)
    vague: bool = True  # a role without complement ("rzecznik", "francuski minister")
    epithet: bool = False
    mods: tuple = ()  # lowercase words before the role noun
    comp: tuple = ()  # lowercase words after the role noun
    subject: bool = True
    person: str | None = None  # the name attached to a role
    role: str = ""  # the role description of a named person ("minister finansów")
    end: int = 0
    owner: str = ""  # gender of a possessive before a bare role ("Jej rzeczniczka": f)


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
        self._triggers = _triggers(self.lex)
        self._anaphora_lasts = frozenset(p[-1] for p, _w in self.lex.anaphora if p)

    # ------------------------------------------------------------------ stage 1: shapes
    def run(self) -> list[Quote]:
        text = self.text
        toks = self.toks
        self.quotes = self._split_interrupted([q for q in scan_quotes(text) if q.depth == 0])
        self.quotes.sort(key=lambda q: q.open)
        self._quote_opens = [q.open for q in self.quotes]
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
            toks.quoted.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
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
        toks.classify_all()
        triggers = self._triggers
        self._trigger_pos = list(compress(range(len(toks.lows)), map(triggers.__contains__, toks.lows)))
        # paragraph-initial tokens after a dash are also sentence-initial
        self.sent_starts = [s.start for s in self.sents]
        self.toks.vocab = {w for w in set(toks.words) if w[:1].isupper()}  # distinct forms only
        # ------------------------------------------------------------ stage 2: cues
        for si, s in enumerate(self.sents):
            self._sentence_events(si, s)
            # "Podkreślając, że …, minister Kowalczyk zapowiedział": the participle takes the
            # subject of the main clause, which follows it
            for n, ev in enumerate(s.events):
                if ev.cls == "pcon" and ev.mode == "carry" and ev.parent is None and ev.np is None:
                    nxt = next((e for e in s.events[n + 1:] if e.cls in ("praet", "fin", "verb") and e.mode != "media"), None)
                    if nxt is not None:
                        ev.parent = nxt
                        ev.mode = "inherit"
        # attributions inside someone's reported clause ("zaznaczyła, że Kijów przestrzega …")
        # are reported content: their subjects are no antecedents for later omitted subjects
        for s in self.sents:
            for ev in s.events:
                ev.inner = self._outer(ev, s) is not ev
        self._collect_mentions()
        # ------------------------------------------------------------ stage 3: candidates
        self._quote_candidates()
        self._dash_candidates()
        self._indirect_candidates()
        self._headline_candidates()
        # ------------------------------------------------------------ stage 4: resolve
        chosen = self._select()
        return self._resolve(chosen)

    def _split_interrupted(self, quotes: list[QSpan]) -> list[QSpan]:
        """„Nie oddamy – powiedział minister – ani metra”: one quotation per contiguous piece,
        the attribution between the dashes left outside both."""
        text = self.text
        out = []
        for q in quotes:
            m = re.search(r"\s[–—]\s", text[q.start:q.end]) if q.close >= 0 else None
            if m is not None:
                d1 = q.start + m.start() + 1
                m2 = re.search(r"\s[–—]\s", text[d1 + 1:q.end]) if self._is_attribution(d1 + 1) else None
                if m2 is not None:
                    d2 = d1 + 1 + m2.start() + 1
                    e1 = d1
                    while e1 > q.start and text[e1 - 1].isspace():
                        e1 -= 1
                    s2 = d2 + 1
                    while s2 < q.end and text[s2].isspace():
                        s2 += 1
                    if e1 > q.start and s2 < q.end:
                        out.append(QSpan(q.open, q.start, e1, d1, q.char, q.depth))
                        q = QSpan(d2 + 1, s2, q.end, q.close, q.char, q.depth)
            out.append(q)
        return out

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
        tp = self._trigger_pos  # tokens that are cue or frame words: no event starts elsewhere
        for n in range(bisect.bisect_left(tp, s.t0), bisect.bisect_left(tp, s.t1)):
            k = tp[n]
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
            if self._anaphora_before(boundary + 1, k):
                ev.mode = "last"
                self._find_clause(ev, s, k, jak)
                return ev
            rel_ante = self._relative_antecedent(s, boundary + 1, k, region)
            if cls == "pcon" and subject is not None and boundary >= s.t0 and kind(boundary) == "cue" and words[k - 1] == "," and self.lex.cues[toks.lows[boundary]].cls != "noun":
                subject = None  # "he told Reuters, adding that": the verb's hearer, not the subject
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
                    ev.parent = self._outer(prev_events[-1], s)
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
        if ev.speaker:
            ev.ref = self._ref(np, oblique or not np.nominative, ev.speaker)
        ev.mode = "explicit" if ev.speaker else "carry"
        if ev.ref is not None and ev.gender in ("m", "f") and ev.ref.kind in ("title", "name") and self.lang == "pl":
            ev.ref.gender = ev.gender  # "odpowiedziała premier Czech": a woman, whatever the noun's gender
        g = toks.gender_of(np)
        if g and not ev.gender:
            ev.gender = g
        if ev.speaker and self._is_media_string(ev.speaker):
            ev.mode = "media"

    def _title_key(self, np: NP) -> str:
        fake = NP(np.start, np.end, "title", titles=np.titles)
        return self.toks.title_string(fake, True).lower()

    def _is_media_string(self, s: str) -> bool:
        parts = s.split()
        first = parts[0]
        lex = self.lex
        for n in lex.media_name_lens:
            if tuple(parts[:n]) in lex.media_name_set:
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

    def _anaphora_before(self, a: int, k: int) -> bool:
        """"The latter said", "ten ostatni dodał": a phrase from ``anaphora.txt`` right before the cue
        (adverbs such as "afterwards" may sit between)."""
        lows = self.toks.lows
        lasts = self._anaphora_lasts
        if not any(lows[q] in lasts for q in range(max(a, k - 3), k)):
            return False
        words = lows[max(a, k - 6):k]
        for phrase, _which in self.lex.anaphora:
            n = len(phrase)
            for off in range(0, 3):
                end = len(words) - off
                if end - n >= 0 and tuple(words[end - n:end]) == phrase:
                    return True
        return False

    def _pick_subject(self, region: list[NP], first: bool = False) -> NP | None:
        cands = [np for np in region if not np.in_pp and not np.in_rel and np.nominative]
        if not cands:
            return None
        if first:
            return cands[0]
        if self.lang == "en":
            best = cands[0]
            last = cands[-1]
            k = last.end
            while k < len(self.toks.words) and self.toks.kind(k) == "word" and self.toks.words[k].endswith("ly") and k - last.end < 2:
                k += 1
            if last is not best and k < len(self.toks.words) and self.toks.kind(k) == "cue" and not self._only_commas_between(best.end, last.start):
                return last  # "EU adopts new sanctions, Kremlin calls it": the one right before the verb
            # apposition: "A Commission spokeswoman, Henrike Vollmer, said" -> the name
            words = self.toks.words
            if best.kind == "title" and len(cands) > 1 and cands[1].kind == "name" and words[cands[1].start - 1] == "," and (cands[1].end >= len(words) or words[cands[1].end] in (",", "(")):
                return cands[1]
            return best
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
        for np in toks.chunks(s.t0, k) + toks.chunks(k + 1, min(s.t1, k + 6)):
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
            after = max(np.end, k + 1)  # "Ridgeway's announcement that": after the noun
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
            pron = dict(p.split("=") for p in toks.fw.get("pron_oblique", ()))
            if np is None and toks.lows[q] in pron and (kind(q) != "possessive" or q + 1 >= s.t1 or kind(q + 1) == "punct"):
                ev.mode = "carry"  # "Według niej …": the person meant before
                ev.gender = pron[toks.lows[q]]
                np_end = q + 1
            elif np is None or np.kind == "pron":
                return None
            else:
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
            if jak - 1 >= s.t0 and words[jak - 1] in ("–", "—") and q + 1 < s.t1 and words[q] in ("–", "—"):
                # parenthetical "…, ale – jak zaznaczył – CLAUSE": the clause after the second dash
                ev.clause_start = toks.starts[q + 1]
                ev.clause_kind = "frame"
                return
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
            if c == "comp" or (self.lang == "pl" and w.lower() in self.toks.fw.get("comp_directive", ()) and q > k + 1 and words[q - 1] == ","):
                # "powiedział, że …"; "zaapelował do delegacji, by …"
                ev.clause_start = self._after_tok(q)
                ev.clause_kind = "comp"
                return
            if c == "cue" and self._pp_noun_cue(q, k):
                q += 1
                continue  # "said in a statement that"
            if c == "quoted" or c == "cue":
                if c == "cue" and self.lang == "en":
                    break  # "said the pipeline could … if financing was agreed": no "that", maybe a bare clause
                return
            if c == "punct":
                if w == ",":
                    commas += 1
                    if commas > 1 and self.lang == "pl":
                        return
                    if self.lang == "en":
                        break
                elif w in ".!?;:–—()\"„“”«»":
                    if self.lang == "en":
                        break
                    return
            q += 1
        if self.lang == "en" and "clause" in getattr(ev, "flags", ()):
            self._zero_that(ev, s, k)
            if ev.clause_start < 0:
                self._clause_before(ev, s, k)

    def _clause_before(self, ev: Event, s: _Sent, k: int) -> None:
        """English ``Turkey is ready to host talks, Energy Minister X said on Tuesday.``: a
        reported clause before the comma, then the speaker and the verb, then only adverbials."""
        toks = self.toks
        kind, words = toks.kind, toks.words
        np = ev.np
        if np is not None and np.end == k:
            comma = np.start - 1  # "…, the Polish government said", "…, he said"
            after = k + 1
        elif np is None or np.start > k:
            comma = k - 1  # "…, said Karabağlı"
            after = np.end if np is not None else k + 1
        else:
            return
        if comma <= s.t0 or words[comma] != ",":
            return
        # after the verb: the sentence end, a comma, or an adverbial phrase
        if after < s.t1 and not (words[after] in ".,!?" or kind(after) == "prep"):
            return
        for q in range(after, s.t1):
            c = kind(q)
            if c in ("comp", "quoted") or words[q] == ":":
                return
            if words[q] == ",":
                break
        lead = range(s.t0, comma)
        if len(lead) < 5 or any(kind(t) in ("quoted", "comp") for t in lead) or any(e.clause_start >= 0 for e in s.events):
            return
        aux = toks.fw.get("aux", frozenset()) | toks.fw.get("finite", frozenset())
        if not any(toks.lows[t] in aux or (toks.lows[t].endswith("ed") and kind(t) == "word") for t in lead):
            return  # no finite verb: a topic ("In Brussels on Tuesday, …"), not a clause
        ev.clause_start = s.start
        ev.trailing_end = toks.ends[comma - 1]
        ev.clause_kind = "trailing"

    def _pp_noun_cue(self, q: int, k: int) -> bool:
        """Token ``q`` is a cue noun inside a prepositional phrase right after the verb ``k``
        ("said in a statement", "powiedział w oświadczeniu"): part of the verb's complement."""
        toks = self.toks
        cue = self.lex.cues.get(toks.lows[q])
        if cue is None or cue.cls != "noun":
            return False
        r = q - 1
        while r > k and toks.kind(r) in ("det", "word", "possessive"):
            r -= 1
        return r > k and toks.kind(r) == "prep"

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
        aux = fw.get("aux", frozenset()) | fw.get("finite", frozenset())
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
            if rt0 <= e.tok < rt1 and e.tok - rt0 <= 10 and e.cls != "frame":
                between = [toks.kind(t) for t in range(rt0, e.tok)]
                if all(c in ("punct", "name", "pron", "title", "det", "word", "inst", "place", "acro", "stop", "tword", "cap", "particle") for c in between) and not any(c == "quoted" for c in between):
                    if not any(toks.words[t] in ".!?" for t in range(rt0, e.tok)):
                        tail = e
                        break
        if tail is None and q.close >= 0 and not R.strip():
            # „….” – mówił X.: the sentence ended inside the marks; the attribution opens the next one
            si = self._sent_of(s.start)
            nxt = self.sents[si + 1] if 0 <= si + 1 < len(self.sents) else None
            if nxt is not None and nxt.t0 < nxt.t1 and toks.words[nxt.t0] in ("–", "—") and not self.text[after:nxt.start].count("\n"):
                tail = next((e for e in nxt.events if e.tok - nxt.t0 <= 3 and e.cls != "frame"), None)
        colon_np = None
        if last == ":" and not events_left:
            nps = toks.chunks(lt0, lt1)
            if len(nps) == 1 and nps[0].kind in ("name", "title", "inst") and all(toks.kind(t) == "punct" or nps[0].start <= t < nps[0].end for t in range(lt0, lt1)):
                colon_np = nps[0]
        if only_punct and last == "," and content[:1].islower() and left > s.start:
            only_punct = False  # ", "a historic mistake"" after an earlier quotation: a fragment
        direct = only_punct or last in ":–—" or (last == "," and starts_upper) or (
            events_left and events_left[-1].tok >= lt1 - 4 and starts_upper and last not in (",",)
        ) or colon_np is not None
        if direct and tail is None and events_left and last in (",",) and not starts_upper:
            direct = False
        title_like = _title_like(content)
        if direct and title_like and not only_punct and last not in ":–—" and colon_np is None and tail is None:
            direct = False
        if direct:
            ev = None
            if tail is not None and not (title_like and tail.np is None and tail.mode != "inherit"):
                ev = tail
            elif events_left and (last in ":," or events_left[-1].tok >= lt1 - 6 or (last in "–—" and text[q.open] not in _QUOTE_OPEN)):
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
        ev = self._outer(ev, s)
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
        prev = [t for t in range(max(0, lt0, lt1 - 4), lt1) if words[t][0].isalnum()]  # within the sentence
        if not prev:
            return False
        low = [words[t].lower() for t in prev]
        for marker in self._markers_ending(low[-1]):
            n = len(marker)
            if n > len(low):
                continue
            tail = low[-n:]
            if all(_marker_word(tail[i], marker[i], self.lang) for i in range(n)):
                # "nazwał porozumienie „historycznym”": an active cue before the marker wins
                mstart = prev[-n]
                if marker in self.lex.nonquote_strict or (words[mstart][:1].isupper() and mstart not in toks.sent_initial):
                    return True  # "in what Kyiv called Operation "Sea Gate"": the marker is part of the name
                for t in range(max(0, mstart - 3), mstart):
                    if toks.kind(t) == "cue" and self.lex.cues[words[t].lower()].cls not in ("noun", "imps"):
                        return False
                return True
        return False

    def _markers_ending(self, last: str) -> list:
        """Non-quote markers whose last word may match ``last``, in lexicon order."""
        lex = self.lex
        found = list(lex.nonquote_exact.get(last, ()))
        pref = lex.nonquote_prefix
        if self.lang == "en":
            for key in {last, last[:-1], last[:-2]}:
                found.extend(m for m in pref.get(key, ()) if _marker_word(last, m[1][-1], "en"))
        else:
            for n in range(3, len(last) + 1):
                got = pref.get(last[:n])
                if got:
                    found.extend(got)
        if len(found) > 1:
            found.sort()
        return [m for _o, m in found]

    def _is_headline_par(self, pos: int) -> bool:
        text = self.text
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        if b == -1:
            b = len(text)
        par = text[a:b].strip()
        return len(par) < 200 and not par.endswith(".")

    def _dash_candidates(self) -> None:
        # events by position (bisect), keeping list order among those in one attribution
        order = sorted(range(len(self.events)), key=lambda n: self.events[n].pos)
        poss = [self.events[n].pos for n in order]
        for b in self.blocks:
            ev = None
            if b.attr_end > b.attr_start:
                lo, hi = bisect.bisect_left(poss, b.attr_start), bisect.bisect_left(poss, b.attr_end)
                if lo < hi:
                    ev = self.events[min(order[lo:hi])]
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
                        if later.clause_start >= 0 and later.clause_kind in ("comp", "zero") or self._parenthetical(later, s) or later.cls == "pcon" or (ev.cls == "pcon" and later is ev.parent) or self._coordinated(later, s):
                            end = min(end, self._cut_before(later, s))
                            break
                    # a source tail: " – podaje PAP", ": „quote”"
                    end = min(end, self._source_tail(start, end, s))
                start, end = _trim(text, start, end)
                if end - start < 3:
                    continue
                self.cands.append(Cand(start, end, "indirect", ev, 3, ev.cue))

    def _outer(self, ev: Event, s: _Sent) -> Event:
        """The attribution whose reported clause holds ``ev`` ("said that the EU welcomed "…"":
        the quoted words are the speaker's, not the EU's), or ``ev`` itself."""
        if self._coordinated(ev, s):
            return ev  # ", and called …": a predicate of its own
        for e in s.events:
            if e is ev or e.pos >= ev.pos:
                break
            if e.clause_kind in ("comp", "zero") and 0 <= e.clause_start <= ev.pos and e.mode not in ("media", "impersonal"):
                return e
        return ev

    def _parenthetical(self, ev: Event, s: _Sent) -> bool:
        """``– jak zaznaczył –`` inside a sentence: its own clause follows the second dash."""
        if ev.clause_kind != "frame" or ev.clause_start < 0:
            return False
        q = ev.tok - 1
        while q >= s.t0 and self.toks.kind(q) == "word" and ev.tok - q <= 3:
            q -= 1
        return q >= s.t0 and self.toks.words[q] in ("–", "—")

    def _coordinated(self, ev: Event, s: _Sent) -> bool:
        """A cue verb right after ", and" / ", i" sharing the subject ("argued that …, and called
        the plan "…""): a new predicate, so an earlier reported clause ends before it."""
        toks = self.toks
        k = ev.tok
        return (ev.mode == "inherit" and ev.cls in ("verb", "praet", "fin") and k - 2 >= s.t0
                and toks.kind(k - 1) == "coord" and toks.words[k - 2] == ",")

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
        if self.lang == "en" and ev.inner:
            return s.end  # "said she still believed a compromise …": embedded, the clause goes on
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
        opens = self._quote_opens
        for qi in range(bisect.bisect_right(opens, start), bisect.bisect_left(opens, end)):
            q = self.quotes[qi]
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
            # "Kolejarze zapowiadają strajk. Stelmaszyk: Nie ustąpimy": the part after the last sentence end
            for p in range(c - 1, a, -1):
                if text[p] in ".!?" and text[p + 1] == " ":
                    a = p + 2
                    break
            t0 = bisect.bisect_left(toks.starts, a)
            t1 = bisect.bisect_left(toks.starts, c)
            if t0 >= t1:
                continue
            toks.sent_initial.add(t0)
            toks.forget(t0)
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

    # ------------------------------------------------------------------ mentions and entities
    def _ref(self, np: NP, oblique: bool, speaker: str | None = None) -> Ref | None:
        toks = self.toks
        if speaker is None:
            speaker = toks.canonical(np, oblique)
        if not speaker:
            return None
        pos = toks.starts[np.start]
        ref = Ref(pos, speaker, np.kind, end=toks.ends[np.end - 1])
        ref.gender = self._np_gender(np)
        if np.titles:
            head = toks._head(np)
            w = toks.words[head].lower()
            info = self.lex.titles.get(w)
            ref.head = info[0] if info else w
            if self.lang == "en" and ref.head.endswith("s") and ref.head[:-1] in self.lex.titles:
                ref.head = ref.head[:-1]
            ref.epithet = bool(info and len(info) > 3 and info[3])
            ref.mods = tuple(toks.words[t].lower() for t in np.titles if t < head and toks.words[t][0].isalnum())
            ref.comp = tuple(toks.words[t].lower() for t in np.titles if t > head and toks.words[t][0].isalnum())
            ref.vague = not ref.comp
            if self.lang == "pl" and np.kind == "title" and ref.vague and np.start > 0 and toks.kind(np.start - 1) == "possessive":
                owners = dict(p.split("=") for p in toks.fw.get("possessive_gender", ()))
                ref.owner = owners.get(toks.lows[np.start - 1], "")
            if np.kind == "name":
                ref.person = " ".join(toks.name_lemma(t, oblique) for t in np.names if toks.kind(t) != "punct")
                role = NP(np.start, np.titles[-1] + 1, "title", titles=np.titles)
                ref.speaker = ref.person
                ref.role = toks.title_string(role, oblique)
        return ref

    def _np_gender(self, np: NP) -> str:
        if np.kind == "name" and np.names:
            first = self.toks.words[np.names[0]]
            gs = set()
            for _l, tag, q in morph_analyse(first):
                if "imię" in q and tag.startswith("subst"):
                    parts = tag.split(":")
                    if len(parts) > 3:
                        gs.add("f" if parts[3] == "f" else "m")
            if len(gs) == 1:
                return gs.pop()
        g = self.toks.gender_of(np)
        if g:
            return g
        if np.kind == "title" and self.lang == "en":
            w = self.toks.words[self.toks._head(np)].lower()
            if w.endswith("woman"):
                return "f"
            if w.endswith("man"):
                return "m"
        return ""

    def _collect_mentions(self) -> None:
        """Every speaker-like phrase outside quotations: subjects (for omitted subjects and
        pronouns), names (for fullest forms and "the latter"), roles linked to names."""
        toks = self.toks
        self.mentions: list[Ref] = []
        self.role_links: list[Ref] = []  # refs with head and person
        self.content_names: list[Ref] = []  # full names met inside reported clauses
        kinds, words = toks._kinds, toks.words
        # tokens that start two name words in a row: the only places a full name can begin, found
        # once here instead of walking every token of every reported clause
        is_name = list(map("name".__eq__, kinds))
        pairs = list(compress(range(len(kinds) - 1), map(and_, is_name, is_name[1:])))
        for s in self.sents:
            # only the main clause: what follows "że"/"that" or a colon is reported content
            t1 = s.t1
            for seq, item in ((kinds, "comp"), (words, ":")):
                try:
                    t1 = min(t1, seq.index(item, s.t0, t1))
                except ValueError:
                    pass
            nps = [np for np in toks.chunks(s.t0, t1) if np.kind in ("name", "title", "inst")]
            if t1 < s.t1:
                # names inside the reported content count for the fullest form ("her deputy, Thomas
                # Whitcombe, would fly" -> later "Whitcombe" is "Thomas Whitcombe"), not as subjects
                for n in range(bisect.bisect_left(pairs, t1), bisect.bisect_left(pairs, s.t1 - 1)):
                    k = pairs[n]
                    # only runs of two or more name words ("Thomas Whitcombe") can be a full name
                    if k > t1 and kinds[k - 1] == "name":
                        continue
                    np = toks.np_at(k, s.t1)
                    if np is None or np.kind != "name" or len(np.names) < 2:
                        continue
                    oblique = self.lang == "pl" and (toks.name_case(np.names[-1]) == "obl" or kinds[k - 1] == "prep")
                    r = self._ref(np, oblique)
                    if r is not None and r.kind == "name":
                        self.content_names.append(r)
            first_subject = True
            prev = None
            for np in nps:
                ref = self._ref(np, not np.nominative or (np.in_pp and self.lang == "pl"))
                if ref is None:
                    continue
                ref.subject = not np.in_pp and not np.in_rel and np.nominative
                if np.start == s.t0 and np.kind == "name" and not np.in_pp:
                    ref.subject = True  # a sentence-initial name is the topic ("Borowcowi nie podoba się")
                if ref.subject and not first_subject and self.lang == "en":
                    ref.subject = False  # English: the subject comes first
                if ref.subject:
                    first_subject = False
                # apposition: "the fisheries minister, Alasdair Craigmyle," / "Sandrine Malaterre, secretary general"
                if prev is not None and self._only_commas_between(prev[0].end, np.start):
                    pn, pr = prev
                    if pr.kind == "title" and ref.kind == "name" and not pr.person:
                        pr.person = ref.speaker
                        self.role_links.append(pr)
                        ref.subject = ref.subject or pr.subject
                    elif pr.kind == "name" and ref.kind == "title" and not ref.person:
                        ref.person = pr.speaker
                        self.role_links.append(ref)
                if ref.kind == "name" and ref.person and ref.head:
                    self.role_links.append(ref)
                self.mentions.append(ref)
                prev = (np, ref)
        linked = {id(r) for r in self.role_links}
        for ev in self.events:
            if ev.ref is not None and ev.ref.kind == "name" and ev.ref.head and id(ev.ref) not in linked:
                self.role_links.append(ev.ref)
        self.mentions.sort(key=lambda r: r.pos)
        self.role_links.sort(key=lambda r: r.pos)
        self._mention_pos = [m.pos for m in self.mentions]
        self._links_by_head: dict[str, list[Ref]] = {}
        for r in self.role_links:
            if r.head and r.person:
                self._links_by_head.setdefault(r.head, []).append(r)
        self._roles_by_head: dict[str, list[Ref]] = {}
        for m in self.mentions:
            if m.kind == "title" and not m.person and m.head and (not m.vague or any(len(w) > 2 and w not in ("the", "a", "an") for w in m.mods)):
                self._roles_by_head.setdefault(m.head, []).append(m)
        self._inst_full: dict[tuple, str] = {}
        for m in self.mentions:
            if m.kind == "inst" and m.speaker[:1].isupper():
                mp = tuple(m.speaker.split())
                for n in range(1, min(len(mp), 4)):
                    key = mp[-n:]
                    if len(mp) > len(self._inst_full.get(key, "").split()):
                        self._inst_full[key] = m.speaker
        self._name_cache: dict[str, str] = {}

    def _full_names(self) -> list[list[str]]:
        seen, out = set(), []
        refs = [r for r in self.mentions if r.kind == "name"] + [e.ref for e in self.events if e.ref is not None and e.ref.kind == "name"]
        for r in self.content_names:
            r.subject = False
        refs += self.content_names
        rank = {}
        for r in refs:
            parts = r.speaker.split()
            key = tuple(parts)
            if len(parts) >= 2 and key not in seen:
                seen.add(key)
                out.append(parts)
            if len(parts) >= 2:
                rank[key] = min(rank.get(key, 1), 0 if r.subject else 1)
        out.sort(key=lambda p: (-len(p), rank.get(tuple(p), 1)))  # fullest first, nominative subjects first
        return out

    def _canon_name(self, sp: str) -> str:
        got = self._name_cache.get(sp)
        if got is None:
            got = self._name_cache[sp] = self._canon_name_uncached(sp)
        return got

    def _canon_name_uncached(self, sp: str) -> str:
        parts = sp.split()
        if not parts:
            return sp
        n = len(parts)
        best = None
        for full in self._fulls:
            if len(full) <= n:
                if len(full) == n and full != parts and full[:-1] == parts[:-1] and _stem_eq(parts[-1], full[-1]):
                    return " ".join(full)
                continue
            tail = full[-n:]
            if tail == parts:
                best = full
            elif tail[:-1] == parts[:-1] and (tail[-1].split("-")[0] == parts[-1] or _stem_eq(parts[-1], tail[-1]) or _stem_eq(parts[-1], tail[-1].split("-")[0])):
                best = full
            elif n == 1 and full[0] == parts[0] and not any(f[-1] == parts[0] for f in self._fulls):
                best = full  # "Lin" -> "Lin Cheng-hao", "Liang" -> "Liang Weiming"
            if best is not None:
                break
        return " ".join(best) if best else sp

    def _canon_inst(self, sp: str) -> str:
        """An institution by its fullest name in the document ("Commission" -> "European
        Commission"; an acronym introduced in parentheses -> the name before it)."""
        if sp in self._aliases:
            return self._aliases[sp]
        parts = sp.split()
        if len(parts) == 1:
            person = self._canon_name(sp)
            if person != sp:
                return person  # a surname read as a common or place noun ("Kuleszy", "Lin")
        full = self._inst_full.get(tuple(parts))
        return full if full and len(full.split()) > len(parts) else sp

    def _inst_aliases(self) -> dict:
        toks = self.toks
        out = {}
        for m in self.mentions:
            if m.kind != "inst":
                continue
            k = bisect.bisect_left(toks.starts, m.end)
            if k + 2 < len(toks.words) and toks.words[k] == "(" and toks.words[k + 2] == ")" and toks.kind(k + 1) == "acro":
                out.setdefault(toks.words[k + 1], m.speaker)
        return out

    def _compatible(self, ref: Ref, other: Ref) -> bool:
        """May ``ref`` (a role) be the same speaker as ``other`` (a role or a named role)?

        Every modifier of ``ref`` (but articles and short words) must share its first four
        letters with some word of ``other`` (modifiers, complement, person); a role with a
        complement must also share the first three letters of each complement word."""
        if not ref.head or ref.head != other.head:
            return False
        mods4, comp3, _t, _c = self._compat_keys(ref)
        _m, _c, theirs4, their_comp3 = self._compat_keys(other)
        if not mods4 <= theirs4:
            return False
        if ref.vague:
            return True
        return bool(comp3) and comp3 <= their_comp3

    def _compat_keys(self, ref: Ref) -> tuple:
        """The letter prefixes ``_compatible`` compares, as sets, computed once per ref: it is
        called for up to ``_LOOKBACK`` links per resolved role (refs are final by then)."""
        got = self._compat_cache.get(id(ref))
        if got is None or got[0] is not ref:
            theirs = ref.mods + ref.comp + tuple(w.lower() for w in (ref.person or "").split())
            keys = (frozenset(m[:4] for m in ref.mods if m not in ("the", "a", "an") and len(m) >= 3),
                    frozenset(c[:3] for c in ref.comp if len(c) > 2),
                    frozenset(w[:4] for w in theirs),
                    frozenset(w[:3] for w in ref.comp))
            got = self._compat_cache[id(ref)] = (ref, keys)
        return got[1]

    def _canon_ref(self, ref: Ref | None, pos: int) -> str | None:
        """The canonical speaker a mention stands for; memoised per (ref, pos), since the
        mentions, links and genders it reads are final once ``_resolve`` starts."""
        if ref is None:
            return None
        key = (id(ref), pos)
        got = self._canon_cache.get(key)
        if got is None or got[0] is not ref:
            got = self._canon_cache[key] = (ref, self._canon_ref_uncached(ref, pos))
        return got[1]

    def _canon_ref_uncached(self, ref: Ref, pos: int) -> str | None:
        if ref.kind == "name":
            return self._canon_name(ref.speaker)
        if ref.kind == "inst":
            return self._canon_inst(ref.speaker)
        if ref.kind != "title":
            return ref.speaker
        if ref.person:
            return self._canon_name(ref.person)
        if ref.owner:
            owner = self._owner(ref)
            if owner:
                return owner
        if ref.epithet and ref.vague:
            k = bisect.bisect_left(self._mention_pos, pos) - 1
            stop = max(-1, k - _LOOKBACK)
            while k > stop:
                m = self.mentions[k]
                if m.kind == "name" and m.subject and _gender_ok(self._gender(m), ref.gender):
                    return self._canon_name(m.speaker)
                k -= 1
            return ref.speaker
        links = self._links_by_head.get(ref.head, ())
        k = bisect.bisect_left(_PosView(links), pos)
        for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
            if self._compatible(ref, links[j]):
                return self._canon_name(links[j].person)
        if ref.vague:
            for j in range(k, min(len(links), k + _LOOKBACK)):
                if self._compatible(ref, links[j]):
                    return self._canon_name(links[j].person)
        for m in self._roles_by_head.get(ref.head, ())[:_LOOKBACK]:
            if m.pos >= ref.pos:
                break
            if m is not ref and self._compatible(ref, m):
                return m.speaker
        return ref.speaker

    def _owner(self, ref: Ref) -> str | None:
        """"Jej rzeczniczka" after "Komisja Europejska zaapelowała": the role of the institution
        the possessive points to, with the institution in the genitive ("rzeczniczka Komisji
        Europejskiej"). The nearest earlier institution of the possessive's gender, in the
        previous two sentences."""
        from stance.extract.morph import genitive, noun_gender

        si = self._sent_of(ref.pos)
        lo = self.sents[max(0, si - 2)].start if si >= 0 else 0
        k = bisect.bisect_left(self._mention_pos, ref.pos) - 1
        while k >= 0 and self.mentions[k].pos >= lo:
            m = self.mentions[k]
            k -= 1
            if m.kind != "inst" or not m.speaker[:1].isupper():
                continue
            words = m.speaker.split()
            g = noun_gender(words[0])
            if not g or (ref.owner == "f") != (g == "f") or ref.owner == "pl":
                continue
            out = [genitive(words[0])]
            agree = True
            for w in words[1:]:
                if agree and self._adj_form(w):
                    out.append(genitive(w, g))
                else:
                    agree = False
                    out.append(w)
            return f"{ref.speaker} {' '.join(out)}"
        return None

    @staticmethod
    def _adj_form(w: str) -> bool:
        return any(tag.startswith("adj:") and ":nom:" in tag for _l, tag, _q in morph_analyse(w.lower()))

    def _gender(self, ref: Ref) -> str:
        return ref.gender or self._gender_of.get(ref.speaker, "")

    def _resolve(self, chosen: list[Cand]) -> list[Quote]:
        text = self.text
        self._fulls = self._full_names()
        self._aliases = self._inst_aliases()
        self._compat_cache: dict = {}  # id(ref) -> (ref, prefix sets), see _compat_keys
        self._canon_cache: dict = {}  # (id(ref), pos) -> (ref, speaker), see _canon_ref
        evs = sorted((e for e in self.events if e.mode == "explicit" and e.ref is not None), key=lambda e: e.pos)
        self._gender_of = gender_of = {}
        for e in evs:
            if e.gender in ("m", "f") and e.ref.kind == "name":
                gender_of.setdefault(e.ref.speaker, e.gender)
                gender_of.setdefault(self._canon_name(e.ref.speaker), e.gender)
        history = sorted([e.ref for e in evs if not e.inner] + [m for m in self.mentions if m.subject], key=lambda r: r.pos)
        hist_pos = [r.pos for r in history]

        def carry(pos: int, gender: str) -> str | None:
            k = bisect.bisect_left(hist_pos, pos) - 1
            fallback = None
            stop = max(-1, k - _LOOKBACK)
            while k > stop:
                r = history[k]
                g = self._gender(r) or gender_of.get(self._canon_name(r.speaker) if r.kind == "name" else r.speaker, "")
                if fallback is None:
                    fallback = r
                if _gender_ok(g, gender):
                    return self._canon_ref(r, r.pos)
                k -= 1
            return self._canon_ref(fallback, fallback.pos) if fallback else None

        speakers = {self._canon_name(e.ref.speaker) for e in evs if e.ref.kind == "name"}

        def last_named(pos: int) -> str | None:
            k = bisect.bisect_left(self._mention_pos, pos)
            for m in reversed(self.mentions[max(0, k - _LOOKBACK):k]):
                if m.kind == "name" or m.person:
                    name = self._canon_name(m.person or m.speaker)
                    if m.person or len(name.split()) > 1 or name in speakers:
                        return name
            return None

        def speaker_of(ev: Event | None, pos: int, depth: int = 0) -> str | None:
            if ev is None:
                return carry(pos, "")
            if ev.mode == "explicit":
                return self._canon_ref(ev.ref, ev.pos) if ev.ref is not None else ev.speaker
            if ev.mode == "last":
                return last_named(ev.pos)
            if ev.mode == "inherit" and ev.parent is not None and depth < 5:
                return speaker_of(ev.parent, ev.parent.pos, depth + 1)
            return carry(ev.pos, ev.gender)

        # "The last named said …": the person it resolves to is the subject later pronouns carry
        named = [Ref(e.pos, name, "name") for e in self.events if e.mode == "last" for name in (last_named(e.pos),) if name]
        if named:
            history[:] = sorted(history + named, key=lambda r: r.pos)
            hist_pos[:] = [r.pos for r in history]
        out: list[Quote] = []
        for c in chosen:
            sp = speaker_of(c.event, c.start)
            out.append(Quote(text[c.start:c.end], sp, c.kind, c.start, c.end, c.cue))
        # the recursive closure refers to itself (and through ``self`` to the whole document):
        # break that cycle so the document is freed at once, not by a later cyclic collection
        del speaker_of
        return out


_TRIGGERS: dict = {}


def _triggers(lex) -> frozenset:
    """Lowercase words at which ``_sentence_events`` may find an event: cue forms, frame words."""
    got = _TRIGGERS.get(lex.lang)
    if got is None:
        got = _TRIGGERS[lex.lang] = frozenset(lex.cues) | {"według", "zdaniem", "w", "according"}
    return got


_LOOKBACK = 200  # mentions searched back for an antecedent: bounded, so long texts stay linear


class _PosView:
    """A read-only sequence of the ``pos`` of refs, for bisect without a copy."""

    def __init__(self, refs):
        self.refs = refs

    def __len__(self):
        return len(self.refs)

    def __getitem__(self, i):
        return self.refs[i].pos


def _marker_word(word: str, marker: str, lang: str) -> bool:
    """A word matches a non-quote marker word: Polish by prefix (inflection: "książk" covers
    "książce"), English as the word or its plural ("ship", "ships", never "shipping")."""
    if len(marker) <= 2:
        return word == marker
    if lang == "en":
        return word == marker or word == marker + "s" or word == marker + "es"
    return word.startswith(marker)


def _gender_ok(g: str, want: str) -> bool:
    return not want or not g or g == want or want == "pl"


def _stem_eq(a: str, b: str) -> bool:
    """Two inflected forms of one surname ("Melnyczenki"/"Melnyczenko", "Kuleszy"/"Kulesza")."""
    if a == b or not a[:1].isupper() or not b[:1].isupper():
        return False
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


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
