"""Interview layout: which paragraphs of a Q&A are the interviewer's questions and which the
guest's answers, whatever the outlet's plain-text presentation.

Outlets tell questions from answers in different ways, and a copied page keeps only the words:

* labels on both sides: ``Q: … / A: …``, ``Pytanie: … / Odpowiedź: …``, names (``Jan Lis: …``),
  surnames or initials (``JL: …``), the outlet (``PAP: …``);
* a label on one side only (the questions were bold): ``Q: …?`` then a bare answer paragraph;
* no labels at all: a question paragraph ending in ``?`` and the answer paragraphs after it, or
  Polish dash dialogue (``– …?`` / ``– …``).

A labelled layout is recognised by its labels alone: a label whose paragraphs are mostly
questions is the interviewer's, the others are guests'. An unlabelled one needs an interview
word in the headline or lead (``rozmowa``, ``interview``) or just before the first question, and
at least two question paragraphs each followed by an answer: rhetorical questions in an opinion
piece have neither. What the layout does not decide is who the guest is: that is the speaker
stage's (``resolve.py``), from a name label or the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from stance.extract import morph
from stance.extract.dashes import TIMESTAMP_RE
from stance.extract.lexicon import load
from stance.extract.segment import paragraphs
from stance.extract.spans import DOUBLE_MARKS

LABEL_MAX_WORDS = 4  # "Marta Kowal-Nowak:", "Q:", "DGP:"; longer is a headline with speech
QUESTION_MAX = 600  # a question paragraph is short; a long one ending in "?" is an answer
QUESTION_SHORT = 250  # a short paragraph with a "?" anywhere asks ("Ile wytrzymacie? Nikt wam nie zapłaci.")
MIN_QUESTIONS = 2
HEADING_QUESTION_MAX_WORDS = 6  # "Kiedy zmiany wejdą w życie?": an explainer's section heading
LEAD_PARAGRAPHS = 3  # headline, standfirst, lead: where an interview announces itself
BIO_MAX = 400  # the guest's biography after the interview ("Teresa Wolańska – ekonomistka, …") is short
TRANSCRIPT_LABEL_MAX = 150  # characters before the colon of "DAVID PRICE, ASSISTANT SECRETARY OF THE TREASURY …:"
TRANSCRIPT_MIN_VOICES = 3  # people labelled in capitals: a hearing's transcript, not an interview
_PARENS_RE = re.compile(r"\([^)]{0,40}\)")
# a script's role label with the person's name added in parentheses: "PREZENTER (Tomasz Gajda):",
# "KIEROWCA BUSA (podpis: Zbigniew Rataj, przewoźnik):" (the caption's name)
_NAMED_IN_PARENS_RE = re.compile(r"\((?:[^\W\d_]+:\s*)?([A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+){1,2})[,)]")
_COMMITTEE_Q_RE = re.compile(r"Q\d+\s+(\S.*)")  # a select committee's question number before the member's label
_PREAMBLE_MIN_WORDS = 8  # words a host says before a question for the turn to be a statement
_STATED_RE = re.compile(r"(\w+)[.!]\s+\S")  # a sentence ended before the turn's last one
_MAC_RE = re.compile(r"\bMa?c(?=[A-Z]{2})")
_MAC_WORD_RE = re.compile(r"(Ma?c)([A-Z]{2}[A-Z'’\-]*)")
_NAME_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*")
_SPEECH_MARKS = (*DOUBLE_MARKS, " – ", " — ")  # quotation marks and dashes: somebody's speech, no reply running on
_LABEL_RE = re.compile(r"([^\W\d_][\w.’'\-]*(?:\s+[^\W\d_][\w.’'\-]*){0,3})\s?:\s+(?=\S)")
# a name, a comma and a description of the person before the colon (no sentence ends inside;
# an abbreviation's point before a lower-case word: "inspektor ds. zarządzania kryzysowego")
_DESCRIBED_LABEL_RE = re.compile(r"([^\W\d_][\w’'\-]*(?:\s+[^\W\d_][\w’'\-]*){1,3}),\s+([^\W\d_](?:[^:\n.!?\"„“”«»]|\.(?=\s+[^\W\d_A-ZĄĆĘŁŃÓŚŹŻ]))*?)\s?:\s+(?=\S)")
DESCRIPTION_MAX_WORDS = 14  # "inspektor ds. zarządzania kryzysowego w Urzędzie Gminy Wierzbno Górne"
_DASH_RE = re.compile(r"[–—-]\s+")
_CLOCK_DIGITS_RE = re.compile(r"[\[(]\d{1,2}:\d{2}")  # a clock's opening, to tell a question-less transcript
_CAPITALS_LABEL_RE = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ][A-ZĄĆĘŁŃÓŚŹŻ .'’-]{2,}(?:\([^)\n]{0,40}\))?[^\n:]{0,60}:", re.M)  # "PREZENTERKA (…):", "TOMASZ GRELA, inspektor:"
_CLOCK_RE = re.compile(r"[\[(](?:\d{1,2}(?::\d{2}){1,2}|[A-Z]{3,10})[\])]\s+")  # a recording's clock or tag in brackets ("[CLIP]")
_QUESTION_END_RE = re.compile(r"\?[\s”\"»’')\]]*$")
_QUOTED_RE = re.compile(r"[„“”\"«»][^„“”\"«»\n]*[„“”\"«»]")  # quoted words inside a paragraph


@dataclass(frozen=True)
class Turn:
    """One paragraph of an interview: its span, where its words start (after a label or a
    dash), its label (``""`` when none) and whether it is a question."""

    start: int
    end: int
    body: int
    label: str
    question: bool


@dataclass(frozen=True)
class Interview:
    questions: tuple[Turn, ...] = ()
    answers: tuple[Turn, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.answers)


NO_INTERVIEW = Interview()


def interview_layout(text: str, fw: dict, reporting: frozenset = frozenset()) -> Interview:
    """The Q&A turns of ``text`` (``NO_INTERVIEW`` when it is not an interview). ``fw`` is the
    language's function-word lexicon: ``answer_label``, ``question_label``, ``interview_word``
    and ``interview_note`` (the closing "Rozmawiał …" / "This interview has been edited");
    ``reporting``: the language's verbs of speech, lowercase (a paragraph of narration between
    labelled turns reports with them, and runs on no answer)."""
    if "?" not in text and not _CLOCK_DIGITS_RE.search(text) and len(_CAPITALS_LABEL_RE.findall(text)) < TRANSCRIPT_MIN_VOICES:
        return NO_INTERVIEW  # no question, no recording's clock and no script of labelled voices: no interview
    paras = paragraphs(text)
    if len(paras) < 3:
        return NO_INTERVIEW
    turns = _roles_named(text, [_turn(text, a, b, fw) for a, b in paras[1:]])
    labelled = _labelled(text, turns, fw, reporting)
    if labelled:
        return labelled
    return _unlabelled(text, paras, turns, fw, reporting)


def _roles_named(text: str, turns: list[Turn]) -> list[Turn]:
    """A script names a role's holder once ("PREZENTER (Tomasz Gajda):") and then labels the role
    alone ("PREZENTER:"): those turns get the name."""
    holders = {}
    for t in turns:
        head = text[t.start:t.body]
        if t.label and "(" in head and t.label not in head.split("(")[0]:
            holders.setdefault(head.split("(")[0].strip(), t.label)
    if not holders:
        return turns
    return [replace(t, label=holders[t.label]) if t.label in holders else t for t in turns]


def _turn(text: str, a: int, b: int, fw: dict) -> Turn:
    stamp = TIMESTAMP_RE.match(text, a, b)
    body, label = a, ""
    if stamp is None:
        clock = _CLOCK_RE.match(text, a, b)  # "[00:03:25] RAMONA FIELDS:": a recording's clock, then the label
        at = clock.end() if clock else a
        m = _LABEL_RE.match(text, at, min(b, at + 60)) if ":" in text[at:at + 60] else None
        short = m is not None and len(m.group(1).split()) <= LABEL_MAX_WORDS
        caps = None if short else _transcript_label(text, at, b, fw)
        described = None if short or caps is not None else _DESCRIBED_LABEL_RE.match(text, at, min(b, at + TRANSCRIPT_LABEL_MAX))
        if short and _label_like(m.group(1), fw):
            body, label = m.end(), without_honorific(m.group(1).rstrip("."), fw)
        elif caps is not None:
            body, label = caps
        elif described is not None and _label_like(described.group(1), fw) and len(described.group(2).split()) <= DESCRIPTION_MAX_WORDS:
            # "Zdzisław Kania, rolnik z Brzózek: …": a name, then who the person is
            body, label = described.end(), without_honorific(described.group(1), fw)
        else:
            d = _DASH_RE.match(text, a, b)
            if d:
                body = d.end()
    committee = _COMMITTEE_Q_RE.match(label)
    if committee:
        label = committee.group(1)  # "Q214 Chair:", "Q216 Owain Feltham:": a committee's numbered question
    words = text[body:b]
    # a question ends in "?"; an edited Q&A may set its questions in capitals, statements too
    question = b - a <= QUESTION_MAX and (bool(_QUESTION_END_RE.search(text, body, b)) or (
        words.isupper() and sum(c.isalpha() for c in words) >= 12) or (b - a <= QUESTION_SHORT and _asks_inside(words)))
    return Turn(a, b, body, label, question)


def _asks_inside(words: str) -> bool:
    """A question mark inside a short paragraph asks ("Ile wytrzymacie? Nikt wam nie zapłaci."),
    unless it is inside quoted words ("a card that said “Still stubborn?”") or ends only the
    opening word of an answer ("Honestly? Because the bank said yes.")."""
    rest = _QUOTED_RE.sub("", words)
    first, _sp, tail = rest.strip().partition(" ")
    return "?" in (tail if first.endswith("?") else rest)


def _transcript_label(text: str, a: int, b: int, fw: dict) -> tuple[int, str] | None:
    """A transcript's label in capitals, with a rank, a party and an office around the name
    ("SEN. PATRICIA BELL (D-Ore.), CHAIR:", "DAVID PRICE, ASSISTANT SECRETARY …:"): where the
    words start, and the name ("PATRICIA BELL"); None for anything else."""
    colon = text.find(":", a, min(b, a + TRANSCRIPT_LABEL_MAX))
    if colon == -1 or colon + 1 >= b:
        return None
    opening = text.find("(", a, colon)
    paren = _PARENS_RE.match(text, opening, colon + 40) if opening != -1 else None
    if paren is not None and ":" in paren.group():
        colon = text.find(":", paren.end(), min(b, a + TRANSCRIPT_LABEL_MAX))  # "MIESZKANKA (podpis: Halina Szulc):"
        if colon == -1 or colon + 1 >= b:
            return None
    head = text[a:colon]
    bare = _MAC_RE.sub("", _PARENS_RE.sub("", head))  # "ANGUS McVEIGH": a capitals label all the same
    if any(c.islower() for c in bare) or "\n" in head:
        return None
    role = head.split("(")[0].strip()
    # "DEREK (Ashworth Green):": a caller's given name, then where he rings from; a role's label
    # ("PREZENTER (Tomasz Gajda):") names its holder in the parentheses
    named = _NAMED_IN_PARENS_RE.search(head) if role.lower() not in fw.get("question_label", ()) \
        and not _given_name(role) else None
    name = named.group(1) if named else without_honorific(re.split(r"[,(]", head)[0].strip(), fw)
    words = name.split()
    # (a double surname's parts each: "Aleksandra Nowicka-Bem")
    if not 1 <= len(words) <= LABEL_MAX_WORDS or not all(_NAME_WORD_RE.fullmatch(part) for w in words for part in w.split("-")):
        return None
    body = colon + 1
    while body < b and text[body].isspace():
        body += 1
    return body, name


def _given_name(word: str) -> bool:
    """One word in capitals that is a given name in the English list or to morfeusz2."""
    return word.isalpha() and (word.lower() in load("en").given_gender or morph.is_given_name(word.title()))


def without_honorific(label: str, fw: dict) -> str:
    """The label (or a name in capitals) without a rank or title before the name ("SEN. BELL" ->
    "BELL", "Ms Haraldsen" -> "Haraldsen")."""
    words = label.split()
    honorific = fw.get("honorific", ())
    while len(words) > 1 and words[0].rstrip(".").lower() in honorific:
        words = words[1:]
    return " ".join(words)


def _label_like(label: str, fw: dict) -> bool:
    """A speaker label: Q/A words, or every word capitalised (a name, initials, an outlet)."""
    low = label.lower().rstrip(".")
    if low in fw.get("question_label", ()) or low in fw.get("answer_label", ()):
        return True
    return all(w[0].isupper() for w in label.split())


def _labelled(text: str, turns: list[Turn], fw: dict, reporting: frozenset = frozenset()) -> Interview:
    """Both sides labelled, or only the questions: the interviewer's label is the one whose
    paragraphs are mostly questions (or a question label); every other label answers."""
    q_words, a_words = fw.get("question_label", ()), fw.get("answer_label", ())
    people = [_person(t.label, q_words, a_words) if t.label else "" for t in turns]
    by_person: dict[str, list[Turn]] = {}  # "Jan Lis", "Lis" and "JL" are one person
    for t, who in zip(turns, people):
        if who:
            by_person.setdefault(who, []).append(t)
    if sum(1 for p in by_person if in_capitals(p) and p not in q_words and p not in a_words) >= TRANSCRIPT_MIN_VOICES \
            or _clocked(text, turns):
        return _transcript(text, turns, fw, reporting)
    asking = {p for p, ts in by_person.items()
              if p in q_words or (p not in a_words and sum(t.question for t in ts) * 2 > len(ts))}
    if not asking and set(by_person) <= set(a_words) and sum(map(len, by_person.values())) >= MIN_QUESTIONS:
        return _replies(text, turns, people, fw, reporting)
    if not asking or (not asking & set(q_words) and sum(len(by_person[p]) for p in asking) < MIN_QUESTIONS):
        return NO_INTERVIEW
    # a guest speaks at least twice, or once right after a labelled question (a panel's third voice)
    after_question = {who for prev, who in zip(people, people[1:]) if prev in asking}
    answering = {p for p, ts in by_person.items()
                 if p not in asking and (p in a_words or len(ts) >= MIN_QUESTIONS or p in after_question)}
    questions, answers = [], []
    state = ""  # "", "q" (after a question), "a" (after an answer)
    last_labelled = max(i for i, who in enumerate(people) if who in asking or who in answering)
    numbered = _numbered(text, turns)
    for i, (t, who) in enumerate(zip(turns, people)):
        if who in asking and (_committee_statement(text, t, fw, reporting) or (numbered and _unnumbered_statement(text, t))):
            answers.append(t)
            state = "a"
        elif who in asking:
            questions.append(t)
            state = "q"
        elif who in answering:
            answers.append(t)
            state = "a"
        elif t.label:
            state = ""  # a headline-like "X: …" of somebody else ends the exchange
        elif not any(c.isalpha() for c in text[t.start:t.end]):
            continue  # "[00:08:02]": a transcript's time code between turns
        elif state == "q" and t.question:
            questions.append(t)  # a question running on
        elif state in ("q", "a") and not _note(text, t, fw) and (i < last_labelled or state == "q" or not answering) \
                and not (state == "a" and _narration(text, t, fw, reporting)):
            answers.append(t)  # a bare answer after a labelled question, or an answer running on
            state = "a"
        else:
            state = ""
    if not answers:
        return NO_INTERVIEW
    return Interview(tuple(questions), tuple(answers))


def _replies(text: str, turns: list[Turn], people: list[str], fw: dict, reporting: frozenset) -> Interview:
    """An advice column or a letters page: only the replies are labelled ("Odpowiedź: …"), each
    after a reader's letter. A reply runs on over the bare paragraphs after it, up to a labelled
    turn, a heading, a paragraph that reports somebody else, or the closing note."""
    answers = []
    state = False
    for t, who in zip(turns, people):
        if who:
            answers.append(t)
            state = True
        elif state and text[t.end - 1:t.end] in ".!?…" and not _note(text, t, fw) and not _narration(text, t, fw, reporting) \
                and not any(c in text[t.start:t.end] for c in _SPEECH_MARKS):
            answers.append(t)
        else:
            state = False
    return Interview((), tuple(answers))


def _clocked(text: str, turns: list[Turn]) -> bool:
    """A recording's transcript: at least ``MIN_QUESTIONS`` labelled turns, most of them after a
    clock ("[00:00:19] RUTH KILBANE: …"), however few the voices and whether anyone asks."""
    labelled = [t for t in turns if t.label]
    clocked = sum(1 for t in labelled if _CLOCK_RE.match(text, t.start, t.body))
    return clocked >= MIN_QUESTIONS and clocked * 2 > len(labelled)


def _transcript(text: str, turns: list[Turn], fw: dict, reporting: frozenset = frozenset()) -> Interview:
    """A hearing's transcript: many labelled voices, each asking or saying something; a turn
    that ends asking is a question, any other labelled turn an answer (a host's remark too:
    "RUTH: So let's get into it. Sian Tregear, welcome to the programme."), and a bare paragraph
    after an answer runs it on, up to the last labelled turn."""
    questions, answers = [], []
    q_words, a_words = fw.get("question_label", ()), fw.get("answer_label", ())
    people = [_person(t.label, q_words, a_words) if t.label else "" for t in turns]
    state = ""
    last_labelled = max(i for i, who in enumerate(people) if who)
    for i, t in enumerate(turns):
        if t.label:
            # a member (labelled with a party or an office) who states and then asks makes one
            # statement ("ANGUS McVEIGH (CONSERVATIVE, WEST MERCIA): … It now has the worst record
            # of any catchment. Was that promise worth anything?"); a turn that only asks is none
            ends_asking = bool(_QUESTION_END_RE.search(text, t.body, t.end))
            office = text[t.start:t.body]
            member = any(c in office for c in "(,") and not set(_NAME_WORD_RE.findall(office.lower())) & fw.get("moderator_label", set())
            asks = ends_asking and not (_states(text, t.body, t.end, fw) and (member or _own_preamble(text, t, fw, reporting))) \
                and not _committee_statement(text, t, fw, reporting)
            (questions if asks else answers).append(t)
            state = "q" if asks else "a"
        elif state == "a" and i < last_labelled and any(c.isalpha() for c in text[t.start:t.end]) and not _note(text, t, fw) \
                and not _narration(text, t, fw, reporting):
            answers.append(t)
        else:
            state = ""
    return Interview(tuple(questions), tuple(answers)) if answers else NO_INTERVIEW


def _numbered(text: str, turns: list[Turn]) -> bool:
    """A committee's transcript: it numbers its questions ("Q214 Chair:")."""
    return any(_COMMITTEE_Q_RE.match(text, t.start, t.body) for t in turns if t.label)


