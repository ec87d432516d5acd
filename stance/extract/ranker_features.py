"""The speaker ranker's candidates and their features (``ranker.py`` scores them).

For each selected statement: the rules' answer, the speakers of the cue events near it (the
cue's grammatical subject as the rules resolve it), the names, roles, institutions and
anonymous-source descriptions of the main clauses (and full names inside reported clauses)
from the previous paragraph to the sentence after it, the antecedent a pronoun would take
(``carry``), "the latter" (``last_named``), the previous statement's speaker and the
article's most-mentioned people; each resolved to its canonical name by coreference and
merged by ``scoring.norm_speaker``. A candidate's features are ``FEATURES``: all but four
are yes/no (kept as bits: one mention saying yes is enough), the four real ones keep their
largest value.

Speed: a document's mentions and events are resolved once, with the features that do not
depend on the statement, and a statement only adds where they stand relative to it; at most
``SIDE`` mentions and events on each side of it within ``REACH`` characters are read.
"""

from __future__ import annotations

import bisect
import math
from functools import lru_cache

from stance.extract.cues import omitted_subject_gender
from stance.extract.marks import GENITIVE_S
from stance.extract.scoring import norm_speaker

FEATURES = (
    "empty",  # the candidate is "no speaker" (the rules found none)
    "rules", "rules_explicit", "rules_fallback", "rules_no_event",
    "event", "event_explicit", "event_same_sentence", "event_after", "event_near",
    "mention", "same_sentence", "prev_sentence", "next_sentence", "same_paragraph", "prev_paragraph",
    "before", "after", "near", "inside_statement", "content_name", "after_cue", "owner",
    "subject", "nominative", "kind_name", "kind_title", "kind_inst", "anonymous", "full_name",
    "salience", "most_salient", "prev_speaker", "prev_speaker_near", "carry", "last_named", "lead_person", "sources",
    "extends_rules", "role_match", "rules_role_vague", "rules_role_specific",
    "gender_match", "gender_clash", "common_word", "role_specific",
    "pl_rules", "pl_subject", "pl_event", "pl_prev_speaker", "pl_same_sentence", "verb_gender_clash",
)
REAL = ("event_near", "near", "salience", "sources")  # in [0, 1]; the rest are 0 or 1
BINARY = tuple(f for f in FEATURES if f not in REAL)
BIT = {name: 1 << i for i, name in enumerate(BINARY)}
SIDE = 6  # mentions and events read on each side of a statement
REACH = 1500  # characters searched before and after a statement
_NEAR_SCALE = math.log1p(REACH)
_TOP_SALIENT = 3
_MAX_INHERIT = 5
_B = BIT  # short name for the hot loops below


class SpeakerCandidate:
    """One possible speaker of a statement: its canonical string, the yes/no features as
    bits of ``bits`` and the four real-valued ones."""

    __slots__ = ("speaker", "bits", "near", "event_near", "salience", "sources")

    def __init__(self, speaker: str | None, bits: int = 0, near: float = 0.0, event_near: float = 0.0,
                 salience: float = 0.0, sources: float = 0.0):
        self.speaker, self.bits = speaker, bits
        self.near, self.event_near, self.salience, self.sources = near, event_near, salience, sources

    def has(self, name: str) -> bool:
        return bool(self.bits & BIT[name])

    @property
    def x(self) -> list[float]:
        """The feature vector in ``FEATURES`` order."""
        bits = self.bits
        real = {"event_near": self.event_near, "near": self.near, "salience": self.salience, "sources": self.sources}
        return [real[n] if n in real else float(bool(bits & BIT[n])) for n in FEATURES]

    def __repr__(self) -> str:
        on = {n: round(v, 3) for n, v in zip(FEATURES, self.x) if v}
        return f"SpeakerCandidate({self.speaker!r}, {on})"


def own_event(resolver, ev):
    """The event a statement's speaker comes from (an ``inherit`` event shares its parent's)."""
    depth = 0
    while ev is not None and ev.mode == "inherit" and ev.parent >= 0 and depth < _MAX_INHERIT:
        ev = resolver.events[ev.parent]
        depth += 1
    return ev


