"""Stage 3, speech that page layout marks: labels (a headline's or a live blog's ``X: …``, before
speech or a quotation), interview turns (``interview.py`` finds them), and the lists of links to
other articles whose lines are no statements. A part of the candidate finder (``candidates.py``):
it reads and adds to the finder's state."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from stance.extract.cues import event_with
from stance.extract.dashes import TIMESTAMP_RE
from stance.extract.interview import courtesy_only
from stance.extract.morph import also_common, nominative_noun_only
from stance.extract.phrases import NP, stamp_phrase
from stance.extract.segment import HEADLINE_MAX, paragraphs
from stance.extract.spans import DIRECT, DOUBLE_MARKS, Candidate
from stance.extract.subject import bind_subject

LABEL_MAX_TOKENS = 14  # "Halina Szymańska, 52 lata, sprzedawczyni z Bobrownik:" before a paragraph of speech
_SURNAME_PREFIX = 5  # letters that tell a surname in any case ("Marcz" of "Marczakiem")
_STAMP_KINDS = frozenset({"punct", "num"})  # what a time stamp before a speaker is made of
_MESSAGE_NOUN_REACH = 3  # tokens between a message noun and the preposition of its sender ("SMS-a od")
_LABEL_ROLE_MAX_WORDS = 4  # words of a role labelling a subheading's quotation ("Incident commander:")


class LabelledSpeech:
    """The layout part of ``candidates._CandidateFinder``."""

    def _label_speaker(self, lt0: int, lt1: int):
        """The speaker a label names before a colon and a quotation (tokens ``[lt0, lt1)``), maybe
        after a time stamp ("10:15 GMT - Harold Pike:", "9:40 a.m. CDT —"), with a description or
        where the person spoke ("15:20 Natalia Brzozowska, koordynatorka „Zostaw Las”:", "Widera
        przed negocjacjami:"); None when the words before the colon are no label."""
        toks = self.toks
        if lt0 < lt1 and toks.starts[lt1 - 1] < self._headline_end:
            # "Szymczak coraz bliżej Niemiec, Pogoń: „…”", "Kierowca w areszcie, obrona: „…”": the
            # article headline's label follows its last comma
            lt0 = next((t + 1 for t in range(lt1 - 2, lt0 - 1, -1) if toks.words[t] == ","), lt0)
        nps = toks.chunks(lt0, lt1)
        stamp = {tok for phrase in nps if stamp_phrase(toks, phrase) for tok in range(phrase.start, phrase.end)}
        clock = TIMESTAMP_RE.match(self.text, toks.starts[lt0]) if lt0 < lt1 else None
        if clock is not None:
            stamp.update(tok for tok in range(lt0, lt1) if toks.starts[tok] < clock.end())
        nps = [phrase for phrase in nps if phrase.start not in stamp]
        words = [tok for tok in range(lt0, lt1) if tok not in stamp and toks.kind(tok) != "punct"]
        if not nps and len(words) == 1 and toks.kind(words[0]) in ("stop", "word") \
                and toks.words[lt1 - 1] == ":" and toks.starts[words[0]] < self._headline_end:
            # a headline's one-word label for a side ("Opozycja: „…”", "Obrona: „…”"): whoever the
            # body quotes saying it speaks (the echo stage), the label only when nobody does
            return NP(words[0], words[0] + 1, "title", titles=[words[0]])
        if nps and nps[0].kind == "title" and len(words) <= _LABEL_ROLE_MAX_WORDS:
            first = next(tok for tok in words if toks.kind(tok) != "num")  # the label's first word past a time stamp
            if first < nps[0].start and all(toks.kind(tok) in ("stop", "word", "tword") for tok in range(first, nps[0].start)):
                # "Incident commander: ‘…’" (the modifier read as an ordinary word opening the line)
                nps[0] = NP(first, nps[0].end, "title", titles=list(range(first, nps[0].end)))
        if not nps or not all(toks.kind(tok) in _STAMP_KINDS or tok in stamp for tok in range(lt0, nps[0].start)):
            return None
        np = nps[0]
        if len(nps) == 1 and np.kind in ("name", "title", "inst") and all(
                toks.kind(tok) in _STAMP_KINDS or tok in stamp for tok in range(np.end, lt1)):
            return np
        if toks.words[lt1 - 1] == ":" and self._described_name(np, lt1 - 1):
            return np
        return None

    def _message_source(self, lt0: int, lt1: int):
        """The sender a message read out names before a colon and its quotation ("Mamy wiadomość
        od słuchaczki, pani Jolanty z Fordonu:", "Jeszcze SMS od słuchaczki z Brzegu:"): the phrase
        after the ``message_source`` preposition (``_sender_origin`` reads the place it comes from),
        or the person an apposition names; None when no message noun comes before it."""
        toks = self.toks
        nouns, preps, address = toks.fw.get("message_noun", ()), toks.fw.get("message_source", ()), toks.fw.get("address", ())
        # (the noun may end the sentence before: "Kolejne wiadomości. Od słuchaczki z Trzcinicy: „…”")
        at = next((t for t in range(lt0, lt1 - 1) if toks.lows[t] in preps and any(
            toks.lows[u] in nouns and "\n" not in self.text[toks.starts[u]:toks.starts[t]]
            for u in range(max(0, t - _MESSAGE_NOUN_REACH), t))), None)
        if at is None:
            return None

        def addressed(np) -> bool:  # "pana Romana": the name right after a word of address
            return np.kind == "name" and toks.lows[np.start - 1] in address

        nps = [np for np in toks.chunks(at + 1, lt1) if np.kind in ("name", "title") and not np.in_pp]
        if not nps or not (nps[0].start == at + 1 or (nps[0].start == at + 2 and addressed(nps[0]))):
            return None
        named = next((np for np in nps[1:] if addressed(np) or (np.kind == "name" and toks.words[np.start - 1] == ",")), None)
        if named is not None:
            return named  # "od słuchaczki, pani Jolanty z Fordonu": Jolanta
        return nps[0]

    def _sender_origin(self, np, lt1: int) -> str:
        """Where a sender named by a role writes from ("od słuchaczki z Brzegu", "od rolnika spod
        Biłgoraja"): the prepositional phrase after the role, else ""."""
        toks, end = self.toks, np.end
        if np.kind == "title" and end + 1 < lt1 and toks.lows[end] in toks.fw.get("description_prep", ()) \
                and toks.kind(end + 1) in ("place", "inst", "name"):
            return toks.surface([end, end + 1])
        return ""

    @property
    def _headline_end(self) -> int:
        """The end of the article's headline, its first line."""
        return self._line_breaks[0] if self._line_breaks else len(self.text)

    def _headlines(self) -> None:
        text, toks = self.text, self.toks
        fw = toks.fw
        stops = frozenset().union(*(fw.get(label, ()) for label in ("source_label", "byline", "record_label")))
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
            if t1 - t0 == 1 and toks.lows[t0] in stops:
                continue  # "Źródło: inf. własna, PAP", "Autor: Jan Lis", "Apologies: …": where the article comes from, who wrote it, a record's heading
            if self._in_link(a):
                continue  # "READ MORE: Ferry timetable cut …", the lines under "Polecamy:": other articles' headlines
            nps = toks.chunks(t0, t1)
            side = self._side_label(t0, t1, start, b, stops)
            if side is not None:
                nps = [side]
            if not nps or nps[0].start != t0 or (nps[0].end != t1 and not self._described_name(nps[0], t1)):
                continue
            np = nps[0]
            if np.kind == "inst" and not any(self.lex.places.get(toks.words[t], ("", False))[1] or toks.kind(t) == "acro"
                                             or toks.is_org(t) or toks.words[t] in self.lex.org_words for t in np.inst):
                continue  # a place, not a speaker ("Davos: ..."; "Environment Agency: …" is a body)
            if np.kind not in ("name", "title", "inst"):
                continue
            if self._section_label(np):
                continue  # "Pogoda: w całym kraju pochmurno": a section, though "Pogoda" is also a surname
            if toks.words[np.start][0] == "@" and len(text[start:b].split()) < 2:
                continue  # "@lang: en": page metadata, no chat line
            if courtesy_only(text[start:b], toks.fw):
                continue  # "Przewodniczący poseł Zbigniew Kuraś: Dziękuję. Pan poseł Dymek, proszę.": the floor given
            if b - a > HEADLINE_MAX and np.kind != "name":
                continue  # a long "X: …" paragraph is an interview answer only after a person's name
            ev = event_with(len(self.events), t0, toks.starts[t0], -1, "headline", "colon",
                            bind_subject(toks, np, False, ""))
            if ev.mode != "explicit":
                continue
            self.events.append(ev)
            self._add(start, b, "direct", ev, DIRECT, "headline")

    def _side_label(self, t0: int, t1: int, body: int, b: int, stops: frozenset):
        """A short line's label of one common noun, or of a noun and its genitive, that no phrase
        reads as a speaker ("Opozycja: promocja na ostatnią chwilę", "Córka pacjentki: nikt nas nie
        zapytał"), before words in lowercase: a side named by a subheading as a headline's
        one-word label is; whoever the body quotes saying it speaks (the echo stage). Else None.
        ``stops``: labels that are never a side (a source, a byline, a record's heading)."""
        toks = self.toks
        if not toks.lex.rules.case_marked or b - body > HEADLINE_MAX or not self.text[body:body + 1].islower():
            return None
        words = [t for t in range(t0, t1) if toks.kind(t) != "punct"]
        if not 1 <= len(words) <= 2 or words[0] != t0 or toks.kind(t0) != "stop" \
                or (len(words) == 2 and toks.kind(words[1]) != "title") or toks.lows[t0] in stops \
                or not nominative_noun_only(toks.lows[t0]):
            return None  # ("Przypomnijmy:", "Nieoficjalnie:", "Opublikowano:": no noun, no side)
        return NP(t0, words[-1] + 1, "title", titles=words)

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
        "Marchuk, arriving at the palace:", a role too: "Wicemarszałek na antenie:"; a body's quoted
        name in a description: "koordynatorka „Zostaw Las”")."""
        toks = self.toks
        if np.kind not in ("name", "title") or np.end >= t1 or t1 - np.start > LABEL_MAX_TOKENS:
            return False
        if np.kind == "name" and toks.words[np.end] == "(" and toks.words[t1 - 1] == ")" and t1 - 1 > np.end + 1 \
                and "(" not in toks.words[np.end + 1:t1 - 1] and not any(
                    toks.kind(t) in ("cue", "comp", "rel", "quoted") for t in range(np.end + 1, t1 - 1)):
            return True  # "HALINA (Rydzyna):", "MARGARET (Leeds):": a reader or caller and her town
        if (toks.words[np.end] != "," or np.kind == "title") and toks.kind(np.end) != "prep":
            return False  # (a role only with where it spoke: "Wicemarszałek na antenie:")
        return not any(toks.kind(t) in ("cue", "comp", "rel") or (toks.kind(t) == "quoted" and not toks.words[t][:1].isupper())
                       or toks.words[t] in "()" for t in range(np.end, t1))  # ("… last summer (Image:": a caption's credit)

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

        questions = set(layout.questions)
        hosts = {t.label for t in layout.questions if t.label}
        by_start = sorted(self.out, key=lambda c: c.start)
        found_starts = [c.start for c in by_start]
        reporting = {t for t in layout.answers if t.label and t.start < reported
                     and self._reports_others(t, t.label in hosts, by_start[bisect.bisect_left(found_starts, t.body):
                                                                              bisect.bisect_left(found_starts, t.end)])}

        def in_turn(c: Candidate) -> bool:
            k = bisect.bisect_right(starts, c.start) - 1
            if k < 0 or c.start >= turns[k].end:
                return False
            # a question may report a third person's words ("Dyrektor mówił wczoraj, że „…”. Co
            # pani na to?"): those, attributed there to somebody named, stay statements; so do
            # those of a labelled turn that mostly reports (``_reports_others``)
            return not ((turns[k] in questions or turns[k] in reporting) and _reported_in(c, turns[k]))

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
            if courtesy_only(self.text[t.body:t.end], toks.fw) or t in reporting:
                continue
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
            for a, b in _between_stage_directions(self.text, t.body, t.end, toks.fw.get("stage_direction", frozenset())):
                self._add(a, b, "direct", ev, DIRECT, None)

    @staticmethod
    def _reports_others(turn, host: bool, inside: list[Candidate]) -> bool:
        """A labelled turn that reports somebody else's words: a third of a ``host``'s who asks
        elsewhere ("PRITCHARD: We'll have to leave it there. Councillor Mehta says …"), half of
        anyone else's ("PREZENTERKA (…): Burmistrz Nysy … zapowiedział, że …", "HATTIE: For
        what it's worth, a Brightwell spokesperson told us that …"): those statements are the
        reported person's, and the rest of the turn no statement. ``inside``: the candidates
        that start in the turn."""
        inner = [c for c in inside if c.end <= turn.end and _reported_in(c, turn)]
        return bool(inner) and (3 if host else 2) * sum(c.end - c.start for c in inner) >= turn.end - turn.body

    def _reported_after(self, layout) -> int:
        """Where a report resumes after an interview inside it: the first paragraph after the
        last question that reports somebody's words (a quotation, or a cue with its subject)
        is the reporter's again, not the guest's answer running on."""
        last_q = max((t.end for t in layout.questions), default=-1)
        for t in layout.answers:
            if t.start < last_q or t.label:
                continue  # (a labelled turn is its speaker's, whoever it reports: "PREZENTERKA (…): Burmistrz … zapowiedział, że …")
            if any(ch in self.text[t.start:t.end] for ch in DOUBLE_MARKS) or any(
                    t.start <= c.start < t.end and c.event is not None and c.event.mode == "explicit"
                    and c.event.pos >= t.start for c in self.out):
                return t.start
        return len(self.text) + 1


_LABEL_ONLY_RE = re.compile(r"[–—-]?\s*[\w.'’ -]{1,40}:")


@lru_cache(maxsize=8)
def _stage_direction_re(words: frozenset) -> re.Pattern:
    """"[laughs]", "[pause]", "[inaudible]"; and in round brackets the words ``stage_direction``
    lists ("(śmiech)", "(Pause.)")."""
    listed = "|".join(sorted(map(re.escape, words)))
    return re.compile(r"\[[a-z][^\]\n]{0,30}\]" + (rf"|\((?i:{listed})\.?\)" if listed else ""))


def _between_stage_directions(text: str, a: int, b: int, words: frozenset = frozenset()) -> list[tuple[int, int]]:
    """An answer's spans around its stage directions ("It sounds like a statement. [laughs] No,
    I'm not being flippant.": two statements), each stripped of spaces; one span when there is none."""
    out, start = [], a
    for m in _stage_direction_re(words).finditer(text, a, b):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, b))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]) and not _LABEL_ONLY_RE.fullmatch(text, s, e):
            spans.append((s, e))  # ("– Okońska: (śmiech) Panie redaktorze, …": the label alone says nothing)
    return spans


def _reported_in(c: Candidate, turn) -> bool:
    """``c`` reports somebody named by a cue inside ``turn`` (not the turn's own label), or the
    one the question addresses ("Q: You’ve said before that …")."""
    return c.event is not None and c.event.mode in ("explicit", "addressee") and (c.event.cls != "colon" or c.event.cue is None) \
        and turn.start < c.event.pos < turn.end  # (a message read out inside the turn: "Mamy SMS od słuchaczki z Brzegu: „…”")


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