def _unnumbered_statement(text: str, t: Turn) -> bool:
    """In a transcript that numbers its questions, a member's unnumbered turn that does not end
    asking ("Chair: Please do. We will want it before the summer recess.") asks nothing."""
    return not _QUESTION_END_RE.search(text, t.body, t.end) and not _COMMITTEE_Q_RE.match(text, t.start, t.body)


def _committee_statement(text: str, t: Turn, fw: dict, reporting: frozenset) -> bool:
    """A committee member's numbered turn ("Q214 Chair: Mr Prideaux, you were paid a bonus of
    £412,000 last year. … How do you explain that?") that states in its own words before it
    asks: one statement, as a hearing's member's is; not one that only asks, nor one whose
    preamble reports somebody else ("Ms Lowe, the trust says it has no more money. Do you …?")."""
    if not _COMMITTEE_Q_RE.match(text, t.start, t.body) or not _states(text, t.body, t.end, fw):
        return False
    last = max(text.rfind(". ", t.body, t.end), text.rfind("? ", t.body, t.end - 1), text.rfind("! ", t.body, t.end))
    return not any(w.lower() in reporting for w in _NAME_WORD_RE.findall(text, t.body, last))


def _own_preamble(text: str, t: Turn, fw: dict, reporting: frozenset) -> bool:
    """A host's turn that says something in its own words before its question ("TOM: Six weeks
    on, the cut's still going ahead in May. Isn't there a point …?"): one statement, like a
    member's; not a greeting or a hand-over, nor one that reports somebody else ("The ministry
    says …. Is it right?")."""
    last = max(text.rfind(". ", t.body, t.end), text.rfind("! ", t.body, t.end))
    preamble = text[t.body:last + 1]
    words = _NAME_WORD_RE.findall(preamble)
    # ("Yvonne, let’s start with the obvious one.", "Joining us now from New York is …", "Jest z nami
    # prezes Leszek Banaś.": a hand-over; "One at a time, please.": too short to say anything)
    return len(words) >= _PREAMBLE_MIN_WORDS and not _has_word(preamble, fw.get("host_handover", ())) \
        and not any(w.lower() in reporting for w in words)


