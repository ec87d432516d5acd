"""Stage 2, cues: attribution events (a cue verb, a cue noun, a frame) with their subject and clause.

For every cue word or frame outside quotations an ``Event`` records the cue, who it names
(``mode`` explicit with a ``speaker``, carry for a pronoun or omitted subject, inherit from
``parent``, last for "the latter", media/impersonal for no statement) and where its reported
clause is. Subjects come from ``subject.py`` (case and position), clauses from ``clauses.py``;
frames and documents (``Według X``, ``czytamy w komunikacie``) are read by ``frames.py``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import compress

from stance.extract.clauses import (
    NO_CLAUSE,
    Clause,
    SentenceMarks,
    after_token,
    find_clause,
    question_end,
    sentence_marks,
)
from stance.extract.frames import FrameCues
from stance.extract.marks import GENITIVE_S, QUOTE_CHARS
from stance.extract.mentions import Ref, word_map
from stance.extract.morph import also_common, common_lemma, dictionary_word, persons_plural_adjective, plural_verb
from stance.extract.segment import QUOTE_OPENERS, Segments, Sentence
from stance.extract.subject import (
    Binding,
    anaphora_before,
    bind_subject,
    clause_boundary,
    clause_prep_subject,
    enclosed_antecedent,
    impersonal_source,
    indefinite_person,
    inverted_subject,
    passive_agent,
    pick_subject,
    relative_antecedent,
    verb_group_start,
)
from stance.extract.phrases import NP
from stance.extract.words import function_phrases

_NOBODY_REACH = 4  # words from a negation back to "nikt" ("nikt z personelu nie informował")
_FINITE_CLASSES = ("praet", "fin", "verb")  # cue classes that have a subject of their own
_OPENER_KINDS = ("comp", "zero")  # clauses that hold the rest of the sentence
_NO_STATEMENT = ("media", "impersonal")
_CHANT_SOURCE_REACH = 5  # tokens after a chant to "from" ("rang out from the stands")
_ANONYMITY_REACH = 8  # tokens after a request verb that may ask for the speaker's anonymity


@dataclass(frozen=True)
class Event:
    """An attribution: the cue at token ``tok`` (character ``pos``) of sentence ``sent``."""

    index: int  # position in the document's event list
    tok: int
    pos: int
    sent: int
    cue: str
    cls: str  # praet | fin | pcon | pant | imps | verb | noun | frame | colon
    gender: str = ""
    flags: frozenset = frozenset()
    np: NP | None = None
    speaker: str | None = None
    speaker_kind: str = ""
    ref: Ref | None = None
    mode: str = "carry"  # explicit | carry | inherit | last | interviewee | media | impersonal
    parent: int = -1  # index of the event whose speaker this one shares (mode inherit)
    clause_start: int = -1  # character offset where a reported clause starts
    clause_kind: str = ""  # comp | frame | trailing | zero
    trailing_end: int = -1
    inner: bool = False  # inside another attribution's reported clause

    @property
    def cue_word(self) -> str:
        """The cue's first word in lowercase ("domagają" of "Domagają się"; "" when none)."""
        return self.cue.split(" ", 1)[0].lower() if self.cue else ""


def event_with(index: int, tok: int, pos: int, sent: int, cue: str, cls: str, binding: Binding | None = None,
               clause: Clause = NO_CLAUSE, **extra) -> Event:
    """An event from its parts (the subject binding and the clause)."""
    if binding is not None:
        extra.update(np=binding.np, mode=binding.mode, gender=binding.gender, speaker=binding.speaker,
                     speaker_kind=binding.speaker_kind, ref=binding.ref)
    return Event(index, tok, pos, sent, cue, cls, clause_start=clause.start, clause_kind=clause.kind,
                 trailing_end=clause.trailing_end, **extra)


def omitted_subject_gender(toks, ev: Event) -> str:
    """The gender a cue with no subject of its own asks of the speaker it carries: the verb's
    own, or "pl" for a Polish verb that is plural ("Domagają się, by …": a group, never the one
    person named last)."""
    if ev.gender or not toks.lex.rules.case_marked or not ev.cue:
        return ev.gender
    return "pl" if plural_verb(ev.cue.split()[0]) else ""


def is_opener(ev: Event) -> bool:
    """Does ``ev`` report a clause that runs on to the end of its sentence?"""
    return ev.clause_kind in _OPENER_KINDS and ev.clause_start >= 0 and ev.mode not in _NO_STATEMENT


