"""Stage 2, cues (part): frames and documents, the attributions that name their source in a
phrase rather than as a verb's subject: ``Według X, …``, ``Zdaniem X …``, ``According to X, …``,
``In Roberts’s view, …``, ``W komunikacie IMGW czytamy, że …``, ``According to a draft prepared
by the Commission, …``. A mixin of the cue finder (``cues._CueFinder``): it reads the finder's
token stream and lexicon words and makes events with its ``_new``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stance.extract.clauses import NO_CLAUSE, Clause, after_token, trailing_clause, words_before
from stance.extract.marks import DASHES
from stance.extract.morph import can_be_gen, finite_verb, person_genitive
from stance.extract.phrases import NP
from stance.extract.segment import Sentence
from stance.extract.subject import bind_subject, described_source, source_description_end

if TYPE_CHECKING:
    from stance.extract.cues import Event

_DOCUMENT_TAIL = 6  # words after a document's author before the frame's comma ("and seen by Allied Press")
_DOCUMENT_AGENT_REACH = 8  # words from a document to "by" ("a draft prepared by …", "an analysis of the company’s own monitoring data by …")
_OWNER_FRAME_MAX = 7  # tokens from a frame's first word to its noun ("In the union leader's view")
_FINDING_REACH = 3  # tokens from a frame to its noun of findings ("Według wstępnych ustaleń")
_TRAILING_APPOSITION_MAX = 16  # tokens of an apposition after a final frame's source ("…, according to X, a strategist at Y.")
_DOCUMENT_OWNER_REACH = 10  # tokens from a document's noun to its author ("opublikowanym w czwartek na stronie internetowej kurii")
_DOCUMENT_STEM = 4  # letters a document noun keeps in every case ("alert", "alercie"; "komunikat", "komunikacie")
_DOCUMENT_BACK_SENTENCES = 8  # sentences back, within the paragraph, to the document named with its owner
_RELATIVE_MAX = 30  # tokens of a relative clause describing a frame's source
_HEARD_BODY_KINDS = frozenset({"title", "name", "word", "prep", "place", "inst", "acro"})  # a body's phrase before "usłyszeliśmy"


class FrameCues:
    """Events for frames, a document's reader ("czytamy") and a document's author."""

    def _read_event(self, sent: Sentence, tok: int) -> Event | None:
        """``W (najnowszym) komunikacie IMGW czytamy, że …`` / ``Czytamy w oświadczeniu spółki, że
        …``: what "we read" in a document is its author's (the genitive after the document noun)."""
        toks = self.toks
        lows = toks.lows
        before = tok > sent.t0 and lows[sent.t0] in self.read_prep
        start = sent.t0 if before else tok + 1
        if start >= sent.t1 or lows[start] not in self.read_prep:
            return None
        doc = next((q for q in range(start + 1, min(sent.t1, start + 3)) if lows[q] in self.read_documents), None)
        if doc is None:
            return None
        # "„…” – czytamy w …": the attribution of the quotation before the dash
        tail = not before and tok >= 2 and toks.words[tok - 1] in DASHES and toks.kind(tok - 2) in ("quoted", "punct")
        owner = self._document_owner(sent, doc + 1) if tail else None
        if owner is not None:
            # "w komunikacie sanepidu", "w komunikacie opublikowanym … na stronie internetowej kurii",
            # "w dokumencie podpisanym przez szefów dyplomacji trzech państw": its author's
            return self._new(sent, tok, toks.words[tok], "fin", bind_subject(toks, owner, True, "", governed=True), NO_CLAUSE)
        if tail and _sentence_ends(toks, sent, doc + 1):
            owner = self._named_document_before(sent, doc)
            if owner is not None:
                # "Dotarł alert Rządowego Centrum Bezpieczeństwa. „…” – czytamy w alercie.": the owner named with the document
                return self._new(sent, tok, toks.words[tok], "fin", bind_subject(toks, owner, True, "", governed=True), NO_CLAUSE)
            # "– czytamy w oświadczeniu.": the statement of whoever spoke last (the body that issued it)
            if not self.events:
                return None
            return self._new(sent, tok, toks.words[tok], "fin", None, NO_CLAUSE, mode="inherit", parent=self.events[-1].index)
        if doc + 1 >= sent.t1:
            return None
        np = toks.np_at(doc + 1, tok if before else sent.t1)
        if np is None or np.kind not in ("inst", "title", "name", "acro") or (before and np.end != tok):
            return None
        after = tok + 1 if before else np.end
        binding = bind_subject(toks, np, True, "", governed=True)
        if tail and _sentence_ends(toks, sent, after):
            return self._new(sent, tok, toks.words[tok], "fin", binding, NO_CLAUSE)  # "– czytamy w alercie RCB.": its author's
        comp = next((q for q in range(after, min(sent.t1, after + 4)) if toks.kind(q) == "comp"), None)
        if comp is None or not all(toks.kind(q) in ("word", "stop", "punct", "prep") for q in range(after, comp)):
            return None
        return self._new(sent, tok, toks.words[tok], "frame", binding, Clause(after_token(toks, comp), "comp"))

    def _heard_event(self, sent: Sentence, tok: int) -> Event | None:
        """``Jak (nieoficjalnie) usłyszeliśmy od jednego z posłów koalicji, …`` / ``W Urzędzie
        Marszałkowskim w Szczecinie usłyszeliśmy, że …``: what the newsroom heard (``heard_verb``)
        is the words of its source, the phrase after ``heard_prep`` ("od") or the body the sentence
        opens with after ``read_prep`` ("w"), read in the nominative."""
        toks = self.toks
        lows, kind = toks.lows, toks.kind
        after = tok + 1
        if after < sent.t1 and kind(after) == "sie":
            after += 1  # "dowiedzieliśmy się"
        if after + 1 < sent.t1 and lows[after] in self.heard_preps:
            np = toks.partitive_at(after + 1, sent.t1) or toks.np_at(after + 1, sent.t1)
            if np is None or np.kind not in ("inst", "title", "name"):
                return None
            end = np.end
        elif sent.t0 + 1 < tok and lows[sent.t0] in self.read_prep:
            np = toks.np_at(sent.t0 + 1, tok)
            if (np is None or np.start != sent.t0 + 1) and kind(sent.t0 + 1) == "title" and all(
                    kind(q) in _HEARD_BODY_KINDS for q in range(sent.t0 + 1, tok)):
                # "W sztabie Wolańskiego usłyszeliśmy", "W ratuszu usłyszałem": a body's noun in the locative,
                # the whole phrase its name ("sztab Wolańskiego", not the candidate it belongs to)
                np = NP(sent.t0 + 1, tok, "title", titles=list(range(sent.t0 + 1, tok)))
                binding = bind_subject(toks, np, True, "", governed=True)
                if binding.ref is not None and binding.speaker:
                    binding = replace(binding, ref=replace(binding.ref, speaker=binding.speaker, kind="title"))
                return self._heard_clause(sent, tok, binding, after)
            if np is None or np.kind not in ("inst", "title", "name") or np.end != tok:
                return None
            end = after
        else:
            return None
        return self._heard_clause(sent, tok, bind_subject(toks, np, True, "", governed=True), end)

    def _heard_clause(self, sent: Sentence, tok: int, binding, end: int) -> Event | None:
        """The event of a heard-verb at ``tok`` whose source phrase ends before token ``end``: it
        reports a "że" clause right after, or what follows a "jak" frame."""
        toks = self.toks
        lows, kind = toks.lows, toks.kind
        if end < sent.t1 and kind(end) == "comp" or (end + 1 < sent.t1 and toks.words[end] == "," and kind(end + 1) == "comp"):
            comp = end if kind(end) == "comp" else end + 1
            return self._new(sent, tok, toks.words[tok], "frame", binding, Clause(after_token(toks, comp), "comp"))
        if end + 1 < sent.t1 and toks.words[end] == "," and tok > sent.t0 and lows[tok - 1] in self.heard_frames or (
                tok - 1 > sent.t0 and lows[tok - 2] in self.heard_frames):
            return self._new(sent, tok, toks.words[tok], "frame", binding, Clause(after_token(toks, end), "frame"))
        return None

    def _named_document_before(self, sent: Sentence, doc: int) -> NP | None:
        """The owner named right after the same document noun (its first letters, any case of it)
        outside quotations earlier in the paragraph ("alert Rządowego Centrum Bezpieczeństwa" before "–
        czytamy w alercie."), the nearest first; else None."""
        toks = self.toks
        stem = toks.lows[doc][:_DOCUMENT_STEM]
        par_start = self.seg.text.rfind("\n", 0, toks.starts[sent.t0]) + 1
        for i in range(sent.index - 1, max(-1, sent.index - _DOCUMENT_BACK_SENTENCES), -1):
            prev = self.seg.sentences[i]
            if prev.end <= par_start:
                break
            for q in range(prev.t1 - 2, prev.t0 - 1, -1):
                if toks.kind(q) != "quoted" and toks.lows[q][:_DOCUMENT_STEM] == stem:
                    owner = self._document_owner(prev, q + 1)
                    if owner is not None and all(toks.words[t][:1].isupper() for t in range(q + 1, owner.start)):
                        return owner  # (the genitive right after the noun: not "rozesłanym … do studentów")
        return None

    def _document_owner(self, sent: Sentence, start: int) -> NP | None:
        """Whose a document is, from the words after its noun up to the sentence's end: the first
        body or person there, past what describes the document ("opublikowanym w czwartek na
        stronie internetowej kurii"); a body's lower-case noun counts ("kurii")."""
        toks = self.toks
        end = min(sent.t1, start + _DOCUMENT_OWNER_REACH)
        by = next((q for q in range(start, end) if toks.lows[q] in self.agent_preps), None)
        if by is not None:
            start = by + 1  # "przesłanym naszej redakcji i podpisanym przez rzeczniczkę spółki": the signer
        elif start + 3 < end and toks.words[start] == "," and toks.kind(start + 1) == "rel" and toks.kind(start + 2) in ("word", "cue"):
            nps = toks.chunks(start + 3, sent.t1)[:1]
            if nps and nps[0].start == start + 3 and nps[0].kind == "name" and nps[0].nominative:
                return nps[0]  # "w e-mailu, który podpisała Anna Kozieł": the relative clause's subject signed it
        for q in range(start, end):
            kind = toks.kind(q)
            if kind in ("punct", "comp", "cue", "quoted", "rel"):
                return None
            if toks.lows[q] in self.document_places:
                continue  # "na stronie internetowej": where it was published
            if kind in ("inst", "title", "name", "acro"):
                nps = toks.chunks(q, sent.t1)[:2]
                if nps and nps[0].start == q and nps[0].kind in ("inst", "title", "name", "acro"):
                    named = len(nps) > 1 and nps[0].kind == "title" and nps[1].kind == "name" and nps[1].start == nps[0].end
                    return nps[1] if named else nps[0]  # "przez rzeczniczkę spółki Karolinę Wiech": the name
            elif kind == "word" and toks.words[q][:1].islower() and toks.org_word(q) and toks.kind(q - 1) not in ("prep", "possessive"):
                return NP(q, q + 1, "inst", inst=[q])
        return None

    def _owner_frame_event(self, sent: Sentence, tok: int) -> Event | None:
        """``In Roberts’s view, …``, ``In the minister's opinion …``: the frame's first word, a
        phrase in the possessive, then a frame noun (``frame_owner_noun``); the phrase speaks."""
        toks = self.toks
        noun = next((q for q in range(tok + 2, min(sent.t1, tok + _OWNER_FRAME_MAX))
                     if toks.lows[q] in self.frame_owner_nouns), None)
        if noun is None or not toks.words[noun - 1].endswith(("'s", "’s", "s'", "s’")):
            return None
        nps = [np for np in toks.chunks(tok + 1, noun) if np.end == noun and np.kind in ("name", "title", "inst")]
        if not nps:
            return None
        binding = bind_subject(toks, nps[-1], False, "")
        clause = self._frame_clause(sent, noun + 1, tok)
        return self._new(sent, tok, toks.text[toks.starts[tok]:toks.ends[noun]], "frame", binding, clause)

    def _frame_event(self, sent: Sentence, cue_tok: int, length: int) -> Event | None:
        """``Według X, …`` / ``Zdaniem X …`` / ``W opinii X …`` / ``According to X, …``: a frame
        of ``length`` words at token ``k``."""
        toks = self.toks
        kind = toks.kind
        tok, cue_text = cue_tok + length, toks.text[toks.starts[cue_tok]:toks.ends[cue_tok + length - 1]]
        binding, gender = None, ""
        if toks.lows[cue_tok] in self.frame_possessive and cue_tok - 1 >= sent.t0 and kind(cue_tok - 1) == "possessive":
            gender = self.possessive_gender.get(toks.lows[cue_tok - 1], "")  # "jego zdaniem"
            np_end, head_start = cue_tok + 1, cue_tok - 1
        elif length > 2 and kind(cue_tok + 1) == "possessive":
            gender = self.possessive_gender.get(toks.lows[cue_tok + 1], "")  # "w jej ocenie"
            np_end, head_start = cue_tok + length, cue_tok
        else:
            if tok >= sent.t1:
                return None
            if not toks.lex.rules.case_marked and kind(tok) == "possessive" and tok + 1 < sent.t1:
                tok += 1  # "According to its lead author, …": the role the owner's noun names
            np = toks.np_at(tok, sent.t1)
            if np is None and kind(tok) == "det" and tok + 2 < sent.t1 and toks.words[tok + 2] in ",." \
                    and (toks.lows[tok + 1] in toks.fw.get("org_anaphor", ()) or toks.lows[tok + 1] in toks.fw.get("frame_body_noun", ())):
                np = NP(tok, tok + 2, "inst", inst=[tok + 1])  # "According to the union, …", "…, according to the hospice.": the body named before
            document = self._document_author(sent, tok) if np is None else None
            if document is not None:
                np, tok = document  # "According to a draft prepared by the Commission, …": its author
            finding = self._finding_owner(sent, tok) if np is None and document is None else None
            if finding is not None:
                np = finding  # "Według wstępnych ustaleń policji …": whose findings they are
            elif np is None and document is None and self._person_noun_alone(sent, tok):
                np = NP(tok, tok + 1, "title", titles=[tok])  # "Według archeologów cmentarzysko …": a person's noun the lexicon lacks
            if np is None and toks.lows[tok] in self.pron_oblique and (
                    kind(tok) != "possessive" or tok + 1 >= sent.t1 or kind(tok + 1) == "punct"):
                gender = self.pron_oblique[toks.lows[tok]]  # "Według niej …": the person meant before
                np_end = tok + 1
            elif np is None or np.kind == "pron":
                return None
            else:
                np = toks.genitive_phrase(np, np.start if finding is not None else tok)  # ("ustaleń policji | kierujący …")
                if not toks.cased and cue_tok == toks.opening(sent):
                    # "According to the Chinese delegation, …" (a final frame's "according to LSEG data" names no speaker)
                    comma = next((q for q in range(np.end, min(sent.t1, np.end + 3)) if toks.words[q] == ","), None)
                    if comma is not None:
                        np = toks.with_body_nouns(np, comma)
                # the frame's preposition governs the case: "według ministra" is never "ministra"
                binding = bind_subject(toks, np, toks.lex.rules.case_marked, "", governed=True)
                np_end = np.end if document is None else tok
                if document is None and (np.kind == "inst" or toks.org_word(np.end - 1)):
                    # "Według Niezależnego Związku Rolników „Ziemia Lubelska” pomoc …": the body's
                    # own name in quotation marks is no part of what it says
                    np_end = toks.quoted_name_end(np_end, sent.t1, ends_phrase=False)
                if described_source(toks, np, binding.ref):
                    # "Według osoby z otoczenia wojewody, …": the source's description is no content
                    np_end = max(np_end, source_description_end(toks, np.end, governed=True))
            head_start = cue_tok
        clause = self._frame_clause(sent, np_end, head_start)
        if binding is not None:
            return self._new(sent, cue_tok, cue_text, "frame", binding, clause)
        return self._new(sent, cue_tok, cue_text, "frame", None, clause, gender=gender)

    def _person_noun_alone(self, sent: Sentence, tok: int) -> bool:
        """In a language with cases, a lowercase noun for people in the genitive at ``tok`` with no
        genitive after it ("Według archeologów cmentarzysko …", "Według biegłego standardy …"; not
        "Według naszych informacji", whose noun follows)."""
        toks = self.toks
        return toks.lex.rules.case_marked and tok + 1 < sent.t1 and toks.kind(tok) == "word" \
            and person_genitive(toks.lows[tok]) and can_be_gen(toks.lows[tok + 1]) is False

    def _document_author(self, sent: Sentence, tok: int) -> tuple[NP, int] | None:
        """``a draft prepared by the European Commission and seen by Allied Press`` after a frame:
        the document's author (``_authored_document``, within a few words), and the token where the
        frame's phrase ends (the comma), or None."""
        toks = self.toks
        author = self._authored_document(tok, sent.t1, _DOCUMENT_AGENT_REACH)
        if author is None or author.kind not in ("inst", "name", "title", "media"):
            return None
        end = author.end
        while end < sent.t1 and toks.words[end] != "," and end - author.end <= _DOCUMENT_TAIL:
            end += 1  # "… and seen by Allied Press,"
        return (author, end) if end == sent.t1 or toks.words[end] in ",." else None  # (a final frame ends with its sentence)

    def _finding_owner(self, sent: Sentence, tok: int) -> NP | None:
        """``wstępnych ustaleń policji`` after a frame: a noun of findings (``finding_noun``), an
        adjective or two before it, then whose they are; else None."""
        toks = self.toks
        noun = next((q for q in range(tok, min(sent.t1, tok + _FINDING_REACH)) if toks.lows[q] in self.finding_nouns), None)
        if noun is None or noun + 1 >= sent.t1 or not all(toks.kind(q) == "word" for q in range(tok, noun)):
            return None
        owner = toks.np_at(noun + 1, sent.t1)
        return owner if owner is not None and owner.kind in ("inst", "title", "name", "acro") else None

    def _document_subject(self, sent: Sentence, start: int, cue_tok: int) -> NP | None:
        """"A report by council officers said", "A statement from the Harbour Authority said": the
        subject is a document (at ``start``, or after an article; a document that is also a cue
        noun is the clause boundary itself) and its author, right after it, the speaker."""
        author = self._authored_document(start, cue_tok, 1)
        if author is None or author.kind not in ("inst", "name", "title") or author.end != cue_tok:
            return None
        return author

    def _authored_document(self, tok: int, limit: int, reach: int) -> NP | None:
        """A document noun (``source_document``) at ``tok`` or after an article there, then
        ``agent_prep`` within ``reach`` words: the phrase after that (read up to ``limit``)."""
        toks = self.toks
        fw = toks.fw
        t = tok + 1 if tok < limit and toks.kind(tok) == "det" else tok
        if t >= limit or toks.lows[t] not in fw.get("source_document", ()):
            return None
        agents = fw.get("agent_prep", ())
        by = next((q for q in range(t + 1, min(limit, t + 1 + reach)) if toks.lows[q] in agents), None)
        if by is None or by + 1 >= limit:
            return None
        return toks.np_at(by + 1, limit)

    def _frame_clause(self, sent: Sentence, np_end: int, head_start: int) -> Clause:
        """A sentence-initial frame reports what follows it; a final one ("…, według X.") what
        precedes it."""
        toks = self.toks
        words, kind = toks.words, toks.kind
        lead = words_before(toks, toks.opening(sent), head_start, 3)
        if len(lead) <= 2 and all(kind(lead_tok) in ("coord", "stop", "word", "quoted") for lead_tok in lead):
            tok = np_end
            if tok < sent.t1 and words[tok] == "." and len(words[tok - 1]) == 1 and words[tok - 1].isupper():
                tok += 1  # "Według obrońcy Roberta K. zarzuty …": the initial's period
            if tok < sent.t1 and words[tok] == ",":
                tok += 1
                apposition = toks.np_at(tok, sent.t1) if tok < sent.t1 else None
                close = next((q for q in range(tok, min(sent.t1, tok + _RELATIVE_MAX)) if words[q] == ","), None)
                if (apposition is not None and apposition.kind in ("name", "title") and apposition.end < sent.t1
                        and words[apposition.end] == ","):
                    tok = apposition.end + 1  # "In the view of the governor, Mark Ziebe, inflation …"
                elif close is not None and words[tok][:1].islower() and not any(kind(q) == "cue" for q in range(tok, close)) and (
                        apposition is not None and apposition.kind == "title"
                        or kind(np_end - 1) == "name" and toks.cased and not any(finite_verb(toks.lows[q]) for q in range(tok, close))
                        or kind(np_end - 1) == "name" and kind(tok) == "det" and _described(toks, tok, close)):
                    tok = close + 1  # "Zdaniem Heleny Wójcik, ichtiolożki z Morskiego Instytutu Rybackiego, …"
                if tok < sent.t1 and kind(tok) == "rel":
                    # "Według X, który od lat bada rynek, bezrobocie wzrośnie": the relative clause
                    # describes the source; what is reported follows the comma that closes it
                    close = next((q for q in range(tok + 1, min(sent.t1, tok + _RELATIVE_MAX)) if words[q] == ","), None)
                    if close is not None:
                        tok = close + 1
            return Clause(toks.starts[tok], "frame") if tok < sent.t1 else NO_CLAUSE
        rest = np_end
        if rest < sent.t1 and words[rest] == "," and sent.t1 - rest <= _TRAILING_APPOSITION_MAX and not any(
                kind(q) in ("cue", "comp", "rel", "quoted") or toks.lows[q] in toks.verb_words for q in range(rest + 1, sent.t1)):
            rest = sent.t1 - 1  # "…, according to Ruth Anand, a rates strategist at Meridian Rowe in London."
        elif rest + 1 < sent.t1 and words[rest] == "," and kind(rest + 1) == "rel" \
                and not any(kind(q) == "quoted" for q in range(rest + 1, sent.t1)):
            # "…, according to four former staff members, who spoke on condition of anonymity …": the
            # relative clause describes the source to the sentence's end
            rest = sent.t1 - 1
        if head_start > sent.t0 and not any(words[lead_tok] not in ".!?" for lead_tok in range(rest, sent.t1)):
            return trailing_clause(toks, sent, head_start - 1)
        return NO_CLAUSE


def _described(toks, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` describe a person ("a hydrologist at the Harrow Institute who has
    studied the basin"): no verb before a relative pronoun, if any."""
    for q in range(a, b):
        if toks.kind(q) == "rel":
            return True
        if toks.lows[q] in toks.verb_words:
            return False
    return True


def _sentence_ends(toks, sent: Sentence, t: int) -> bool:
    """Token ``t`` is past the end of ``sent`` or a punctuation mark (what a trailing attribution ends with)."""
    return t >= sent.t1 or toks.kind(t) == "punct"