def _narration(text: str, t: Turn, fw: dict, reporting: frozenset) -> bool:
    """A bare paragraph that reports ("Ashdown, a Conservative member of the committee, later
    described the answer as …"): it opens with a name (two capitalised words, or one and a
    comma), has a verb of speech and no first- or second-person word."""
    return _NARRATION_OPENING_RE.match(text, t.start, t.end) is not None and _reports(text, t, fw, reporting)


def _reports(text: str, t: Turn, fw: dict, reporting: frozenset) -> bool:
    """A paragraph with a verb of speech and no first- or second-person word: somebody's words
    reported, not the speaker's own."""
    words = [w.lower() for w in _NAME_WORD_RE.findall(text[t.start:t.end])]
    own = fw.get("speech_person", ())
    return any(w in reporting for w in words) and not any(w in own for w in words)


_NARRATION_OPENING_RE = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+(?:,|\s+[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]+)")


def _states(text: str, a: int, b: int, fw: dict) -> bool:
    """Does ``text[a:b]`` end a sentence before its last one (not at "Mr." or "Dr.")?"""
    honorific = fw.get("honorific", ())
    return any(len(m.group(1)) > 1 and m.group(1).lower() not in honorific for m in _STATED_RE.finditer(text, a, b))


def _person(label: str, q_words, a_words) -> str:
    """Whom a label stands for: a question or answer word itself, else the initials ("Jan
    Lis", "J.L." and "JL" are one person; a surname alone is its own)."""
    low = label.lower()
    if low in q_words or low in a_words:
        return low
    letters = _initials(label)
    if letters is not None:
        return letters
    return _name_initials(label) if " " in label.strip() else label


