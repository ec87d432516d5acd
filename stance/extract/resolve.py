"""Stage 5, speakers: every selected candidate's event resolved to a canonical speaker.

An event names its speaker (``explicit``: the mention, through coreference), shares another
event's (``inherit``: a participle, a coordinated verb), points back to "the latter" (``last``),
is an interview answer (``interviewee``: the guest the headline or lead names), or leaves it
to the context (``carry``: a pronoun or an omitted subject: the nearest earlier
subject of a compatible gender). A candidate with no event (dash speech without attribution)
carries the previous speaker.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property

from stance.extract.candidates import Candidate
from stance.extract.coref import LOOKBACK, Coreference
from stance.extract.coref_roles import gender_ok
from stance.extract.cues import Event, omitted_subject_gender
from stance.extract.marks import DASHES, QUOTE_OPENERS
from stance.extract.interview import capitals_name, in_capitals, label_index, label_keys, label_stands_for
from stance.extract.mentions import Mentions, Ref
from stance.extract.morph import common_lemma, first_person_verb, is_place_name
from stance.extract.quote import Quote
from stance.extract.segment import paragraphs
from stance.extract.voice import statement_voice

_MAX_INHERIT = 5  # links followed from an event to the one it inherits its speaker from
_LEAD_PARAGRAPHS = (2, 3)  # paragraphs before the first answer that introduce the guest (lead, [a note,] the question)


class SpeakerResolver:
    def __init__(self, mentions: Mentions, coref: Coreference, events: tuple[Event, ...],
                 interviewers: frozenset[str] = frozenset()):
        self.mentions = mentions
        self.coref = coref
        self.events = events
        named = sorted((e for e in events if e.mode == "explicit" and e.ref is not None), key=lambda e: e.pos)
        self.speakers = {coref.name(e.ref.speaker) for e in named if e.ref.kind == "name"}
        # subjects a pronoun or omitted subject may refer back to: named speakers of main
        # clauses, subject mentions, and the people "the latter" resolves to
        # (a cue's reading of a phrase that adds a source's description wins over the plain mention
        # at the same place: "osoba znająca ustalenia komisji, która prosiła …, powiedziała")
        described = {e.ref.pos: e.ref.speaker for e in named if not e.inner}
        history = sorted([e.ref for e in named if not e.inner] + [
            m for m in mentions.mentions if m.subject and not described.get(m.pos, "").startswith(m.speaker + " ")],
            key=lambda r: r.pos)
        latter = [Ref(e.pos, name, "name") for e in events if e.mode == "last" for name in (self.last_named(e.pos),) if name]
        # the person a pronoun after the reporters' question stands for speaks on in the next pronoun
        self._put_cache: dict[tuple[int, str], str | None] = {}
        put = [Ref(e.pos, name, "name") for e in events if e.mode == "carry"
               for name in (self._put_to(e, omitted_subject_gender(coref.toks, e)),) if name]
        if latter or put:
            history = sorted(history + latter + put, key=lambda r: r.pos)
        self.history = history
        self.history_pos = [r.pos for r in history]
        self.interviewers = interviewers
        self._answering: dict[str, str] = {}
        self._label_index: dict[str, list[int]] | None = None  # answering's lookup of labels among the names
        self._voices: dict[tuple[int, int], str] = {}  # own_voice's, by statement span

    @cached_property
    def interviewee(self) -> str | None:
        """Who answers in an interview ("A: …", initials, or bare answers): the person whose
        initials or surname the answers' label is; else the speaker of the first headline
        statement; else the one subject the standfirst and the lead share; else the first person
        named with a full name (the lead introduces the guest).
        An interview inside a report ("Rozmawialiśmy z nią …" after "Strajkiem kieruje Beata
        Zygmunt") is with the person the paragraphs before its first question name, when they do
        not name the headline's speaker. The interviewer (a question's label, or the name after
        "Rozmawiał", "interviewed by") is never the guest."""
        labels = {ev.cue for ev in self.events if ev.mode == "interviewee"}
        asking = {ev.cue for ev in self.events if ev.mode == "interviewer"}
        full = self._full_names
        interviewer = {n for n in full if n in self.interviewers}
        if asking:
            interviewer |= {n for n in full if any(label_stands_for(lab, n) for lab in asking)}
        if labels:
            for name in full:
                if name not in interviewer and any(label_stands_for(lab, name) for lab in labels):
                    return name
        headline = None
        for ev in self.events:
            if ev.cls == "colon" and ev.cue == "headline" and ev.mode == "explicit":
                headline = self.coref.speaker(ev.ref, ev.pos) if ev.ref is not None else ev.speaker
                break
        if headline in interviewer:
            headline = None
        first = next((ev.pos for ev in self.events if ev.mode == "interviewee"), None)
        if first is not None:
            introduced = [(n, subj) for n, subj in self._named_before(first) if n not in interviewer]
            names = [name for name, _subject in introduced]
            in_headline = self._headline_names()
            titled = [n for n in names if n in in_headline]
            if titled:
                return titled[0]  # the guest the headline names and the lead introduces
            guest = self._guest_named_after(first, interviewer)
            if guest:
                return guest  # "O strajku rozmawiamy z Renatą Kowalik, …": the newsroom talks to the guest
            if headline is not None and headline in in_headline:
                return headline  # "Prof. Marta Wilczyńska: Żyjemy na kredyt": the guest, by name, speaks in the headline
            standfirst = [n for n in names if n in self._headline_names(paragraph=1)]
            if len(standfirst) == 1:
                # "Bernadette Ashcroft talks to Owen Pritchard about …" over a lead that quotes the
                # zoo's director: the one subject the standfirst and the lead share is the guest
                return standfirst[0]
            people = [n for n in self._headline_names(content=True)
                      if " " in n and n not in interviewer and self.coref.person_gender(n)]
            if headline is None and len(people) == 1:
                # "'…': Ruth Almeida on ten years of Larder", the lead then naming her partner:
                # the one person the headline names in full (a given name says so) is the guest
                return people[0]
            if names and headline not in names:
                # the guest is the subject of the lead ("Harold Pike … spoke to Anna Wrona")
                subjects = [name for name, subject in introduced if subject]
                if subjects:
                    return subjects[-1]
            if (names and headline not in names) or (headline is not None and headline not in full):
                # nobody is a subject there ("in her office overlooking the Ottawa River, she said"),
                # or the headline gives a role ("Canada's chief negotiator: …"): the lead introduces
                # the guest, as the first subject or else the first full name before the first answer
                earlier = [(n, subject) for n, subject in self._full_names_between(0, first) if n not in interviewer]
                counts = Counter(n for n, _subject in earlier).most_common(2)
                if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[1][1] < counts[0][1]):
                    # "For fourteen years Morwenna Trice kept the light …, Morwenna Trice was one of the
                    # last three keepers …": the person the lead keeps naming is the one it is about
                    return counts[0][0]
                if earlier:
                    return next((n for n, subject in earlier if subject), earlier[0][0])
        if headline is not None:
            return headline
        return next((n for n in full if n not in interviewer), None)

    @cached_property
    def _answers(self) -> bool:
        """The text is an interview: answers under labels, or bare answers after questions."""
        return any(ev.mode == "interviewee" for ev in self.events)

    def _guest_named_after(self, pos: int, interviewer: set) -> str | None:
        """The full name right after an interview's own phrase for its guest (``interview_with``:
        "rozmawiamy z", "we spoke to", "interview with") before ``pos``, else None."""
        toks = self.coref.toks
        phrases = [tuple(p.split("_")) for p in toks.fw.get("interview_with", ())]
        if not phrases:
            return None
        k1 = bisect.bisect_left(toks.starts, pos)
        named = {r.pos: r for r in list(self.mentions.mentions) + list(self.mentions.content_names) if r.kind == "name"}
        for k in range(k1):
            for phrase in phrases:
                n = len(phrase)
                if tuple(toks.lows[k:k + n]) == phrase and k + n < k1:
                    ref = named.get(toks.starts[k + n])
                    name = self.coref.name(ref.speaker) if ref is not None else None
                    if name and " " in name and name not in interviewer:
                        return name
        return None

    def _headline_names(self, content: bool = False, paragraph: int = 0) -> set[str]:
        """Full names in the first paragraph (the headline), or the one ``paragraph`` gives (1:
        the standfirst), as subjects or, with ``content``, anywhere (after "…": too)."""
        paras = paragraphs(self.coref.seg.text)
        if len(paras) <= paragraph:
            return set()
        start, end = (0 if paragraph == 0 else paras[paragraph][0]), paras[paragraph][1]
        refs = [*self.mentions.mentions, *self.mentions.content_names] if content else self.mentions.mentions
        return {self.coref.name(m.speaker) for m in refs if start <= m.pos < end and m.kind == "name"}

    def _named_before(self, pos: int) -> list[tuple[str, bool]]:
        """People named with a full name in the two paragraphs before the one at ``pos`` (the
        lead and the first question of an interview), or in the three before it when those two
        name nobody (an editor's note between the lead and the question), in order, each with
        whether a main clause has them as its subject."""
        starts = [p0 for p0, _e in paragraphs(self.coref.seg.text)]
        i = bisect.bisect_right(starts, pos) - 1
        out: list[tuple[str, bool]] = []
        for back in _LEAD_PARAGRAPHS:
            out = self._full_names_between(starts[max(0, i - back)] if i >= 0 else 0, pos)
            if out:
                break
        return out

    def _full_names_between(self, lo: int, pos: int) -> list[tuple[str, bool]]:
        mentions = self.mentions
        k0, k1 = bisect.bisect_left(mentions.positions, lo), bisect.bisect_left(mentions.positions, pos)
        refs = sorted(list(mentions.mentions[k0:k1]) + [r for r in mentions.content_names if lo <= r.pos < pos],
                      key=lambda r: r.pos)
        out = []
        for m in refs:
            if m.kind == "name":
                name = self.coref.name(m.speaker)
                if len(name.split()) > 1:
                    out.append((name, m.subject))
        return out

    def statement_speaker(self, cand: Candidate) -> str | None:
        """``speaker_of`` the statement's event, a Polish quotation's own first-person past forms
        ("– Myślałem, że to zgaga – opowiada") saying the gender a verb without one does not."""
        return self.speaker_of(cand.event, cand.start, self.own_voice(cand))

    def own_voice(self, cand: Candidate) -> str:
        """The gender a direct statement's or a fragment's own first-person past forms give its
        speaker (``voice.statement_voice``), read once per statement; "" for any other."""
        if cand.kind not in ("direct", "fragment"):
            return ""
        key = (cand.start, cand.end)
        got = self._voices.get(key)
        if got is None:
            got = self._voices[key] = statement_voice(self.coref.seg.text[cand.start:cand.end], self.coref.toks.fw)
        return got

    def speaker_of(self, ev: Event | None, pos: int, own: str = "") -> str | None:
        if ev is None:
            # a bare quoted headline has nobody before it: the person the lead introduces
            return self.carry(pos, own) or self.interviewee
        depth = 0
        while ev.mode == "inherit" and ev.parent >= 0 and depth < _MAX_INHERIT:
            ev = self.events[ev.parent]
            depth += 1
        one = self.one_of_them(ev)
        if one:
            return one
        if ev.mode == "explicit" and ev.ref is not None and ev.ref.kind == "title" and "pl" in (ev.ref.gender, ev.gender) and ev.ref.head \
                and self.chanting(ev):
            # "mieszkańcy z tylnych rzędów zaczęli skandować", "zgromadzeni rybacy skandowali": the crowd,
            # as a group, with the body it belongs to ("posłowie Ruchu Suwerennego") but no description
            # (a group resolved to one person, "protestujący" to the union leader named before, is the group as written)
            return _crowd(self.coref.speaker(ev.ref, ev.pos), ev.ref.head) or _crowd(ev.ref.speaker, ev.ref.head) or ev.ref.speaker
        if ev.mode == "explicit":
            got = self.coref.speaker(ev.ref, ev.pos) if ev.ref is not None else ev.speaker
            if ev.cls == "colon" and ev.cue == "headline" and ev.ref is not None and ev.ref.kind == "title" \
                    and got == ev.ref.speaker and self._answers:
                # "Dyrektorka szpitala w Sokółce: …" over an interview with the director: the guest
                guest = self.interviewee
                want = self.coref.gender(ev.ref)
                if guest and not (want in ("m", "f", "pl") and self.coref.person_gender(guest) not in ("", want)):
                    return guest
            return got
        if ev.mode == "last":
            return self.last_named(ev.pos)
        if ev.mode == "interviewee":
            return self.answering(ev.cue) or self.role_label(ev.cue) or self.interviewee
        if ev.mode == "addressee":
            return self.interviewee
        if ev.mode == "named_next":
            return self._named_in_next_sentence(ev.sent) or self.carry(ev.pos, "")
        gender = omitted_subject_gender(self.coref.toks, ev) or own
        return self._put_to(ev, gender) or self.carry(ev.pos, gender)

    def chanting(self, ev: Event) -> bool:
        """The event's cue is a verb of chanting (``chant_verb``: "skandować")."""
        cue = self.coref.toks.lex.cues.get(ev.cue_word)
        return cue is not None and cue.lemma in self.coref.toks.fw.get("chant_verb", ())

    def one_of_them(self, ev: Event) -> str | None:
        """'"…," said one.' / 'said another,' after a group ("Stallholders were in good spirits."):
        one member of the group named last in the sentence before, as its singular role."""
        toks = self.coref.toks
        if not ev.cue or not 0 <= ev.tok < len(toks.words) or toks.lows[ev.tok] != ev.cue_word:
            return None  # (an event with no cue word of its own: a turn's label, a headline)
        k = ev.tok + 1
        b = ev.tok - 1  # "Several shouted ‘Shame!’": some of the group, as the group
        some = b >= 0 and toks.lows[b] in toks.fw.get("group_quantifier", ()) and (b == 0 or toks.kind(b - 1) in ("punct", "quoted"))
        if not some and (k + 1 >= len(toks.words) or toks.words[k + 1] not in ".!?," or not (
                toks.lows[k] in toks.fw.get("unnamed_determiner", ()) or toks.lows[k] in toks.fw.get("other_determiner", ()))):
            return None
        lo = self.coref.seg.sentences[max(0, ev.sent - 1)].start
        mentions = self.coref.mentions
        i = bisect.bisect_left(mentions.positions, ev.pos) - 1
        while i >= 0 and mentions.mentions[i].pos >= lo:
            m = mentions.mentions[i]
            if m.kind == "title" and m.gender == "pl" and m.head:
                return m.speaker if some else m.head
            i -= 1
        return None

    def _put_to(self, ev: Event, gender: str) -> str | None:
        """"We put our findings to Cllr Kettley. He said: …", "Zapytaliśmy o to Jana Lisa. – … –
        odpowiada", "Z Bartłomiejem Sieczką spotykamy się w centrali. Na stole stygnie herbata. –
        … – mówi": after a sentence in which the reporters speak (its subject "we"/"I", or a
        Polish verb in the first person), with at most scenery between, the one person it names
        who fits the pronoun."""
        if gender not in ("m", "f", "") or ev.sent <= 0:
            return None
        key = (ev.sent, gender)  # one answer per sentence: a long sentence before many cues stays linear
        if key not in self._put_cache:
            self._put_cache[key] = self._asked_before(ev.sent, gender)
        return self._put_cache[key]

    def _asked_before(self, sent: int, gender: str) -> str | None:
        """``_put_to``'s answer for a cue in sentence ``sent``."""
        mentions, coref = self.mentions, self.coref
        seg = coref.seg
        for prev in reversed(seg.sentences[max(0, sent - _SCENERY_MAX - 1):sent]):
            lo, hi = bisect.bisect_left(mentions.positions, prev.start), bisect.bisect_left(mentions.positions, prev.end)
            if not self._reporters_speak(prev):
                if hi > lo:
                    return None  # somebody else is named in between
                continue
            toks = coref.toks
            named = mentions.mentions[lo:hi]
            if any(m.subject for m in named):
                return None  # "Kiedy przytaczam jej słowa Kurka, Stasiak nie kryje irytacji": her sentence, not ours
            # (a town is nobody: "Rozmawiam z nią, gdy wraca z Poznania")
            people = [m for m in named if (m.kind == "name" and m.speaker not in toks.lex.places and not is_place_name(m.speaker)
                                           or (m.kind == "title" and m.gender != "pl" and not toks.lex.institution_role(m.head)))
                      and (not gender or (coref.gender(m) or coref.gender_of.get(coref.name(m.speaker), "")) in ("", gender))]
            names = {coref.speaker(m, m.pos) for m in people}
            return names.pop() if len(names) == 1 else None
        return None

    def _reporters_speak(self, sent) -> bool:
        """The sentence's subject is the reporters: "We"/"I" first, or a verb in the first person
        in its opening words ("Zapytaliśmy …", "Z Bartłomiejem Sieczką spotykamy się …")."""
        toks = self.coref.toks
        first = toks.opening(sent)
        if first >= sent.t1 or toks.words[first] in _SPEECH_OPENERS or toks.kind(first) == "quoted":
            return False  # (a dash's or a quotation's "we" is the speaker's)
        if toks.lows[first] in toks.fw.get("reporter_subject", ()):
            return True
        endings = tuple(toks.fw.get("first_person_ending", ()))
        for t in range(first, min(sent.t1, first + _REPORTER_VERB_REACH)):
            if toks.words[t] in (",", ":"):
                break  # (a label's colon: "Stelmaszyk: Nie ustąpimy" is his)
            if endings and (toks.lows[t].endswith(endings) or first_person_verb(toks.lows[t])):
                return True
        return False

    def _named_in_next_sentence(self, sent: int) -> str | None:
        """The first person named with a full name in the sentence after ``sent`` ("Okrzyk wzniósł
        radny Zbigniew Pawlak", "Jak się później okazało, krzyczał poseł Wiesław Turek")."""
        sentences = self.coref.seg.sentences
        if sent + 1 >= len(sentences):
            return None
        nxt = sentences[sent + 1]
        if self.coref.seg.text[nxt.start:nxt.start + 1] in _SPEECH_OPENERS:
            return None  # "„Hańba!”. – Proszę o spokój – uciszał salę przewodniczący": the next speaks for himself
        mentions = self.mentions
        for m in mentions.mentions[bisect.bisect_left(mentions.positions, nxt.start):]:
            if m.pos >= nxt.end:
                break
            name = self.coref.name(m.person or m.speaker) if m.kind == "name" else ""
            if " " in name:
                return name
        return None

    def role_label(self, label: str) -> str | None:
        """A label in capitals that is a role and no name ("MIESZKANIEC:", "RESIDENT:"): the role,
        as the text writes it in ordinary case; else None."""
        words = label.lower().split()
        if not in_capitals(label) or not words or len(words) > 2 or words[0] not in self.coref.toks.lex.titles:
            return None
        return " ".join(words)

    def answering(self, label: str) -> str | None:
        """The one person an answer's label stands for ("DANA KOVACS", "Kovacs", "DK"), among
        the full names of the text that are not the interviewer's; None when no label, or when
        it fits nobody or several (then the answer is the interviewee's)."""
        got = self._answering.get(label)
        if got is None:
            names = self._full_names + self._label_names
            if self._label_index is None:
                self._label_index = label_index(names)
            fits = [names[i] for key in label_keys(label) for i in self._label_index.get(key, ())]
            fits = list(dict.fromkeys(n for n in fits if label_stands_for(label, n)))
            guests = [n for n in fits if n not in self.interviewers]
            # (the host's own label, "MARCZAK:" after "Audycję prowadziła Ewa Marczak", when the turn states)
            fits = guests or fits
            if not fits:
                fits = self._named_in_turns(label)
            if not fits:
                fits = self._role_holder(label)  # "Q214 Chair:": the committee's chair, named in the text
            if not fits and label.isalpha() and self.coref.toks.given_name(label.title()):
                fits = [label.title() if in_capitals(label) else label]  # "HALINA (Kościan):", a caller named by her given name only
            got = self._answering[label] = fits[0] if len(fits) == 1 else ""
        return got or None

    def _role_holder(self, label: str) -> list[str]:
        """The one person the text names with the role a one-word label gives ("Chair:" after
        "the committee chair, Gillian Ashcombe"), else []."""
        toks = self.coref.toks
        low = label.lower()
        if " " in low or low not in toks.lex.titles:
            return []
        head = toks.lex.role_base.get(toks.lex.titles[low][0], toks.lex.titles[low][0])
        people = {self.coref.name(link.person) for link in self.coref.mentions.links_by_head.get(head, ())}
        return list(people) if len(people) == 1 else []

    def _named_in_turns(self, label: str) -> list[str]:
        """The full names a one-word label ("DEV:", "Nadia:") begins where the text names the
        person only inside speech ("And I'm Dev Raghunathan"), which the mentions leave out: the
        first name followed by a capitalised word."""
        if not label.isalpha():
            return []
        first = label.title() if in_capitals(label) else label
        found = re.findall(rf"\b{first}\s+([^\W\d_][\w’'\-]+)", self.coref.seg.text)
        return list(dict.fromkeys(f"{first} {w}" for w in found if w[:1].isupper() and not w.isupper()))

    @cached_property
    def _label_names(self) -> list[str]:
        """Full names that only a transcript's labels give ("THOMAS GALE" -> "Thomas Gale", a
        script's "KIEROWCA (podpis: Zbigniew Rataj):" -> "Zbigniew Rataj"), for the people the
        text names nowhere else."""
        labels = {ev.cue for ev in self.events if ev.mode in ("interviewee", "interviewer")}
        known = {n.casefold() for n in self._full_names}
        titles = self.coref.toks.lex.titles
        out = []
        for lab in sorted(labels):
            words = lab.split()
            while len(words) > 2 and words[0].lower() in titles:
                words = words[1:]  # "Poseł Teresa Wilk:": the name without the office
            name = " ".join(words)
            if len(words) > 1 and (in_capitals(name) or all(w[:1].isupper() for w in words)) and name.casefold() not in known:
                out.append(capitals_name(name) if in_capitals(name) else name)
        return out

    @cached_property
    def _full_names(self) -> list[str]:
        """Every full name of the text in its fullest form, in order of first mention."""
        return list(dict.fromkeys(name for m in self.mentions.mentions if m.kind == "name"
                                  for name in (self.coref.name(m.speaker),) if " " in name))

    def carry(self, pos: int, gender: str) -> str | None:
        """The nearest earlier subject of a compatible gender (else the nearest one)."""
        coref = self.coref
        k = bisect.bisect_left(self.history_pos, pos) - 1
        fallback = None
        # "she replied" is a person; "przekazała" may be "Komisja" (grammatical gender)
        natural = not coref.toks.lex.rules.verbs_agree_in_gender
        person, neuter = natural and gender in ("m", "f"), gender == "n"
        group = gender == "pl" and coref.toks.lex.rules.case_marked  # a Polish plural verb: a group only
        sentence = coref.seg.sentence_of(pos) if natural and neuter else -1
        collective = coref.toks.fw.get("collective_noun", ())
        for r in reversed(self.history[max(0, k - LOOKBACK + 1):k + 1]):
            if person and (r.kind in ("inst", "media") or (r.kind == "title" and r.head in collective)):
                continue  # ("representing the family, …, he said": "he" is no family)
            g = coref.gender(r) or coref.gender_of.get(coref.name(r.speaker) if r.kind == "name" else r.speaker, "") \
                or (self._pronoun_genders.get(coref.speaker(r, r.pos), "") if r.kind == "title" else "")
            if neuter and ((r.kind == "name" and (g in ("m", "f") or not natural))
                           or (natural and r.kind == "title" and coref.seg.sentence_of(r.pos) == sentence)):
                # "One Thai soldier was hit in the arm, it said.": "it" is no person; a Polish neuter
                # verb agrees with no person's name at all ("Jury … W uzasadnieniu napisało")
                continue
            if fallback is None:
                fallback = r
            if (g == "pl") if group else gender_ok(g, gender):
                return coref.speaker(r, r.pos)
        if group:
            # "… skarg od pasażerów … „…” – piszą": no group was a subject; the people last
            # named in the plural in any case are meant
            people = self._plural_people_before(pos)
            if people:
                return people
        return coref.speaker(fallback, fallback.pos) if fallback else None

    @cached_property
    def _pronoun_genders(self) -> dict[str, str]:
        """Where verbs do not agree in gender, a role's gender as the pronoun that carries it on
        in the same or the next sentence says ("The First Minister reached for an olive branch.
        He told …": a later "she said" is not the First Minister), by the role's speaker."""
        coref = self.coref
        if coref.toks.lex.rules.verbs_agree_in_gender:
            return {}
        out: dict[str, str] = {}
        for ev in self.events:
            if ev.mode != "carry" or ev.gender not in ("m", "f"):
                continue
            k = bisect.bisect_left(self.history_pos, ev.pos) - 1
            r = self.history[k] if k >= 0 else None
            if r is not None and r.kind == "title" and not coref.gender(r) \
                    and coref.seg.sentence_of(ev.pos) - coref.seg.sentence_of(r.pos) <= 1:
                out.setdefault(coref.speaker(r, r.pos), ev.gender)
        return out

    def _plural_people_before(self, pos: int) -> str | None:
        """The nearest role in the plural mentioned before ``pos``, in any case, else None."""
        mentions, coref = self.mentions, self.coref
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "title" and coref.gender(m) == "pl":
                return coref.speaker(m, m.pos)
        return None

    def last_named(self, pos: int) -> str | None:
        """"The last named said …": the nearest earlier person (a full name, or a known speaker)."""
        mentions = self.mentions
        for m in mentions.before(pos, LOOKBACK):
            if m.kind == "name" or m.person:
                name = self.coref.name(m.person or m.speaker)
                if m.person or len(name.split()) > 1 or name in self.speakers:
                    return name
        return None


def assemble(text: str, chosen: list[Candidate], resolver: SpeakerResolver) -> list[Quote]:
    return [Quote(text[c.start:c.end], resolver.statement_speaker(c), c.kind, c.start, c.end, c.cue)
            for c in chosen]


_SCENERY_MAX = 2  # sentences naming nobody between the reporters' question and the answer
_REPORTER_VERB_REACH = 6  # opening words searched for the reporters' first-person verb
_SPEECH_OPENERS = frozenset(DASHES + QUOTE_OPENERS)  # a sentence opening with one of these is somebody's speech


def _crowd(speaker: str, head: str) -> str | None:
    """A chanting group's phrase from its head noun on, with the capitalised words right after
    it ("posłowie Ruchu Suwerennego") and nothing else ("kibice stojący pod ścianą" -> "kibice");
    None when the phrase has no word of that head."""
    words = speaker.split()
    first = next((i for i, w in enumerate(words) if common_lemma(w.lower()) == head), None)
    if first is None:
        return None
    last = first + 1
    while last < len(words) and words[last][:1].isupper():
        last += 1
    return " ".join(words[first:last])