@dataclass(frozen=True, eq=False)
class Cues:
    """All events (cue order), and per sentence: its events and their token positions."""

    seg: Segments
    events: tuple[Event, ...]
    by_sentence: tuple[tuple[Event, ...], ...]
    toks_by_sentence: tuple[tuple[int, ...], ...]
    openers: tuple[tuple[Event, ...], ...]

    def in_range(self, si: int, t0: int, t1: int) -> tuple[Event, ...]:
        """Events of sentence ``si`` whose cue token is in ``[t0, t1)``."""
        toks = self.toks_by_sentence[si]
        return self.by_sentence[si][bisect.bisect_left(toks, t0):bisect.bisect_left(toks, t1)]

    def outer(self, ev: Event) -> Event:
        return outer_event(self.seg, ev, self.openers[ev.sent])


def outer_event(seg: Segments, ev: Event, openers) -> Event:
    """The attribution whose reported clause holds ``ev`` ("said that the EU welcomed "…"": the
    quoted words are the speaker's, not the EU's), or ``ev`` itself. ``openers``: the events
    of its sentence that open a clause (``is_opener``), in order."""
    if coordinated(seg, ev):
        return ev  # ", and called …": a predicate of its own
    for e in openers:
        if e.pos >= ev.pos:
            break
        if e.clause_start <= ev.pos:
            return e
    return ev


def coordinated(seg: Segments, ev: Event) -> bool:
    """A cue verb right after ", and" / ", i" sharing the subject ("argued that …, and called
    the plan "…""): a new predicate, so an earlier reported clause ends before it."""
    toks, k = seg.tokens, ev.tok
    if not (ev.mode == "inherit" and ev.cls in _FINITE_CLASSES and k - 2 >= seg.sentences[ev.sent].t0
            and toks.kind(k - 1) == "coord"):
        return False
    # "… and added, “…”": speech of its own follows the verb, so the clause before ends too
    if toks.words[k - 2] == ",":
        return True
    j, n = k + 1, len(toks.words)
    if j < n and toks.words[j] in (",", ":"):
        j += 1
    while j < n and j <= k + 3 and toks.kind(j) == "punct" and not toks.words[j][0].isalnum():
        j += 1  # the opening mark
    return j < n and j > k + 1 and toks.kind(j) == "quoted"


def find_cues(seg: Segments) -> Cues:
    return _CueFinder(seg).run()