def label_stands_for(label: str, name: str) -> bool:
    """Does an interview label stand for the full ``name``: its initials ("MK", "M.K."), its
    surname, the name itself, or, for a one-word label, the first name ("NADIA:", "Dev:" of a
    podcast's hosts)? A short word in capitals may be either initials or a name ("DEV")."""
    letters = _initials(label)
    if letters is not None and len(letters) >= 2 and letters == _name_initials(name):
        return True
    if letters is not None and len(letters) >= 2 and not _one_word(label):
        return False
    if in_capitals(label):  # "DANA KOVACS:", a transcript's labels in capitals
        label, name = label.casefold(), name.casefold()
    words = name.split()
    return label == name or (bool(words) and label == words[-1]) or (
        _one_word(label) and len(words) >= 2 and label == words[0])


def label_index(names: list[str]) -> dict[str, list[int]]:
    """Positions in ``names`` by every key ``label_keys`` may give: initials, the name, its
    first name and surname, and their casefolded forms (so a label is matched without trying
    every name)."""
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        words = name.split() or [name]
        keys = {"i:" + _name_initials(name)}
        for form in {name, words[0], words[-1]}:
            keys.update(("n:" + form, "c:" + form.casefold()))
        for key in keys:
            index.setdefault(key, []).append(i)
    return index