def rules_bits(resolver, cand, rules_speaker: str | None, pl: bool) -> tuple[int, str]:
    """The bits of the rules' answer (how sure the rules were) and the role head it names."""
    bits = _B["rules"] | (_B["pl_rules"] if pl else 0)
    if not norm_speaker(rules_speaker):
        bits |= _B["empty"]
    ev = own_event(resolver, cand.event)
    head = ""
    if ev is None:
        bits |= _B["rules_no_event"]
    elif ev.mode == "interviewee" and ev.cue != "-" and resolver.answering(ev.cue):
        bits |= _B["rules_explicit"]  # a transcript's label names its speaker as plainly as a cue's subject
    elif ev.mode == "explicit":
        bits |= _B["rules_explicit"]
        ref = ev.ref
        if ref is not None and ref.kind == "title":
            head = ref.head
            if not ref.person and rules_speaker == ref.speaker:
                # a role no name was found for: a named person near may be meant
                bits |= _B["rules_role_specific"] if ref.comp else _B["rules_role_vague"]
    else:
        bits |= _B["rules_fallback"]
    return bits, head


class CandidateFinder:
    """Speaker candidates for the statements of one document (the pipeline's resolver gives
    the mentions, events and coreference)."""

    def __init__(self, text: str, resolver):
        from stance.extract.segment import paragraphs

        self.text = text
        self.resolver = resolver
        self.coref = coref = resolver.coref
        self.seg = coref.seg
        self.mentions = resolver.mentions
        self.pl = self.seg.lex.lang == "pl"
        self.para_starts = [s for s, _e in paragraphs(text)] or [0]
        evs = sorted((e for e in resolver.events if e.mode not in ("media", "impersonal")), key=lambda e: e.pos)
        self.events = evs
        self.event_pos = [e.pos for e in evs]
        # a phrase that is a cue's subject is that event's speaker, in the case the cue gives it
        # ("Według obrońcy Roberta K.": "obrońca Roberta K.", though "obrońcy" may be a nominative plural)
        self.subject_at = {e.ref.pos: e for e in evs if e.mode == "explicit" and e.ref is not None}
        self.content = sorted(self.mentions.content_names, key=lambda r: r.pos)
        self.content_pos = [r.pos for r in self.content]
        self._norm: dict = {}
        self._event_info: list = [None] * len(evs)
        self._mention_info: list = [None] * len(self.mentions.mentions)
        self._content_info: list = [None] * len(self.content)
        self._key_info: dict = {}
        # salience and gender per speaker, grouped by surname for names and by the phrase
        # otherwise, from the mentions' own strings (resolving every mention of a long text
        # through coreference would cost as much as the extraction)
        counts: dict[tuple, int] = {}
        first: dict[tuple, object] = {}
        genders: dict[tuple, set] = {}
        self.name_gender: dict[str, str] = {}  # a full name's own gender ("Oksana Melnyk", not her son's)
        for m in self.mentions.mentions:
            g = self._group(m.speaker, m.kind == "name")
            if g is None:
                continue
            counts[g] = counts.get(g, 0) + 1
            first.setdefault(g, m)
            gender = coref.gender(m)
            if gender in ("m", "f"):
                genders.setdefault(g, set()).add(gender)
                if m.kind == "name" and " " in m.speaker.strip():
                    self.name_gender.setdefault(self.norm(m.speaker), gender)
        # a surname's gender only when all who bear it share one (a family of both is no clue)
        self.gender = {g: next(iter(v)) for g, v in genders.items() if len(v) == 1}
        self.counts = counts
        ranked = sorted(counts, key=lambda g: (-counts[g], g))
        self.salient = [coref.speaker(first[g], first[g].pos) for g in ranked[:_TOP_SALIENT] if counts[g] > 1]
        self._nonspeaking = self.seg.tokens.fw.get("nonspeaking_name_word", frozenset())  # (``candidates`` drops them)
        self._place_prefixes = self.seg.tokens.fw.get("place_prefix", frozenset())
        self.top_count = counts[ranked[0]] if ranked else 0
        self.lead = self.norm(resolver.interviewee)
        # role heads each person was introduced with ("Tom Vickers, the regulator's chief")
        self.heads: dict[str, set] = {}
        for head, links in self.mentions.links_by_head.items():
            for r in links:
                self.heads.setdefault(self.norm(coref.name(r.person)), set()).add(head)
        self.lower_vocab = self.seg.tokens.lower_vocab

    def _never_speaks(self, speaker: str | None) -> bool:
        """A name with a place's, a storm's or a prize's word in it ("Kurrawang Creek"), or a
        place's first word ("Lower Dunstow")."""
        if not speaker:
            return False
        words = speaker.split()
        return any(w.lower() in self._nonspeaking for w in words) or (len(words) > 1 and words[0].lower() in self._place_prefixes)

    # -- per document ------------------------------------------------------------------
    def norm(self, speaker: str | None) -> str:
        got = self._norm.get(speaker)
        if got is None:
            got = self._norm[speaker] = norm_speaker(speaker)
        return got

    def _group(self, speaker: str | None, name: bool) -> tuple | None:
        key = self.norm(speaker)
        if not key:
            return None
        return ("n", key.rsplit(" ", 1)[-1]) if name else ("o", key)

    def _lookup(self, table: dict, speaker: str):
        """A per-speaker value: by surname for a capitalised speaker whose last word is a
        known surname, else by the whole phrase."""
        if speaker[:1].isupper():
            got = table.get(self._group(speaker, True))
            if got is not None:
                return got
        return table.get(self._group(speaker, False))

    def _common(self, word: str) -> bool:
        """A one-word answer that is an ordinary word ("Leaving", "Spółka"): the document also
        writes it in lowercase, or (Polish) morfeusz2 knows it only as a common word."""
        if word.lower() in self.lower_vocab:
            return True
        if self.pl:
            from stance.extract.morph import word_class

            return word_class(word) == "common"
        return False

    def key_info(self, key: str, speaker: str) -> tuple[int, float, str]:
        """A speaker's statement-independent bits, salience and gender."""
        got = self._key_info.get(key)
        if got is None:
            bits, salience, gender = 0, 0.0, ""
            if key:
                n = self._lookup(self.counts, speaker) or 0
                salience = min(1.0, math.log1p(n) / math.log1p(20))
                if n and n == self.top_count:
                    bits |= _B["most_salient"]
                if key == self.lead:
                    bits |= _B["lead_person"]
                one_word = " " not in speaker.strip()
                if not one_word and speaker[:1].isupper():
                    bits |= _B["full_name"]
                elif one_word and self._common(speaker):
                    bits |= _B["common_word"]
                gender = self.name_gender.get(key) or self._lookup(self.gender, speaker) or ""
            got = self._key_info[key] = (bits, salience, gender)
        return got

    def _sentence(self, pos: int) -> int:
        return self.seg.sentence_of(pos)

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def _event(self, j: int):
        info = self._event_info[j]
        if info is None:
            e = self.events[j]
            speaker = self.resolver.speaker_of(e, e.pos)
            bits = _B["event"] | (_B["pl_event"] if self.pl else 0) | (_B["event_explicit"] if e.mode == "explicit" else 0)
            info = self._event_info[j] = (self.norm(speaker), speaker, bits, self._sentence(e.pos),
                                          self._paragraph(e.pos), e.pos)
        return info

    def _mention(self, table: list, refs, j: int, content: bool):
        info = table[j]
        if info is None:
            m = refs[j]
            ev = self.subject_at.get(m.pos)
            speaker = self.resolver.speaker_of(ev, ev.pos) if ev is not None else self.coref.speaker(m, m.pos)
            bits = _B["mention"]
            if m.end and self.text[m.end - 2:m.end] in GENITIVE_S:
                bits |= _B["owner"]  # "Mr Oldroyd’s wife, Lesley, said": whose wife, not who speaks
            if content:
                bits |= _B["content_name"]
            elif m.subject:
                bits |= _B["subject"] | (_B["pl_subject"] if self.pl else 0)
            if m.kind == "name":
                bits |= _B["kind_name"]
            elif m.kind == "title":
                bits |= _B["kind_title"]
                if not m.person and speaker == m.speaker:
                    bits |= _B["anonymous"]  # a role nobody's name was found for
                    if m.comp:
                        bits |= _B["role_specific"]  # "rzeczniczka Sojuszu Centrum": a person of its own
            elif m.kind == "inst":
                bits |= _B["kind_inst"]
            if self.pl and _nominative(self.text[m.pos:m.end or m.pos + len(m.speaker)]):
                bits |= _B["nominative"]
            info = table[j] = (self.norm(speaker), speaker, bits, self._sentence(m.pos), self._paragraph(m.pos), m.pos)
        return info

    # -- per statement -----------------------------------------------------------------
    def candidates(self, cand, rules_speaker: str | None, prev_speaker: str | None,
                   prev_end: int = -1) -> list[SpeakerCandidate]:
        """Candidates for the selected statement ``cand`` (a ``candidates.Candidate``) whose
        rules' answer is ``rules_speaker``; ``prev_speaker``: the previous statement's, which
        ended at ``prev_end``."""
        p0, p1 = cand.start, max(cand.start + 1, cand.end)
        pl = self.pl
        s0, s1 = self._sentence(p0), self._sentence(p1 - 1)
        para = self._paragraph(p0)
        sents = self.seg.sentences
        lo = max(p0 - REACH, self.para_starts[max(0, para - 1)])
        hi = min(p1 + REACH, sents[s1 + 1].end if 0 <= s1 + 1 < len(sents) else len(self.text))
        norm = self.norm

        rbits, rules_head = rules_bits(self.resolver, cand, rules_speaker, pl)
        rules_key = norm(rules_speaker)
        # key -> [speaker, bits, near, event_near, sources]; the rules' answer first (ties go to it)
        acc: dict[str, list] = {rules_key: [rules_speaker, rbits, 0.0, 0.0, 1]}

        # what the statement may hear from: cue events near it (their subjects as the rules
        # resolve them), then the names, roles, institutions and anonymous sources of the
        # main clauses around it, then full names inside reported clauses
        items = []
        ep = self.event_pos
        k0, k1, kp, kq = (bisect.bisect_left(ep, lo), bisect.bisect_left(ep, hi),
                          bisect.bisect_left(ep, p0), bisect.bisect_left(ep, p1))
        event_info = self._event
        items += [event_info(j) for j in range(max(k0, kp - SIDE), min(kq, kp + SIDE))]
        items += [event_info(j) for j in range(kq, min(k1, kq + SIDE))]
        n_events = len(items)
        mp, mentions, minfo = self.mentions.positions, self.mentions.mentions, self._mention_info
        k0, k1, kp, kq = (bisect.bisect_left(mp, lo), bisect.bisect_left(mp, hi),
                          bisect.bisect_left(mp, p0), bisect.bisect_left(mp, p1))
        mention = self._mention
        items += [mention(minfo, mentions, j, False) for j in range(max(k0, kp - SIDE), min(kq, kp + SIDE))]
        items += [mention(minfo, mentions, j, False) for j in range(kq, min(k1, kq + SIDE))]
        c0 = bisect.bisect_left(self.content_pos, lo)
        c1 = min(bisect.bisect_left(self.content_pos, hi), c0 + 2 * SIDE)
        items += [mention(self._content_info, self.content, j, True) for j in range(c0, c1)]

        # between the statement's own cue and the statement, in one sentence, and not the cue's
        # subject: the one told or the content of a clause before ("She told Ms Marsh that …",
        # "He said Brannan had … and that …"), not the speaker ("Jak podkreśla Jan Nowak, …" is)
        own = own_event(self.resolver, cand.event)
        verb = own is not None and own.mode in ("carry", "explicit") and own.cls not in ("frame", "colon")
        cue_lo = own.pos if verb and own.pos < p0 and self._sentence(own.pos) == s0 else p0
        cue_subject = (own.ref.pos, own.ref.end) if verb and own.ref is not None else (-1, -1)
        after_cue = _B["after_cue"]
        same_sentence = _B["same_sentence"] | (_B["pl_same_sentence"] if pl else 0)
        prev_sentence, next_sentence = _B["prev_sentence"], _B["next_sentence"]
        same_paragraph, prev_paragraph = _B["same_paragraph"], _B["prev_paragraph"]
        before, after, inside = _B["before"], _B["after"], _B["inside_statement"]
        event_same, event_after = _B["event_same_sentence"], _B["event_after"]
        log1p, scale = math.log1p, _NEAR_SCALE
        for n, (key, speaker, bits, si, pi, pos) in enumerate(items):
            if not speaker:
                continue
            if s0 <= si <= s1:
                bits |= same_sentence
                dist = 0
            elif si < s0:
                dist = s0 - si
                if dist == 1:
                    bits |= prev_sentence
            else:
                dist = si - s1
                if dist == 1:
                    bits |= next_sentence
            if pi == para:
                bits |= same_paragraph
            elif pi == para - 1:
                bits |= prev_paragraph
            if pos < p0:
                bits |= before
                near = 1.0 - min(1.0, log1p(p0 - pos) / scale)
                if n >= n_events and pos > cue_lo and not cue_subject[0] <= pos < cue_subject[1]:
                    bits |= after_cue
            elif pos >= p1:
                bits |= after
                near = 1.0 - min(1.0, log1p(pos - p1) / scale)
                if n < n_events:
                    bits |= event_after
            else:
                near = 1.0
                if n >= n_events:
                    bits |= inside
            event_near = 0.0
            if n < n_events:
                event_near = 1.0 / (1 + dist)
                if not dist:
                    bits |= event_same
            a = acc.get(key)
            if a is None:
                acc[key] = [speaker, bits, near, event_near, 1]
            else:
                a[1] |= bits
                if near > a[2]:
                    a[2] = near
                if event_near > a[3]:
                    a[3] = event_near
                a[4] += 1

        # context: the pronoun antecedent, "the latter", the previous statement, the salient people
        extra = []
        carried = self.resolver.carry(p0, "")
        if carried:
            extra.append((carried, _B["carry"]))
        last = self.resolver.last_named(p0)
        if last:
            extra.append((last, _B["last_named"]))
        if prev_speaker:
            bits = _B["prev_speaker"] | (_B["pl_prev_speaker"] if pl else 0)
            if prev_end >= 0 and self._paragraph(prev_end) >= para - 1:
                bits |= _B["prev_speaker_near"]
            extra.append((prev_speaker, bits))
        extra += [(shown, 0) for shown in self.salient if shown]
        for speaker, bits in extra:
            key = norm(speaker)
            a = acc.get(key)
            if a is None:
                acc[key] = [speaker, bits, 0.0, 0.0, 1]
            else:
                a[1] |= bits
                a[4] += 1

        # the gender the cue asks of its speaker ("pl": a Polish plural verb, no one person)
        cue_gender = omitted_subject_gender(self.coref.toks, cand.event) if cand.event is not None else ""
        cue_gender = cue_gender if cue_gender in ("m", "f", "pl") else ""
        if not cue_gender and pl:
            cue_gender = self.resolver.own_voice(cand)  # "– Myślałem, … – opowiada": a man
        # a Polish past-tense cue's own gender ("powiedziała") against a full name's given name
        cue = self.coref.toks.lex.cues.get(cand.event.cue_word) if pl and cand.event is not None and cand.event.cue_word else None
        verb_gender = cue.gender if cue is not None and cue.gender in ("m", "f") else ""
        heads = self.heads
        out = []
        for key, (speaker, bits, near, event_near, n) in acc.items():
            if key != rules_key and self._never_speaks(speaker):
                continue  # "Lake Chelan", "Hurricane Delphine": no candidate
            static, salience, gender = self.key_info(key, speaker)
            bits |= static
            if key:
                if rules_key and key != rules_key and (key.endswith(" " + rules_key) or key.startswith(rules_key + " ")):
                    bits |= _B["extends_rules"]  # the fuller form of the rules' answer ("EU diplomat" for "diplomat")
                if rules_head and rules_head in heads.get(key, ()):
                    bits |= _B["role_match"]
                if cue_gender and gender:
                    bits |= _B["gender_match"] if gender == cue_gender else _B["gender_clash"]
                if verb_gender and speaker[:1].isupper() and self.coref.toks.given_gender(speaker) not in ("", verb_gender):
                    bits |= _B["verb_gender_clash"]
            out.append(SpeakerCandidate(speaker, bits, near, event_near, salience, min(1.0, n / 10)))
        return out


@lru_cache(maxsize=65536)
def _nominative(surface: str) -> bool:
    """Could the phrase be a Polish subject: no word morfeusz2 knows only in another case
    (the first word, a role noun or given name, and the last, a surname or complement)."""
    from stance.extract.morph import is_nominative_possible

    words = [w.strip(".,:;\"'()") for w in surface.split()]
    words = [w for w in words if w]
    if not words:
        return False
    return all(is_nominative_possible(w) is not False for w in {words[0], words[-1]})