class _CueFinder(FrameCues):
    def __init__(self, seg: Segments):
        self.seg = seg
        self.toks = seg.tokens
        self.lex = seg.lex
        fw = self.toks.fw
        self.frames = fw.get("frame_zdaniem", frozenset()) | fw.get("frame_wedlug", frozenset())
        self.frame_phrases: dict[str, list[tuple[str, ...]]] = {}  # first word -> phrases, longest first
        for phrase in sorted((tuple(p.split("_")) for p in fw.get("frame_phrase", ())), key=len, reverse=True):
            self.frame_phrases.setdefault(phrase[0], []).append(phrase)
        self.frame_seconds = frozenset(p[1] for ps in self.frame_phrases.values() for p in ps if len(p) > 1)
        self.frame_possessive = fw.get("frame_possessive", frozenset())
        self.frame_owner_nouns = fw.get("frame_owner_noun", frozenset())  # "In Roberts’s view, …"
        self.reading = fw.get("read_verb", frozenset())  # "W komunikacie IMGW czytamy, że …"
        self.read_documents = fw.get("read_document", frozenset())
        self.read_prep = fw.get("read_prep", frozenset())
        self.hearing = fw.get("heard_verb", frozenset())  # "Jak usłyszeliśmy od jednego z posłów, …"
        self.heard_preps = fw.get("heard_prep", frozenset())
        self.heard_frames = fw.get("heard_frame", frozenset())
        self.document_places = fw.get("document_place", frozenset())  # "na stronie internetowej kurii"
        self.agent_preps = fw.get("agent_prep", frozenset())  # "podpisanym przez rzeczniczkę"
        self.finding_nouns = fw.get("finding_noun", frozenset())  # "Według ustaleń policji"
        self.jak = fw.get("jak", frozenset())
        self.topic_prep = fw.get("topic_prep", frozenset())
        self.question_comp = fw.get("question_comp", frozenset())
        self.agent = fw.get("agent", frozenset())
        self.impersonal_with_sie = fw.get("impersonal_with_sie", frozenset())
        self.denial_verbs = fw.get("denial_verb", frozenset())
        self.request_lemmas = fw.get("request_lemma", frozenset())  # "prosił, by nie podawać nazwiska"
        self.anonymity_phrases = function_phrases(self.lex.lang, "anonymity_request")
        self.possessive_gender = word_map(self.toks, "possessive_gender")
        self.negative_pronouns = fw.get("negative_pronoun", frozenset())
        self.negations = fw.get("negation", frozenset())
        self.pron_oblique = word_map(self.toks, "pron_oblique")
        self.anaphora_lasts = frozenset(p[-1] for p, _w in self.lex.anaphora if p)
        self.events: list[Event] = []
        self._state = _SentenceState(self.toks, None)  # the sentence being read

    def run(self) -> Cues:
        toks, seg = self.toks, self.seg
        triggers = frozenset(self.lex.cues) | self.frames | frozenset(self.frame_phrases) | self.reading | self.hearing
        trigger_pos = list(compress(range(len(toks.lows)), map(triggers.__contains__, toks.lows)))
        by_sentence = []
        for sent in seg.sentences:
            state = self._state = _SentenceState(toks, sent)
            lo, hi = bisect.bisect_left(trigger_pos, sent.t0), bisect.bisect_left(trigger_pos, sent.t1)
            for k in trigger_pos[lo:hi]:
                ev = self._event_at(sent, k)
                if ev is not None:
                    self.events.append(ev)
                    state.add(ev)
            by_sentence.append(self._finish_sentence(state.found))
        return Cues(seg, tuple(self.events), tuple(by_sentence), tuple(tuple(e.tok for e in evs) for evs in by_sentence),
                    tuple(tuple(e for e in evs if is_opener(e)) for evs in by_sentence))

    def _finish_sentence(self, found: list[Event]) -> tuple[Event, ...]:
        if not found:
            return ()
        # "Podkreślając, że …, minister Kowalczyk zapowiedział": the participle takes the
        # subject of the main clause, which follows it (the next finite cue, found backwards)
        following_main: Event | None = None
        for idx in range(len(found) - 1, -1, -1):
            ev = found[idx]
            if ev.cls == "pcon" and ev.mode == "carry" and ev.parent < 0 and ev.np is None and following_main is not None:
                found[idx] = replace(ev, parent=following_main.index, mode="inherit")
            if ev.cls in _FINITE_CLASSES and ev.mode != "media":
                following_main = ev
        # attributions inside someone's reported clause ("zaznaczyła, że Kijów przestrzega …")
        # are reported content: their subjects are no antecedents for later omitted subjects
        openers = [other for other in found if is_opener(other)]
        for idx, ev in enumerate(found):
            if outer_event(self.seg, ev, openers) is not ev:
                ev = replace(ev, inner=True)
            found[idx] = self.events[ev.index] = ev
        return tuple(found)

    def _event_at(self, sent: Sentence, tok: int) -> Event | None:
        toks = self.toks
        kind = toks.kind(tok)
        if kind == "cue":
            if tok == sent.t0 and toks.lows[tok] in toks.fw.get("question_opener", ()):
                return None  # "Asked whether Northline would drop it, she replied": the question, not speech
            closed = question_end(toks, sent, sent.t1)
            if closed is not None and tok < closed:
                return None  # "Asked whether Armenia feared …, he replied": nor a verb inside the question
            return self._verb_event(sent, tok)
        if kind == "frame":
            return self._frame_event(sent, tok, 1)
        if toks.lows[tok] in self.reading:
            return self._read_event(sent, tok)
        if toks.lows[tok] in self.hearing:
            return self._heard_event(sent, tok)
        phrases = self.frame_phrases.get(toks.lows[tok])
        if phrases and kind != "quoted" and tok + 1 < sent.t1 and toks.lows[tok + 1] in self.frame_seconds:
            for phrase in phrases:
                if tuple(toks.lows[tok:min(tok + len(phrase), sent.t1)]) == phrase:
                    return self._frame_event(sent, tok, len(phrase))
        if phrases and self.frame_owner_nouns and kind != "quoted":
            return self._owner_frame_event(sent, tok)
        return None

    def _new(self, sent: Sentence, k: int, cue: str, cls: str, binding=None, clause=NO_CLAUSE, **extra) -> Event:
        return event_with(len(self.events), k, self.toks.starts[k], sent.index, cue, cls, binding, clause, **extra)

    def _bind(self, np: NP, oblique: bool, gender: str) -> Binding:
        return bind_subject(self.toks, np, oblique, gender)

    def _nobody_before(self, sent, neg: int) -> bool:
        """A negative pronoun ends the words before the negation at ``neg``, maybe with a short
        partitive phrase between and no punctuation ("nikt nie", "nikt z personelu nie")."""
        lows, kind = self.toks.lows, self.toks.kind
        for t in range(neg - 1, max(sent.t0, neg - _NOBODY_REACH) - 1, -1):
            if lows[t] in self.negative_pronouns:
                return True
            if kind(t) == "punct":
                return False
        return False

    def _verb_event(self, sent: Sentence, cue_tok: int) -> Event | None:
        toks, lex, state = self.toks, self.lex, self._state
        words, lows, kind = toks.words, toks.lows, toks.kind
        cue = lex.cues[lows[cue_tok]]
        if cue.needs and cue.needs not in lows[cue_tok + 1:min(sent.t1, cue_tok + 3)]:
            return None  # (the token's class saw the word ahead; here it must be in the same sentence)
        unless = cue.unless.split("/") if cue.unless else ()
        if unless and ((cue_tok + 1 < sent.t1 and lows[cue_tok + 1] in unless)
                       or (cue_tok > sent.t0 and lows[cue_tok - 1] in unless)):
            return None  # "odpowiada za komunikację", "jak sobie radzą", "a gang calling itself": is responsible for, copes, is named; says nothing
        if cue.lemma in self.request_lemmas and self._asks_anonymity(sent, cue_tok):
            return None  # "który prosił, by nie podawać jego nazwiska": a request for anonymity, no speech
        if cue_tok + 1 < sent.t1 and kind(cue_tok + 1) == "sie" and lows[cue_tok] in self.impersonal_with_sie:
            return None  # "W kuluarach mówi się o „wojnie wydziałów”": what is said, by nobody
        if cue_tok - 2 >= sent.t0 and lows[cue_tok - 1] in self.negations and self._nobody_before(sent, cue_tok - 1):
            return None  # "nic nie wskazuje na to, że", "nikt (z personelu) nie mówił": nobody speaks
        before = cue_tok - 1
        while before > sent.t0 and kind(before) in ("det", "possessive"):
            before -= 1
        if before >= sent.t0 and lows[before] in self.denial_verbs:
            return None  # "denied reports that …", "rejected her claim that …": what is denied says nothing
        after = cue.after
        if after and not (cue_tok > sent.t0 and lows[cue_tok - 1] == after):
            return None  # "kryje" is a cue only in "nie kryje, że"
        if "heckle" in cue.flags:
            # "z sali rozległo się: „Kłamstwo!”. Okrzyk wzniósł radny Zbigniew Pawlak": the shouter is named after
            return self._new(sent, cue_tok, words[cue_tok], cue.cls, None, NO_CLAUSE, flags=cue.flags, mode="named_next")
        cls = cue.cls
        suffix = lex.rules.participle_suffix
        if suffix and cls == "verb" and lows[cue_tok].endswith(suffix):
            cls = "pcon"
        if cls == "noun":
            return self._noun_event(sent, cue_tok, cue)
        cue_text = words[cue_tok] if not after else toks.text[toks.starts[cue_tok - 1]:toks.ends[cue_tok]]
        if cue_tok + 2 < sent.t1 and lows[cue_tok + 1] in self.topic_prep and (kind(cue_tok + 2) == "quoted" or (
                words[cue_tok + 2] in QUOTE_OPENERS and cue_tok + 3 < sent.t1 and kind(cue_tok + 3) == "quoted")):
            cue_text = toks.text[toks.starts[cue_tok]:toks.ends[cue_tok + 1]]  # "mówił o „…”": keep the preposition
        jak = self._jak_before(sent, cue_tok)
        gender = cue.gender
        binding, parent, mode = None, -1, "carry"
        if cue_text != words[cue_tok] and lows[cue_tok] in toks.fw.get("chant_noun", ()):
            # "Chants of “Pay up!” went up from the pickets": a noun, no verb; the crowd chants
            after = cue_tok + 2
            while after < sent.t1 and (kind(after) == "quoted" or words[after] in QUOTE_CHARS):
                after += 1  # (the source follows the quotation)
            source = self._chant_source(sent, after)
            if source is not None:
                binding = self._bind(source, False, gender)  # "a shout of ‘…’ from a man at the back of the hall"
            else:
                binding = Binding(None, "explicit", "pl", self._chanting(sent, after), "title")
        if cls == "imps":
            source = impersonal_source(toks, sent, cue_tok)
            if source is not None:
                binding = self._bind(source, True, gender)
            else:
                mode = "impersonal"
        elif (start := verb_group_start(toks, sent, cue_tok)) > sent.t0 and lows[start - 1] in toks.fw.get("addressee", ()) \
                and (start - 1 == sent.t0 or words[start - 2] in ":,"):
            mode = "addressee"  # "Q: You’ve said before that …": the one the question addresses
        elif (agent := passive_agent(toks, sent, cue_tok)) is not None:
            binding = self._bind(agent, False, gender)
        else:
            boundary = jak if jak is not None else clause_boundary(toks, sent, cue_tok)
            closed = question_end(toks, sent, cue_tok)
            if closed is not None and closed > boundary:
                boundary = closed  # "Pressed on whether her party would leave the government, the minister said"
            # ("posłowie … zaczęli skandować": the subject's phrase ends at the phasal verb)
            region = toks.chunks(boundary + 1, toks.phasal_before(cue_tok) if "inf" in cue.flags else cue_tok)
            people = self._people_by_adjective(sent, cue_tok, gender)
            # "Kiedy pojawili się dziennikarze, protestujący skandowali": the people right before the
            # verb, standing alone (not a phrase's own adjective: "kibice zgromadzeni skandowali")
            alone = people is not None and (people.start == sent.t0 or kind(people.start - 1) in ("punct", "coord", "det", "prep"))
            subject = (people if alone else None) or clause_prep_subject(toks, region, cue_tok) or pick_subject(toks, region) \
                or self._document_subject(sent, max(boundary, toks.opening(sent)), cue_tok) or people \
                or indefinite_person(toks, sent, boundary + 1, cue_tok)
            if subject is not None:
                subject = toks.with_body_nouns(subject, cue_tok)  # "The Westshire fire brigade said"
            if subject is not None and boundary >= sent.t0 and lows[boundary] in self.question_comp \
                    and words[cue_tok - 1] == ",":
                subject = None  # "Pytany, czy rząd rozważa …, odpowiedział": the question's subject
            if subject is not None and cls == "pcon" and boundary >= sent.t0 and kind(boundary) == "comp":
                subject = None  # "przekonuje, że spółka straci płynność, dodając": the reported clause's
            if jak is None and cue_tok > sent.t0 and words[verb_group_start(toks, sent, cue_tok) - 1] == ",":
                enclosed = enclosed_antecedent(toks, sent, cue_tok)
                if enclosed is not None and (enclosed.end <= subject.start if subject is not None else boundary > enclosed.end):
                    # "X, który prowadzi rozmowy w pałacu Dolmabahçe, poinformował": X, not the palace;
                    # "A spokesperson, who asked that her name not be used, said": the clause's "that" is no boundary
                    subject = enclosed
            if subject is not None and jak is None and cue_tok > sent.t0 and words[cue_tok - 1] == "," \
                    and "weak" not in cue.flags \
                    and not (subject.kind == "name" and len(subject.names) >= 2 and subject.end == cue_tok - 1 and subject.titles):
                # ("…, accused the mayor of …": the object, never inverted; "Przewodnicząca zarządu, burmistrz
                # Głuszycy Ewa Marczyńska-Bąk, powiedziała AIP, że": the comma closes her apposition)
                inverted = inverted_subject(toks, sent, cue_tok)
                if inverted is not None and inverted.kind in ("name", "title", "inst") and (
                        inverted.end >= sent.t1 or words[inverted.end] in ".,!?" or (
                            kind(inverted.end) == "prep" and not _verb_ahead(toks, inverted.end, sent.t1))):
                    subject = None  # "We will build the ponds, said Sandra Kiel.": the subject follows the verb
                    # (not "X, said the small LED on the frame was …": the reported clause's subject)
            elif subject is not None and jak is None and lex.rules.case_marked and subject.end == cue_tok \
                    and subject.end - subject.start == 1 and subject.kind in ("name", "inst") and also_common(words[subject.start]):
                inverted = inverted_subject(toks, sent, cue_tok)
                if inverted is not None and (inverted.kind == "title" or len(inverted.names) >= 2):
                    subject = None  # "Termin potwierdził Chalid al-Mansuri": the object first, the subject after the verb
            if anaphora_before(toks, self.anaphora_lasts, boundary + 1, cue_tok):
                clause = find_clause(toks, sent, cue_tok, jak, cue.flags, None, state.has_clause, state.marks)
                return self._new(sent, cue_tok, cue_text, cls, None, clause, gender=gender, flags=cue.flags, mode="last")
            antecedent = relative_antecedent(toks, sent, boundary + 1, cue_tok, region)
            if (cls == "pcon" and subject is not None and boundary >= sent.t0 and kind(boundary) == "cue"
                    and words[cue_tok - 1] == "," and lex.cues[lows[boundary]].cls != "noun"):
                subject = None  # "he told Reuters, adding that": the verb's hearer, not the subject
            if cls == "pcon" and subject is None and antecedent is None:
                main = state.last_main
                if main is not None:
                    parent, mode = main.index, "inherit"
                else:
                    first = pick_subject(toks, toks.chunks(sent.t0, cue_tok), first=True)
                    if first is not None:
                        binding = self._bind(first, False, gender)
            elif antecedent is not None:
                # "Henryk Dudek, którego firma …, ostrzegł": the antecedent keeps its own case (read
                # as oblique, the nominative "Henryk" would lemmatise to the genitive "Henryka")
                binding = self._bind(antecedent, not antecedent.nominative, gender)
            elif subject is not None:
                binding = self._bind(subject, False, gender)
            elif boundary >= sent.t0 and kind(boundary) == "coord" and state.found and jak is None:
                parent, mode = outer_event(self.seg, state.found[-1], state.openers).index, "inherit"
            elif (shared := self._coordinated_subject(sent, boundary, cue_tok)) is not None:
                binding = self._bind(shared, False, gender)
            elif (brand := self._quoted_brand(sent, cue_tok)) is not None:
                binding = Binding(None, "explicit", gender, brand, "inst")
            else:
                after = enclosed_antecedent(toks, sent, cue_tok) or inverted_subject(toks, sent, cue_tok, gender)
                if after is not None and lex.rules.subject_first and (
                        (after.end < sent.t1 and toks.lows[after.end] in toks.verb_words)
                        or (kind(cue_tok - 1) in ("word", "stop") and _verb_ahead(toks, cue_tok + 1, after.start))):
                    # "and say the 24-year-old is ‘not for sale’": the reported clause's subject;
                    # "The hospital says the ratios would mean hiring 300 nurses": a verb comes first
                    after = None
                if after is not None:
                    binding = self._bind(after, not after.nominative, gender)
        clause = find_clause(toks, sent, cue_tok, jak, cue.flags, binding.np if binding else None,
                             state.has_clause, state.marks)
        if binding is not None:
            return self._new(sent, cue_tok, cue_text, cls, binding, clause, flags=cue.flags, parent=parent)
        return self._new(sent, cue_tok, cue_text, cls, None, clause, gender=gender, flags=cue.flags, mode=mode, parent=parent)

    def _chanting(self, sent: Sentence, t: int) -> str:
        """Who chants the quotation that ends before token ``t``: the group after "from (the)"
        ("went up from the pickets"), else the crowd."""
        toks = self.toks
        for k in range(t, min(sent.t1 - 1, t + _CHANT_SOURCE_REACH)):
            if toks.lows[k] in toks.fw.get("chant_source_prep", ()):
                k += toks.kind(k + 1) == "det"
                if k + 1 < sent.t1 and self._group_word(k + 1):
                    return toks.words[k + 1]
                break  # ("rang out from the car park": no group)
        return min(toks.fw.get("crowd_noun", ()), default="crowd")

    def _chant_source(self, sent: Sentence, t: int) -> NP | None:
        """The person after "from a" at token ``t``, past the quotation ("a shout of ‘…’ from a man
        at the back of the hall"), else None (a group: ``_chanting``)."""
        toks = self.toks
        if t + 2 < sent.t1 and toks.lows[t] in toks.fw.get("chant_source_prep", ()) and toks.lows[t + 1] in toks.fw.get("indefinite_article", ()):
            np = toks.np_at(t + 1, sent.t1)
            if np is not None and np.kind == "title":
                return np
        return None

    def _quoted_brand(self, sent: Sentence, cue_tok: int) -> str | None:
        """A quoted name right before the verb, opening its clause ("W e-mailu, z połowy kwietnia,
        „Meblostyl” zapewnia"): the firm the text names with that name after an institution noun
        ("z firmą „Meblostyl”": ``firma „Meblostyl”``); else None."""
        toks, words = self.toks, self.toks.words
        close = cue_tok - 1
        if close <= sent.t0 or words[close] not in QUOTE_CHARS or toks.kind(close - 1) != "quoted":
            return None
        o = close - 1
        while o > sent.t0 and toks.kind(o) == "quoted":
            o -= 1
        if words[o] not in QUOTE_OPENERS or not (o == toks.opening(sent) or words[o - 1] == ","):
            return None
        noun = self._brand_nouns.get(toks.text[toks.ends[o]:toks.starts[close]])
        return f"{noun} {toks.text[toks.starts[o]:toks.ends[close]]}" if noun else None

    @cached_property
    def _brand_nouns(self) -> dict[str, str]:
        """Quoted names the text writes after an institution noun ("z firmą „Meblostyl”") -> that
        noun's lemma (the first one for each name); read once, in one pass over the tokens."""
        toks, words = self.toks, self.toks.words
        out: dict[str, str] = {}
        for t in range(1, len(words) - 1):
            if words[t] in QUOTE_OPENERS and toks.kind(t + 1) == "quoted" and toks.institution_noun(t - 1):
                close = t + 1
                while close < len(words) and toks.kind(close) == "quoted":
                    close += 1
                if close < len(words):
                    out.setdefault(toks.text[toks.ends[t]:toks.starts[close]], common_lemma(toks.lows[t - 1]))
        return out

    def _coordinated_subject(self, sent: Sentence, coord: int, cue_tok: int):
        """The subject a verb right after "and" shares with the verb before it, in subject-verb
        order ("a man at the next table put down his fork and told his companion"); else None."""
        toks = self.toks
        if not (toks.lex.rules.subject_first and sent.t0 <= coord == cue_tok - 1 and toks.kind(coord) == "coord"):
            return None
        region = toks.chunks(clause_boundary(toks, sent, coord) + 1, coord)
        first = pick_subject(toks, region, first=True)
        if first is None or first.kind not in ("name", "title", "inst") or first is not region[0] \
                or not all(np.in_pp for np in region[1:]):
            return None  # (another phrase is the first verb's object: "X met Y and told")
        # its own verb after it, not a cue ("put down his fork")
        return first if any(toks.kind(t) == "word" and toks.words[t][:1].islower() for t in range(first.end, coord)) else None

    def _asks_anonymity(self, sent: Sentence, cue_tok: int) -> bool:
        """The words right after the request verb at ``cue_tok`` ask that the speaker not be named."""
        toks = self.toks
        end = toks.ends[min(sent.t1, cue_tok + _ANONYMITY_REACH) - 1]
        near = toks.text[toks.ends[cue_tok]:end].lower()
        return any(phrase in near for phrase in self.anonymity_phrases)

    def _jak_before(self, sent: Sentence, cue_tok: int) -> int | None:
        """The token of a "jak"/"as" frame right before the cue ("jak powiedział X")."""
        toks = self.toks
        tok = cue_tok - 1
        while tok >= sent.t0 and toks.kind(tok) == "word" and cue_tok - tok <= 2 and toks.lows[tok] not in self.jak:
            tok -= 1
        if tok >= sent.t0 and toks.lows[tok] in self.jak and toks.kind(tok) != "quoted":
            return tok
        return None

    def _noun_event(self, sent: Sentence, cue_tok: int, cue) -> Event | None:
        """``zapowiedź Witkoffa, że …``, ``Ridgeway's announcement that …``: a cue noun counts
        only with its speaker and a content clause."""
        toks = self.toks
        words, kind = toks.words, toks.kind
        np, binding, gender = None, None, ""
        if cue_tok - 1 >= sent.t0 and kind(cue_tok - 1) == "possessive":
            gender = self.possessive_gender.get(toks.lows[cue_tok - 1], "")
        elif toks.lex.rules.genitive_s and cue_tok - 1 >= sent.t0 and words[cue_tok - 1].endswith(GENITIVE_S):
            nps = [phrase for phrase in toks.chunks(max(sent.t0, cue_tok - 5), cue_tok) if phrase.end == cue_tok]
            if not nps:
                return None
            np = nps[-1]
        else:
            tok = cue_tok + 1
            if tok < sent.t1 and toks.lows[tok] in self.agent:
                tok += 1  # "an announcement by the ministry"
            np = toks.np_at(tok, sent.t1) if tok < sent.t1 else None
            if np is None or np.kind == "pron":
                return None
        if np is not None:
            binding = self._bind(np, True, gender)
        tok = max(np.end, cue_tok + 1) if np is not None else cue_tok + 1
        if tok < sent.t1 and words[tok] == ",":
            tok += 1
        if tok < sent.t1 and kind(tok) == "comp":
            clause = Clause(after_token(toks, tok), "comp")
            if binding is not None:
                return self._new(sent, cue_tok, words[cue_tok], "noun", binding, clause, flags=cue.flags)
            return self._new(sent, cue_tok, words[cue_tok], "noun", None, clause, gender=gender, flags=cue.flags)
        return None

    def _people_by_adjective(self, sent: Sentence, cue_tok: int, gender: str) -> NP | None:
        """A plural verb's subject named by an adjective or participle alone, right before it
        ("protestujący skandowali", "zgromadzeni skandowali"): those people; else None (in a
        language without case, a chanting group: ``_chanting_group``)."""
        toks = self.toks
        t = cue_tok - 1
        if not toks.lex.rules.case_marked:
            return self._chanting_group(sent, cue_tok)
        cue = toks.lex.cues.get(toks.lows[cue_tok])
        phasal = toks.phasal_before(cue_tok) if cue is not None and "inf" in cue.flags else None
        if phasal is not None and phasal > sent.t0 and toks.kind(phasal) == "word":
            t = phasal
            if plural_verb(toks.lows[t]):
                gender = "pl"
            t -= 1  # "protestujący zaczynają skandować", "tłum zaczął skandować": the subject of the phasal verb
            if cue.lemma in toks.fw.get("chant_verb", ()) and toks.lows[t] in toks.fw.get("collective_noun", ()):
                return NP(t, t + 1, "title", titles=[t])
        if gender != "pl" or t < sent.t0 \
                or not (toks.kind(t) in ("word", "stop") or (t in toks.sent_initial and toks.kind(t) == "name")) \
                or not persons_plural_adjective(toks.lows[t]):
            return None
        return NP(t, t + 1, "title", titles=[t])

    def _chanting_group(self, sent: Sentence, cue_tok: int) -> NP | None:
        """English: a verb of chanting right after a plain plural noun or a crowd ("pickets
        chanted", "part of the crowd chanted"): that group; else None."""
        toks = self.toks
        t = cue_tok - 1
        cue = toks.lex.cues.get(toks.lows[cue_tok])
        if t < sent.t0 or cue is None or cue.lemma not in toks.fw.get("chant_verb", ()) or toks.kind(t) not in ("word", "tword", "title"):
            return None
        return NP(t, t + 1, "title", titles=[t]) if self._group_word(t) else None

    def _group_word(self, t: int) -> bool:
        """English: token ``t`` is a crowd or a plain plural noun ("pickets", "crowd"; not "car")."""
        toks = self.toks
        low = toks.lows[t]
        return low in toks.fw.get("crowd_noun", ()) or low in toks.fw.get("collective_noun", ()) \
            or (low.endswith("s") and toks.words[t].isalpha() and toks.words[t].islower() and dictionary_word(low, toks.lex.lang))


class _SentenceState:
    """What the cue finder knows about the sentence it is reading, kept up to date as events
    are found, so that no event looks back over all earlier ones."""

    def __init__(self, toks, sent: Sentence | None):
        self.toks = toks
        self.sent = sent
        self.found: list[Event] = []
        self.openers: list[Event] = []
        self.has_clause = False  # does an earlier event report a clause?
        self.last_main: Event | None = None  # the last finite, non-media event
        self._marks: SentenceMarks | None = None

    def add(self, ev: Event) -> None:
        self.found.append(ev)
        self.has_clause = self.has_clause or ev.clause_start >= 0
        if is_opener(ev):
            self.openers.append(ev)
        if ev.cls != "pcon" and ev.mode != "media":
            self.last_main = ev

    def marks(self) -> SentenceMarks:
        if self._marks is None:
            self._marks = sentence_marks(self.toks, self.sent)
        return self._marks


def _verb_ahead(toks, t: int, end: int) -> bool:
    """A verb follows token ``t`` before the next punctuation: the phrase before ``t`` is a clause's subject."""
    verbs = toks.verb_words
    for q in range(t, end):
        if toks.kind(q) in ("punct", "quoted"):
            return False
        if toks.lows[q] in verbs:
            return True
    return False