def label_keys(label: str) -> tuple[str, ...]:
    """The ``label_index`` keys a label is looked up by (``label_stands_for`` then decides)."""
    letters = _initials(label)
    name_key = ("c:" + label.casefold()) if in_capitals(label) else ("n:" + label)
    if letters is not None and len(letters) >= 2:
        return ("i:" + letters, name_key) if _one_word(label) else ("i:" + letters,)
    return (name_key,)


def _one_word(label: str) -> bool:
    """A label of one word without points ("DEV", "Nadia"), which may be a first name or a surname."""
    return label.isalpha()


def in_capitals(label: str) -> bool:
    """A label set in capitals ("DANA KOVACS", "ANGUS McVEIGH": a Scottish prefix keeps its small letter)."""
    return _MAC_RE.sub("", label).isupper()


def capitals_name(label: str) -> str:
    """A capitals label as a name: "ANGUS McVEIGH" -> "Angus McVeigh"."""
    return " ".join(m.group(1) + m.group(2).title() if (m := _MAC_WORD_RE.fullmatch(w)) else w.title()
                    for w in label.split())


def _initials(label: str) -> str | None:
    """"MK", "M.K.", "M. K." -> "MK"; None unless the label is initials (at most four capitals)."""
    letters = label.replace(".", "").replace(" ", "")
    return letters if letters.isupper() and len(letters) <= 4 else None


