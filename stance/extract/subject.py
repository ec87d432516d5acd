"""Attribution within a sentence: which phrase is the subject of a cue, by case and position.

A cue verb's speaker is its nominative subject: the nearest nominative phrase before the verb
in its clause (Polish), the first one (English, subject-verb order), or the one right after
it (inverted ``powiedział Witkoff``). Phrases inside prepositional phrases or relative clauses
and oblique (genitive, accusative, instrumental …) phrases are never subjects: in
``wysłannik prezydenta powiedział`` the envoy speaks, not the president. These functions
only read the tokens; the cue stage calls them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from stance.extract import morph
from stance.extract.clauses import pp_noun_cue, verb_group_start
from stance.extract.apposition_gaps import apposition_gap, only_commas
from stance.extract.marks import QUOTE_CHARS
from stance.extract.mentions import Ref, make_ref, word_map
from stance.extract.segment import Sentence
from stance.extract.phrases import NP
from stance.extract.words import Tokens

# token classes that end the clause a cue's subject is searched in
_CLAUSE_BREAKS = frozenset({"comp", "coord", "quoted", "cue"})
_BREAK_PUNCT = frozenset(":;–—-()")  # a loose hyphen token is a dash ("10:40 GMT - Pike said")
_QUOTED_NAME_MAX = 6  # words of a body's quoted name after its noun
_AFTER_STOP_KINDS = frozenset({"comp", "quoted", "cue", "rel", "coord"})
_AFTER_STOP_PUNCT = frozenset(",.:;!?–—()\"„“”«»")
_MAX_INVERTED_SUBJECT = 10  # tokens after a verb searched for an inverted subject


_CAPS = frozenset({"name", "inst", "place", "acro", "cap"})
_NOUNISH = _CAPS | {"title", "word", "tword"}
_COORDINATED_ROLE_GAP = 4  # tokens between two roles joined by "i"/"and" ("posłanka opozycji i wiceprzewodnicząca")
_AFFILIATION_MAX = 5  # tokens of a parenthesis after a name ("(R-Ohio)", "(D-N.Y.)", "(PiS)")


_PP_CUE_REACH = 3  # tokens from a cue noun back to its preposition ("w przesłanym redakcji oświadczeniu")


def clause_boundary(toks: Tokens, sent: Sentence, k: int) -> int:
    """Token index of the clause boundary before token ``k`` (or ``sent.t0 - 1``)."""
    kind, words = toks.kind, toks.words
    q = k - 1
    while q >= sent.t0:
        c = kind(q)
        if c == "quoted" and (named := _quoted_name_start(toks, sent, q)) is not None:
            q = named  # "Colin Brereton, chair of the campaign group 'Hollin Moor Matters', said": the body's own name
            continue
        if c in _CLAUSE_BREAKS:
            nxt = q + 2 if q + 2 < k and kind(q + 1) == "det" else q + 1  # "Yorkshire and the North East"
            if c == "coord" and nxt < k and q - 1 >= sent.t0 and kind(nxt) in _CAPS and kind(q - 1) in _CAPS \
                    and words[nxt][:1].isupper() and words[q - 1][:1].isupper():
                # "Witkoff i Kushner powiedzieli": coordinated names are one subject; "Instytut
                # Meteorologii i Gospodarki Wodnej", "Energy Security and Net Zero": one name
                q -= 1
                continue
            if c == "coord" and q + 1 < k and kind(q + 1) == "rel" and q > sent.t0 and words[q - 1] == ",":
                q -= 1  # "A healthcare assistant who …, and who gave evidence …, said": a second relative clause
                continue
            if c == "coord" and q + 1 < k and kind(q + 1) == "title" and any(
                    kind(x) == "title" for x in range(max(sent.t0, q - _COORDINATED_ROLE_GAP), q)):
                q -= 1  # "Ewa Jarosz, posłanka opozycji i wiceprzewodnicząca komisji, nazwała": two roles of one person
                continue
            if c == "cue" and q - 1 >= sent.t0 and pp_noun_cue(toks, q, max(sent.t0, q - _PP_CUE_REACH) - 1):
                q -= 1  # "Dyrekcja szpitala w oświadczeniu przekazała": a statement the subject issued, no clause of its own
                continue
            if c == "comp" and q + 1 < k and q - 1 >= sent.t0 and toks.lows[q] in toks.fw.get("rel_comp", ()) \
                    and kind(q - 1) in _NOUNISH and kind(q + 1) == "word" and words[q + 1][:1].islower():
                q -= 1  # "the subcommittee that drafted the measure, said": a relative clause, not a reported one
                continue
            return q
        if c == "punct" and words[q] == ")":
            opening = next((o for o in range(q - 1, max(sent.t0, q - _AFFILIATION_MAX) - 1, -1) if words[o] == "("), None)
            if opening is not None and opening > sent.t0 and kind(opening - 1) == "name":
                q = opening - 1  # "Rep. Dale Hutchins (R-Ohio), chairman of …, said": a name's affiliation
                continue
        if c == "punct" and words[q] in _BREAK_PUNCT:
            return q
        q -= 1
    return sent.t0 - 1


def _quoted_name_start(toks: Tokens, sent: Sentence, q: int) -> int | None:
    """The quoted run ending at token ``q`` is a capitalised name (up to ``_QUOTED_NAME_MAX``
    words) in quote marks right after a lowercase role or body noun ("grupa „Rodzice Razem”", "the campaign group
    'Hollin Moor Matters'"): that noun's index, else None."""
    r = q
    while r > sent.t0 and toks.kind(r - 1) == "quoted":
        r -= 1
    if q - r >= _QUOTED_NAME_MAX or r - 2 < sent.t0 or toks.words[r - 1] not in QUOTE_CHARS \
            or toks.kind(r - 2) not in ("title", "inst") or not toks.words[r - 2][:1].islower():
        return None
    if not all(toks.words[t][:1].isupper() for t in range(r, q + 1) if toks.words[t][:1].isalpha()):
        return None
    return r - 2


def anaphora_before(toks: Tokens, anaphora_lasts: frozenset, a: int, k: int) -> bool:
    """"The latter said", "ten ostatni dodał": a phrase from ``anaphora.txt`` right before the
    cue (adverbs such as "afterwards" may sit between)."""
    lows = toks.lows
    if not any(lows[q] in anaphora_lasts for q in range(max(a, k - 3), k)):
        return False
    words = lows[max(a, k - 6):k]
    for phrase, _which in toks.lex.anaphora:
        n = len(phrase)
        if n == 1:
            # ("Ten zapewnia": not "Ten projekt zakłada")
            if k - 1 >= a and lows[k - 1] == phrase[0] and (k - 1 == a or toks.kind(k - 2) == "punct"):
                return True
            continue
        for off in range(3):
            end = len(words) - off
            if end - n >= 0 and tuple(words[end - n:end]) == phrase:
                return True
    return False


def pick_subject(toks: Tokens, region: list[NP], first: bool = False) -> NP | None:
    """The subject among the phrases of a clause (nominative, outside PPs and relative clauses;
    when the verb itself closes a relative clause, that clause's own subject: "Słowacja, której
    minister Marek Hudec zażądał")."""
    if region and region[-1].in_rel and not region[-1].in_pp and region[-1].nominative \
            and region[-1].kind in ("name", "title") and toks.lex.rules.case_marked:
        return region[-1]  # the verb is inside the relative clause its last phrase opened
    owned = _possessive_relative_subject(toks, region)
    if owned is not None:
        return owned  # "Millbeck Rovers, whose manager, Phil Gaskin, said": the manager's verb
    if region and toks.lex.rules.subject_first and _pronoun_before_verb(toks, region[-1]):
        return region[-1]  # "the members of the public who waded in, for what she called": her verb
    nominatives = [np for np in region if not np.in_pp and not np.in_rel and np.nominative]
    if not nominatives:
        return None
    if first:
        return nominatives[0]
    if toks.lex.rules.subject_first:
        return _first_subject(toks, nominatives)
    n = len(nominatives) - 1
    while n > 0 and nominatives[n].kind == nominatives[n - 1].kind == "title" and toks.kind(nominatives[n].start - 1) == "coord":
        n -= 1  # "posłanka opozycji i wiceprzewodnicząca komisji": the first of two roles
    nearest = nominatives[n]
    # apposition: "Peskov, the Kremlin spokesman, said" -> the name; also with a word or two
    # before the role ("Jan Kos, wcześniej wieloletni dyrektor, zapowiedział")
    if nearest.kind == "title" and n > 0:
        before = nominatives[n - 1]
        if before.kind == "name" and apposition_gap(toks, before.end, nearest.start) and not (
                toks.plural_role_noun(toks.lows[toks.head(nearest)]) and not (before.start > 0 and toks.kind(before.start - 1) == "coord")):
            return before  # (a plural role is no apposition of one name: "Gdy przemawiał Nowak, radni mówili")
    return nearest


def _possessive_relative_subject(toks: Tokens, region: list[NP]) -> NP | None:
    """The subject of a possessive relative clause (``rel_possessive``: "whose") that the cue
    closes: the role right after the pronoun, or the name in apposition to it ("whose manager,
    Phil Gaskin, said"); None when the cue follows anything else ("whose family farmed the Long
    Acre until 1998, said": the antecedent's verb)."""
    if not region or toks.lex.rules.case_marked:
        return None
    possessive = toks.fw.get("rel_possessive", ())
    for n, np in enumerate(region):
        if not np.titles or np.start == 0 or toks.lows[np.start - 1] not in possessive:
            continue
        last = region[-1]
        if n < len(region) - 1 and not (n == len(region) - 2 and last.kind == "name" and toks.words[np.end] == ","
                                        and last.start == np.end + 1):
            return None
        after = last.end + (last.end < len(toks.words) and toks.words[last.end] == ",")
        return last if after < len(toks.words) and toks.kind(after) == "cue" else None
    return None


def _pronoun_before_verb(toks: Tokens, np: NP) -> bool:
    """A subject pronoun right before a cue verb: the verb's subject, inside a relative clause too."""
    return np.kind == "pron" and np.end - np.start == 1 and toks.lows[np.start] in toks.fw.get("subject_pronoun", ()) \
        and np.end < len(toks.words) and toks.kind(np.end) == "cue"


def _named_apposition(toks: Tokens, nps: list[NP], n: int) -> int:
    """The index of the name a role at ``nps[n]`` stands in apposition to, else ``n``."""
    if n > 0 and nps[n].kind == "title" and nps[n - 1].kind == "name" and apposition_gap(toks, nps[n - 1].end, nps[n].start):
        return n - 1
    prev = nps[n - 1] if n > 0 else None
    if prev is not None and nps[n].kind == "name" and not nps[n].nominative and prev.kind in ("name", "title") and prev.nominative \
            and not prev.in_pp and toks.words[prev.end] == "," and 0 < nps[n].start - prev.end - 1 <= _KIN_GAP \
            and all(toks.kind(t) in ("word", "title") and toks.words[t].islower() for t in range(prev.end + 1, nps[n].start)):
        return n - 1  # "Tomasz Kubiak, młodszy brat Marty, który …": the name the description's genitive completes
    return n


def _past_description(toks: Tokens, k: int) -> int:
    """The token after a prepositional phrase at ``k`` that describes the role before it and runs
    right up to a cue ("a man at the back of the hall shouted"), else ``k``."""
    q = k
    while q < len(toks.words) and q - k <= _DESCRIPTION_TO_CUE and toks.kind(q) in _DESCRIPTION_KINDS_TO_CUE:
        q += 1
    return q if q < len(toks.words) and q > k + 1 and toks.kind(q) == "cue" else k


def _first_subject(toks: Tokens, nominatives: list[NP]) -> NP:
    """Subject-verb order: the first phrase, unless another one stands right before the verb
    after a clause of its own ("EU adopts new sanctions, Kremlin calls it"), or the first is a
    role with a name in apposition ("A Commission spokeswoman, Henrike Vollmer, said")."""
    words = toks.words
    best, last = nominatives[0], nominatives[-1]
    k = last.end
    aux, passive = toks.fw.get("aux", ()), toks.fw.get("passive_aux", ())  # ("the court was told": a hearer)
    while k < len(words) and toks.kind(k) == "word" and k - last.end < 3 and (
            words[k].endswith("ly") or (toks.lows[k] in aux and toks.lows[k] not in passive)):
        k += 1  # an adverb or active auxiliary between subject and verb ("quickly said", "has called")
    if last is not best and k < len(words) and toks.kind(k) == "prep" and last.kind == "title":
        k = _past_description(toks, k)  # "As she spoke, a man at the back of the hall shouted"
    if last is not best and k < len(words) and toks.kind(k) == "cue" and (
            not only_commas(toks.words, best.end, last.start) or (best.kind == "pron" and last.kind != "pron")
            or (last.kind == "title" and toks.lows[toks.head(last)] in toks.fw.get("collective_noun", ()))) \
            and not _participle_object(toks, best, last):
        # ("In a statement read by her son, Gareth Pryce, the family said": a group is no apposition of a name)
        return last  # "…, and so will we, Reed told reporters": a pronoun takes no name in apposition
    if last is not best and k + 2 < len(words) and toks.kind(k) == "cue" and words[k + 1] == "," and last.start > 0 \
            and words[last.start - 1] == "," and toks.kind(k + 2) not in ("quoted", "punct"):
        return last  # "Brightwater, the Crown says, was …": the aside's own subject
    if len(nominatives) > 1 and best.kind == "title" and best.end == best.start + 1 and words[best.start][:1].isupper() \
            and best.end < len(words) and words[best.end] == "," and nominatives[1].start == best.end + 1 \
            and nominatives[1].end == k and k < len(words) and toks.kind(k) == "cue" \
            and (best.start in toks.sent_initial or (best.start > 0 and words[best.start - 1] == ":")):
        return nominatives[1]  # "Mayor, Councilmember Lisle said in his opening that you …": the one addressed, then the subject
    role = nominatives[-2] if len(nominatives) > 1 else None
    if last is not best and last.kind == "name" and len(last.names) >= 2 and role.kind == "title" and role.end + 1 == last.start \
            and words[role.end] == "," and k + 1 < len(words) and words[k] == "," and toks.kind(k + 1) == "cue":
        return last  # "The National Farmers’ Union’s adviser for the North East, Graham Pratt, called": the name in apposition
    # ("One Democrat, Sen. Paul Okafor, said": a capitalised word after an article or a count
    # describes the person the name after it names)
    before = (toks.lows[best.start], toks.lows[best.start - 1] if best.start > 0 else "")
    # ("Corey's brother, Hemi Rewiti, said": a noun after a name's possessive describes him too)
    described = best.kind == "title" or (best.kind == "name" and any(
        w in toks.fw.get("article", ()) or w in toks.fw.get("quantifier", ()) for w in before)) or (
        best.kind == "name" and words[best.end - 1].endswith(("'s", "’s")) and toks.kind(best.end) == "word")
    if (described and len(nominatives) > 1 and nominatives[1].kind in ("name", "inst")
            and words[nominatives[1].start - 1] == ","
            and (nominatives[1].end >= len(words) or words[nominatives[1].end] in (",", "("))):
        return nominatives[1]
    return best


def _participle_object(toks: Tokens, subject: NP, np: NP) -> bool:
    """``np`` is the object of a participle right after ``subject`` ("Astronomers using the James
    Webb Space Telescope say"), no comma between."""
    suffix = toks.lex.rules.participle_suffix
    return subject.kind in ("title", "name") and bool(suffix) and toks.kind(subject.end) == "word" \
        and toks.lows[subject.end].endswith(suffix) and all(toks.kind(t) != "punct" for t in range(subject.end, np.start))


def clause_prep_subject(toks: Tokens, region: list[NP], k: int) -> NP | None:
    """"after the Tolen Bridge Authority confirmed", "with the UN envoy saying": a phrase right
    before the cue after a preposition that also opens a clause (``clause_prep``) is the cue's
    subject, not a prepositional object."""
    if not region:
        return None
    np = region[-1]
    if np.end != k or not np.in_pp or np.kind not in ("name", "title", "inst") or np.start == 0:
        return None
    return np if toks.lows[np.start - 1] in toks.fw.get("clause_prep", ()) else None


def relative_antecedent(toks: Tokens, sent: Sentence, a: int, k: int, region: list[NP]) -> NP | None:
    """"…, który powiedział": the phrase the relative pronoun refers back to, when the relative
    clause has no subject of its own."""
    rel = next((q for q in range(k - 1, a - 1, -1) if toks.kind(q) == "rel"), None)
    if rel is None:
        return None
    if any(np.start > rel and not np.in_pp and np.nominative for np in region):
        return None
    if toks.words[k - 1] == "," and not toks.lex.rules.case_marked and (
            toks.words[rel - 1] != "," or toks.lows[rel] in toks.fw.get("rel_thing", ())):
        # the relative clause closed before the verb and describes no subject of its own: "X, an
        # ecologist at the University of Aberdeen who has studied …, says"; "X, a lobbyist for the
        # association, which represents …, warned" (but "Y, who spoke to reporters, called": Y)
        return None
    q = rel - 1
    if q >= sent.t0 and toks.words[q] == ",":
        q -= 1
    if q - 2 > sent.t0 and toks.words[q] == ")" and toks.words[q - 2] == "(":
        q -= 3  # "Sen. Dale Hermanson (R-Willmar), who said": a tag after the name, not the antecedent
    if q - 2 > sent.t0 and toks.kind(q) == "num" and toks.words[q - 1] == ",":
        q -= 2  # "Kai Brennan, 15, who said": an age after the name, not the antecedent
    nps = toks.chunks(max(sent.t0, q - _RELATIVE_WINDOW), q + 1)
    if not nps or nps[-1].end != q + 1:
        return None
    np = nps[_named_apposition(toks, nps, _antecedent_index(toks, nps, rel))]
    if np.in_pp and np.kind in ("inst", "name"):
        # "Dr Agnieszka Rudnicka, biolożka z Uniwersytetu Rzeszowskiego, która …": a body after a
        # preposition completes a description the lexicon lacks; the subject is the phrase before
        # (an apposition: the phrase and a comma right before the description); so does a name
        # there ("Mark Selwyn, of the campaign group Rivers Alive, who watched …, said")
        # ("a man loading bags into the back of a Land Rover, who …, says": the man, his participle's phrase between)
        np = next((x for x in reversed(nps) if x.end < np.start and (toks.words[x.end] == "," or (
                   not toks.lex.rules.case_marked and x.kind == "title" and toks.lows[x.end].endswith("ing"))) and not x.in_pp
                   and not x.in_rel and x.nominative and x.kind in ("name", "title")), np)
    return np


def _role_gender(toks: Tokens, np: NP) -> str:
    """The grammatical gender of a role phrase's noun (from the role lexicon), else ""."""
    info = toks.lex.titles.get(toks.lows[toks.head(np)]) if np.kind == "title" else None
    return info[1] if info else ""


def _antecedent_index(toks: Tokens, nps: list[NP], rel: int) -> int:
    """Which of the phrases ``nps`` before the relative pronoun (or participle) at token ``rel``
    it refers to: the last, unless that is a place or institution after a preposition that
    completes the role before it ("prezes stowarzyszenia z Lubuskiego, który", "Osoba z
    kierownictwa spółki, która"), or a role whose gender the pronoun does not share while the
    one before does ("Źródło zbliżone do rządu, które": the source, not the government)."""
    n = len(nps) - 1
    while n > 0 and nps[n].in_pp and nps[n - 1].kind in ("title", "name"):
        # (the preposition may follow a comma: "Prof Anjali Raman, of University College London, who")
        prep = nps[n - 1].end + (toks.words[nps[n - 1].end] == ",")
        if not (toks.kind(prep) == "prep" and (
                (nps[n].kind == "inst" and prep == nps[n].start - 1)
                or (nps[n].kind == "name" == nps[n - 1].kind and prep == nps[n].start - 1 == nps[n - 1].end
                    and nps[n].end - nps[n].start == 1 and toks.lows[prep] in toks.fw.get("home_prep", ()))
                or (nps[n].start - prep <= 3 and nps[n].kind == "title" and toks.institution_noun(toks.head(nps[n]))))):
            break
        n -= 1
    agrees = word_map(toks, "rel_gender").get(toks.lows[rel], "")
    if agrees and n > 0 and _role_gender(toks, nps[n]) not in ("", agrees) and _role_gender(toks, nps[n - 1]) == agrees:
        n -= 1
    return n


_KIN_GAP = 3  # lowercase words of a description before the genitive name it holds ("młodszy brat Marty")
_INDEFINITE_MAX = 9  # tokens of "a fan at the back of the room"
_DESCRIPTION_TO_CUE = 7  # tokens of a role's describing phrase before its cue ("at the back of the hall")
_DESCRIPTION_KINDS_TO_CUE = frozenset({"prep", "det", "word", "tword", "name", "place", "title", "num", "possessive"})
_RELATIVE_WINDOW = 12  # tokens read back from a relative pronoun for its antecedent ("Ramesh Yadav, a 52-year-old farmer from Kheri village, who")
_ENCLOSED_MAX = 30  # tokens of a relative or participle phrase between a subject and its verb
_ANTECEDENT_WINDOW = 40  # tokens before such a phrase read for its antecedent


def enclosed_antecedent(toks: Tokens, sent: Sentence, k: int) -> NP | None:
    """"A senior official, who asked not to be named, said": the cue at ``k`` (or its auxiliaries:
    ", has confirmed") follows a comma that
    closes a relative clause (or a participle phrase: "Jeden z dyplomatów, pragnący zachować
    anonimowość, przyznał") opened right after a phrase; that phrase is the subject."""
    words, kind = toks.words, toks.kind
    k = verb_group_start(toks, sent, k)
    if k - 1 <= sent.t0 or words[k - 1] != ",":
        return None
    q = k - 2
    comp = False  # a "that" inside the enclosed clause ("who asked that her name not be used")
    quoted = False  # a quotation inside: a title the phrase names ("zatytułowanym „…”"), or speech
    subordinate = toks.fw.get("subordinator", ())
    while q > sent.t0 and k - q <= _ENCLOSED_MAX:
        quoted = quoted or kind(q) == "quoted"
        comp = comp or kind(q) == "comp"
        if words[q] == ",":
            if toks.lows[q + 1] in subordinate:
                comp = True  # "który prosił, by nie podawać jego nazwiska,": the relative clause goes on
            elif not (kind(q + 1) in ("name", "place") and any(kind(t) == "coord" for t in range(q + 2, k - 1))) \
                    and not _town_and_country(toks, q):
                break  # (a list goes on: "which runs food banks across Birmingham, Solihull and the Black Country,")
        q -= 1
    else:
        return None
    opens = q + 2 if kind(q + 1) == "prep" and q + 2 < k else q + 1  # ", z którym rozmawialiśmy,": a preposition first
    if words[q] != "," or not (kind(opens) == "rel" or (not comp and _opens_participle(toks, q + 1))):
        return None
    if quoted and not (toks.cased and _participle(toks.lows[q + 1])):
        return None  # (only a participle's phrase may hold a title: "X, który powiedział „…”, dodał" is speech)
    # (a wide window: a narrow one would cut a prepositional phrase from its preposition; a
    # bounded one keeps a sentence that never ends linear)
    nps = toks.chunks(max(sent.t0, q - _ANTECEDENT_WINDOW), q)
    if not nps or nps[-1].end != q:
        return None
    np = nps[_named_apposition(toks, nps, _antecedent_index(toks, nps, q + 1))]
    if np.in_pp:
        # "Lekarze z SOR w liście … do dyrekcji i wojewody, zatytułowanym „…”, piszą": the phrase
        # describes the letter; the clause's subject is the nominative phrase before
        np = next((x for x in reversed(nps) if not x.in_pp and not x.in_rel and x.nominative), np)
    return np if np.kind in ("name", "title", "inst") and not np.in_pp else None


def _town_and_country(toks: Tokens, q: int) -> bool:
    """The comma at ``q`` parts a town from its country ("leads a group in Bristol, England,"):
    one capitalised word each side, a preposition before the town."""
    kind, words = toks.kind, toks.words
    return 2 <= q and q + 2 < len(words) and words[q + 2] == "," and kind(q + 1) in ("name", "place") \
        and kind(q - 1) in ("name", "place") and kind(q - 2) == "prep"


def _opens_participle(toks: Tokens, t: int) -> bool:
    """A participle's phrase starts at ``t``: "pragnący zachować anonimowość"; English "asked later
    about her attack", "speaking on condition of anonymity"."""
    if toks.cased:
        return _participle(toks.lows[t])
    return toks.kind(t) in ("word", "cue") and toks.lows[t].endswith(("ed", "ing")) and t + 1 < len(toks.words) and toks.words[t + 1] != ","


def _participle(word: str) -> bool:
    return any(tag.startswith("pact:") for _l, tag, _q in morph.analyse(word))


def inverted_subject(toks: Tokens, sent: Sentence, k: int, gender: str = "") -> NP | None:
    """Subject after the verb: ``powiedział Witkoff``, ``said Karabağlı``; oblique names and
    roles are objects, not subjects. A verb in the neuter (``gender`` "n": "poinformowało") has
    an institution for its subject, even after a time phrase ("poinformowało w czwartek
    wieczorem greckie MSZ"), though never right after a preposition; so does a plural one
    ("poinformowały nas w środę Wody Polskie")."""
    kind, words = toks.kind, toks.words
    cue = toks.lex.cues.get(toks.lows[k])
    if cue is not None and cue.lemma in toks.fw.get("object_first_lemma", ()):
        return None  # "Oskarżył też fiński rząd o …", "wezwał Belgrad do …": the phrase after the verb is its object
    if cue is not None and "tell" in cue.flags and toks.lex.rules.subject_first:
        return None  # "… told MPs on Tuesday that …": who is told, never the teller
    honorific = toks.fw.get("honorific", ())
    stop = k + 1
    while stop < sent.t1 and stop - k <= _MAX_INVERTED_SUBJECT:
        if kind(stop) == "coord" and words[stop - 1][:1].isupper() and stop + 1 < sent.t1 and words[stop + 1][:1].isupper():
            stop += 1  # "tłumaczy synoptyk Instytutu Meteorologii i Gospodarki Wodnej Paweł Rutkowski": a name's "i"
            continue
        if kind(stop) in _AFTER_STOP_KINDS or (kind(stop) == "punct" and words[stop] in _AFTER_STOP_PUNCT and not (
                words[stop] == "." and stop + 1 < sent.t1 and (words[stop + 1][:1].islower() or toks.lows[stop - 1] in honorific))):
            break  # not the point of "komisarz ds. handlu" (no sentence starts lowercase) or of "podinsp. Jan Wróbel"
        stop += 1
    nps = toks.chunks(k + 1, stop)
    if not nps and stop < sent.t1 and words[stop] == "," and _unnamed_one(toks, k + 1, stop):
        # "said one of them, a senior administrator", "said another, a nurse": the apposition
        nps = [np for np in toks.chunks(stop + 1, min(sent.t1, stop + 1 + _MAX_INVERTED_SUBJECT))[:1] if np.kind == "title"]
    for n, np in enumerate(nps):
        if np.in_pp or np.in_rel:
            continue
        if np.kind in ("title", "name") and not np.nominative:
            continue
        if np.kind == "media" and toks.lex.rules.case_marked and morph.is_nominative_possible(toks.words[np.start]) is False:
            continue  # "przekazało agencji źródło": the medium is told, the source speaks
        if np.kind in ("inst", "media") and toks.lex.rules.case_marked and n + 1 < len(nps):
            nxt = nps[n + 1]
            if nxt.start == np.end and nxt.kind in ("title", "name") and nxt.nominative and not nxt.in_pp:
                return nxt  # "poinformowała IAR rzeczniczka Komisji": the agency is told, the spokeswoman speaks
        return np
    # ("poinformowały nas w środę Wody Polskie": a body's plural name too; "poinformowała w czwartek
    # Uczelniana Komisja Wyborcza": a feminine one, its first word nominative)
    for np in nps:
        if np.kind == "inst" and np.in_pp and not np.in_rel and kind(np.start - 1) not in ("prep", "frame") and (
                gender in ("n", "pl") or (toks.lex.rules.case_marked and not toks.words[np.start].isupper()
                                         and morph.is_nominative_possible(toks.lows[np.start]) is True)):
            return np
    return None


def _unnamed_one(toks: Tokens, a: int, b: int) -> bool:
    """Tokens ``a``…``b`` are "one of them" / "one of the X" / "another": one of a group, unnamed."""
    fw = toks.fw
    low = toks.lows[a]
    if low in fw.get("other_determiner", ()):
        return b == a + 1
    return low in fw.get("partitive", ()) and b > a + 2 and toks.lows[a + 1] in fw.get("partitive_of", ())


def impersonal_source(toks: Tokens, sent: Sentence, k: int) -> NP | None:
    """``W komunikacie Pentagonu podano``: the institution named as the source of an impersonal
    verb (``przekazano``, ``podano``), right after a source noun; None when there is none."""
    sources = toks.fw.get("impersonal_sources", ())
    for np in toks.chunks(sent.t0, k) + toks.chunks(k + 1, min(sent.t1, k + 6)):
        if np.kind in ("inst", "name", "title") and np.start > sent.t0 and toks.words[np.start - 1].lower() in sources:
            return np
    return None


@dataclass(frozen=True)
class Binding:
    """What a cue learns from its subject phrase: ``mode`` explicit (a speaker is named), carry
    (a pronoun: resolved later), media (a medium reports: no statement)."""

    np: NP | None
    mode: str
    gender: str
    speaker: str | None = None
    speaker_kind: str = ""
    ref: Ref | None = None


def bind_subject(toks: Tokens, np: NP, oblique: bool, gender: str, governed: bool = False) -> Binding:
    """The speaker a cue gets from phrase ``np`` (``oblique``: read it as a non-nominative form
    to lemmatise; ``governed``: a preposition fixes that case); ``gender`` is the cue verb's
    own gender, if any."""
    if np.kind == "pron":
        return Binding(np, "carry", np.gender or gender)
    if np.kind == "media":
        return Binding(np, "media", gender)
    oblique = oblique or not np.nominative
    speaker = toks.canonical(np, oblique, governed and oblique)
    # "odpowiedziała premier Czech": a woman, whatever the noun's gender
    # ("Pielęgniarki mówią": a plural verb makes a role that may be either number a group)
    agreed = gender if toks.lex.rules.verbs_agree_in_gender and (gender in ("m", "f") or (gender == "pl" and np.kind == "title")) else ""
    ref = make_ref(toks, np, oblique, speaker, gender=agreed) if speaker else None
    # one of a group read as its singular ("jeden z policjantów zabezpieczających zgromadzenie" ->
    # "policjant") leaves its description out
    singular = np.partitive and speaker and speaker.split()[0].lower() not in toks.fw.get("partitive", ())
    if not singular and described_source(toks, np, ref):
        tail = _source_description(toks, np.end, governed, toks.lex.titles.get(ref.head, ("", ""))[1],
                                   one_place=_unnamed_and_placed(toks, np, ref))
        if tail:
            speaker = f"{speaker} {tail}"
            ref = replace(ref, speaker=speaker)
    gender = gender or toks.gender_of(np)
    mode = "explicit" if speaker else "carry"
    if speaker and is_media_name(toks.lex, speaker) and not (np.kind == "inst" and speaker.islower()):
        mode = "media"  # (a lower-case body is one named before: "the agency" after "the Nordic Space Agency")
    return Binding(np, mode, gender, speaker, np.kind, ref)


def described_source(toks: Tokens, np: NP, ref: Ref | None) -> bool:
    """Does a description follow the role ``ref`` of phrase ``np``: "źródło zbliżone do rządu";
    "dyplomata UE zaznajomiony z przebiegiem rozmów": a role described by a participle and its
    complement is that whole description."""
    return ref is not None and ref.kind == "title" and (
        (ref.head in toks.fw.get("anonymous_source", ()) and (
            ref.vague or (np.end < len(toks.words) and toks.kind(np.end) == "prep")))
        or _participle_at(toks, np.end - 1)
        or _participle_at(toks, np.end)
        or _unnamed_and_placed(toks, np, ref))


def _unnamed_and_placed(toks: Tokens, np: NP, ref: Ref) -> bool:
    """An indefinite person's role and where the person is ("a man at the next table", "one
    process technician at the Eastbrook works"): the place tells this unnamed person apart."""
    return ref.vague and np.end < len(toks.words) and toks.lows[np.end] in toks.fw.get("description_prep", ()) \
        and (toks.lows[np.start] in toks.fw.get("indefinite_role", ()) or toks.role_plural(toks.lows[np.start])) \
        and not toks.lex.institution_role(ref.head)  # (a bare plural too: "Forecasters at the Met Office said")


def is_media_name(lex, speaker: str) -> bool:
    """A medium ("Reuters", "agencja …"): media report, they are no speakers."""
    parts = speaker.split()
    for n in lex.media_name_lens:
        if tuple(parts[:n]) in lex.media_name_set:
            return True
    first = parts[0]
    # a capital counts only on a bare noun ("Agencja podała" opens a sentence); a longer capitalised
    # name is an institution ("Agencja Bezpieczeństwa Wewnętrznego")
    return (not first[:1].isupper() or len(parts) == 1) and lex.media_noun(first.lower())


_DESCRIPTION_MAX = 8  # words of a source's description ("zbliżone do rządu", "z delegacji jednego z państw Europy Środkowej")
_DESCRIPTION_KINDS = frozenset({"word", "prep", "det", "title", "tword", "place", "inst", "acro", "name", "cap", "sie"})


def _participle_at(toks: Tokens, t: int) -> bool:
    if not 0 <= t < len(toks.words):
        return False
    if toks.lows[t] in toks.fw.get("description_word", ()):
        return True  # "a Kenyan official familiar with the talks"
    if not (toks.lex.rules.case_marked and toks.kind(t) in ("word", "tword")):
        return False
    # "zapytany o sankcje" says when the speaker spoke, not who the speaker is
    situation = toks.fw.get("situation_participle", frozenset())
    readings = [lemma for lemma, tag, _q in morph.analyse(toks.lows[t]) if tag.startswith(("ppas:", "pact:"))]
    return bool(readings) and not any(lemma in situation for lemma in readings)


def _source_description(toks: Tokens, t: int, governed: bool = False, gender: str = "", one_place: bool = False) -> str:
    """The words describing an anonymous source after its noun, up to the verb or a comma;
    after a preposition (``governed``) the participle that opens it agrees with the noun in
    ``gender`` in the nominative ("według źródła zbliżonego do rozmów" -> "zbliżone"). With
    ``one_place``, up to a second place ("a boy of about seven | at the family table")."""
    end = source_description_end(toks, t, governed)
    if one_place:
        places = toks.fw.get("description_prep", ())
        end = next((p for p in range(t + 1, end) if toks.lows[p] in places and toks.lows[p] != "of"
                    and any(toks.kind(q) == "prep" for q in range(t, p))), end)
    if end <= t:
        return ""
    dropped, singular = toks.one_of_many(list(range(t, end))) if toks.lex.rules.case_marked else ((), {})
    # "rozmówca z delegacji jednego z państw Europy" -> "z delegacji państwa Europy"
    text = toks.respelled(range(t, end), singular, dropped) if singular else toks.text[toks.starts[t]:toks.ends[end - 1]]
    if governed and toks.lex.rules.case_marked and gender and toks.kind(t) == "word":
        first = toks.words[t]
        text = morph.adj_nominative(first.lower(), gender) + text[len(first):]
    return text


def source_description_end(toks: Tokens, t: int, governed: bool = False) -> int:
    """The token after the description of an anonymous source that starts at token ``t``;
    ``governed``: the source is in the case a preposition gave it ("według naszego rozmówcy"),
    so a lowercase word that cannot be genitive, and no preposition's object, opens the clause
    ("Zdaniem rozmówcy z ministerstwa decyzja zapadnie …")."""
    end = t
    cased = toks.lex.rules.case_marked
    while end < len(toks.words) and end - t < _DESCRIPTION_MAX and toks.kind(end) in _DESCRIPTION_KINDS \
            and not (cased and morph.finite_verb(toks.lows[end])) \
            and toks.lows[end] not in toks.verb_words and not (end > t and not cased and toks.lows[end].endswith("ed")):
        # "Według źródła w delegacji strony uzgodniły …", "a source close to the delegation disputed
        # that", "one union source has told": the clause's verb (a participle may open the description)
        if governed and cased and toks.kind(end) == "word" and toks.words[end][:1].islower() \
                and toks.kind(end - 1) != "prep" and morph.can_be_gen(toks.words[end]) is False:
            break
        end += 1
    while end > t and toks.kind(end - 1) in ("prep", "det"):
        end -= 1  # never end on "do" / "the"
    return end


def indefinite_person(toks: Tokens, sent: Sentence, a: int, cue_tok: int) -> NP | None:
    """"a fan at the back of the room shouted", "One donor wrote", "Someone in the back yelled":
    a person described by an indefinite phrase of ordinary words right before the verb, no
    role the lexicon knows; the phrase without its determiner, else None."""
    lows, kind = toks.lows, toks.kind
    determiners, pronouns = toks.fw.get("indefinite_person", ()), toks.fw.get("indefinite_pronoun", ())
    if not determiners:
        return None
    end = cue_tok
    if end - 1 > a and lows[end - 1].endswith("ly"):
        end -= 1  # "someone quickly replied"
    t = end - 1
    while t >= a and end - t <= _INDEFINITE_MAX and lows[t] not in determiners and lows[t] not in pronouns:
        if not (toks.words[t].isalpha() and toks.words[t].islower() and kind(t) in ("word", "tword", "title", "prep", "det")):
            return None
        t -= 1
    if t < a or end - t > _INDEFINITE_MAX or (t > sent.t0 and kind(t - 1) not in ("punct", "coord", "comp", "rel", "word")):
        return None
    first = t if lows[t] in pronouns else t + 1
    preps = toks.fw.get("description_prep", ())
    head_end = next((q for q in range(first, end) if kind(q) in ("prep", "det") or lows[q] in preps), end)
    if first >= head_end or (lows[t] not in pronouns and lows[head_end - 1] not in toks.fw.get("person_noun", ())):
        return None  # ("a handwritten note said", "a third said"): no person
    return NP(t, end, "title", titles=list(range(first, end)))

def passive_agent(toks: Tokens, sent: Sentence, cue_tok: int) -> NP | None:
    """"was told by magistrates he had been given …": the phrase after "by" of a cue in the
    passive, else None (a language without ``passive_aux`` has none)."""
    if cue_tok - 1 < sent.t0 or toks.lows[cue_tok - 1] not in toks.fw.get("passive_aux", ()) \
            or cue_tok + 2 >= sent.t1 or toks.lows[cue_tok + 1] not in toks.fw.get("passive_agent", ()):
        return None
    k = cue_tok + 2
    np = toks.np_at(k, sent.t1)
    if np is None and toks.role_plural(toks.lows[k]):
        return NP(k, k + 1, "title", titles=[k])  # "by magistrates"
    if np is None and toks.lows[k] in toks.fw.get("bare_body", ()):
        return NP(k, k + 1, "inst", inst=[k])  # "by police"
    return np if np is not None and np.kind in ("name", "title", "inst") else None