def _name_initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _unlabelled(text: str, paras: list[tuple[int, int]], turns: list[Turn], fw: dict, reporting: frozenset = frozenset()) -> Interview:
    """No labels: ``…?`` paragraphs are the questions when the lead, or the paragraph before
    the first of them, says this is an interview; the paragraphs after each are its answer."""
    first = next((i for i, t in enumerate(turns) if t.question), None)
    if first is None:
        return NO_INTERVIEW
    words = fw.get("interview_word", ())
    lead = [paras[i] for i in range(min(LEAD_PARAGRAPHS, len(paras)))] + [(turns[first - 1].start, turns[first - 1].end)
                                                                          if first > 0 else paras[0]]
    if not any(_has_word(text[a:b], words) for a, b in lead):
        return NO_INTERVIEW
    questions, answers = [], []
    state = ""
    for t in turns[first:]:
        if t.question:
            questions.append(t)
            state = "q"
        elif state and not _note(text, t, fw):
            answers.append(t)
            state = "a"
        else:
            state = ""
    answered = sum(1 for q, nxt in zip(turns, turns[1:]) if q.question and not nxt.question)
    if len(questions) < MIN_QUESTIONS or answered < MIN_QUESTIONS or (
            _headings_only(text, questions, fw) and sum(_reports(text, a, fw, reporting) for a in answers) >= MIN_QUESTIONS):
        return NO_INTERVIEW  # an explainer: short headings over sections that report others' words
    return Interview(tuple(questions), tuple(answers))


def _headings_only(text: str, questions: list[Turn], fw: dict) -> bool:
    """Questions that are all short lines of their own, never address anyone and open with no
    dash ("Ile treści ubędzie?", "Co na to ministerstwo?") head an explainer's sections, which
    report others' words; an interviewer asks at length somewhere, says "pan", "you", or asks in
    dash dialogue ("– Ile osób strajkuje?")."""
    address = fw.get("guest_address", ())
    return all(q.body == q.start and len(words := _NAME_WORD_RE.findall(text[q.body:q.end])) <= HEADING_QUESTION_MAX_WORDS
               and not any(w.lower() in address for w in words) for q in questions)


COURTESY_MAX_WORDS = 10  # longer than any greeting or thanks alone
FLOOR_MAX_WORDS = 25  # longer than any moderator's turn that only gives the floor or signs off


def courtesy_only(text: str, fw: dict) -> bool:
    """A turn made only of a greeting or thanks, maybe with the names of those thanked
    ("Dziękuję za rozmowę.", "Thanks for having me, guys.", "Nadia Okafor, thank you so much."),
    or a moderator's turn that only gives the floor or signs off ("Closing statements. Mr.
    Whitcombe.", "Councilmember, you'll have your rebuttal. Mayor, please finish.", "Ms.
    Nandakumar."): an answer that says nothing."""
    words = _NAME_WORD_RE.findall(text.replace("'", "").replace("’", ""))
    courtesy, floor = fw.get("courtesy", ()), fw.get("floor_giving", ())
    if not words:
        return False
    if len(words) <= 3 and words[0].lower() in fw.get("honorific", ()) and all(w[:1].isupper() for w in words):
        return True  # "Ms. Nandakumar.": the next speaker's name alone
    gives_floor = any(w.lower() in floor for w in words)
    said = [w for w in words if w.lower() in courtesy]
    return len(words) <= (FLOOR_MAX_WORDS if gives_floor else COURTESY_MAX_WORDS) and (bool(said) or gives_floor) and all(
        w.lower() in courtesy or w.lower() in floor or (w[:1].isupper() and w.lower() not in fw.get("pron", ())) for w in words)


def _has_word(s: str, words) -> bool:
    return bool(words) and _words_re(frozenset(words)).search(s) is not None


@lru_cache(maxsize=16)
def _words_re(words: frozenset) -> re.Pattern:
    """One pattern for a lexicon's words and phrases ("_" joins a phrase's words), whole words,
    any case."""
    alt = "|".join(re.escape(w.replace("_", " ")) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


_BIO_RE = re.compile(r"[^\W\d_][\w’'\-]+(?:[ \t]+[^\W\d_][\w’'\-]+){1,2}[ \t]+[–—][ \t]+[^\W\d_A-ZĄĆĘŁŃÓŚŹŻ]")


def _note(text: str, t: Turn, fw: dict) -> bool:
    """An editor's note or the interviewer's byline closing the interview ("Rozmawiała Anna
    Lis", "This interview has been edited for length", "Tekst ukazał się w …"), or the guest's
    short biography ("Teresa Wolańska – ekonomistka, …")."""
    if t.label or t.end - t.start >= BIO_MAX:
        return False
    return (t.end - t.start < 200 and _has_word(text[t.start:t.end], fw.get("interview_note", ()))) or (
        _BIO_RE.match(text, t.start, t.end) is not None) or _bio_sentence(text, t, fw)


def _bio_sentence(text: str, t: Turn, fw: dict) -> bool:
    """The guest introduced in the third person ("Prof. Marta Wilczyńska jest ekonomistką,
    kieruje Katedrą …", "Dana Kovacs is a hydrologist …"): a title or two, a name, a copula."""
    m = _BIO_COPULA_RE.match(text, t.start, t.end)
    return m is not None and m.group(2).lower() in fw.get("bio_copula", ())


_NAME = r"([^\W\d_a-ząćęłńóśźż][\w’'\-]+(?:[ \t]+[^\W\d_a-ząćęłńóśźż][\w’'\-]+){1,2})"  # on one line
_BIO_COPULA_RE = re.compile(rf"(?:[^\W\d_]{{1,5}}\.[ \t]+){{0,3}}{_NAME}[ \t]+(\w+)[ \t]")  # "Prof. Marta Lis jest"


def interviewer_names(text: str, fw: dict) -> frozenset[str]:
    """Names after an interviewer cue ("Rozmawiała Anna Lis", "Rozmawia z nią Jan Lis",
    "Interview by Ann Lee"), with a pronoun at most between: never the guest."""
    cues, fillers = fw.get("interviewer_cue", frozenset()), fw.get("interviewer_filler", frozenset())
    if not cues:
        return frozenset()
    return frozenset(m.group(1) for m in _interviewer_re(frozenset(cues), frozenset(fillers)).finditer(text))


@lru_cache(maxsize=4)
def _interviewer_re(cues: frozenset, fillers: frozenset) -> re.Pattern:
    alt = "|".join(re.escape(c.replace("_", " ")) for c in sorted(cues, key=len, reverse=True))
    fill = "|".join(re.escape(f.replace("_", " ")) for f in sorted(fillers, key=len, reverse=True))
    fill = rf"(?:[ \t]+(?i:{fill}))?" if fill else ""
    return re.compile(rf"(?<!\w)(?i:{alt}){fill}[ \t]+{_NAME}")
