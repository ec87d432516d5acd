"""Stage 5 (alternative), a learned speaker ranker: every speaker the pipeline can see near a
statement, described by numbers and scored by a linear model.

The rules (``resolve.py``) give one answer per statement. The ranker keeps that answer as one
candidate among others (``ranker_features.py``: cue-event subjects, names, roles,
institutions and anonymous sources around the statement, the pronoun antecedent, the
previous statement's speaker, the salient people, each resolved by coreference and merged by
``scoring.norm_speaker``) and picks the one with the highest ``coef · x + intercept``.

The weights are data: ``speaker_ranker.json`` beside this file, written by
``python -m stance.extract.train_speaker_ranker`` (scikit-learn logistic regression over
candidate pairs) and read by ``load_weights``, which accepts exactly the keys, feature names
and number types it knows and refuses anything else in one line naming the file.

``speaker_model``: ``rules`` (the rules alone), ``ranker`` (the model's choice for every
statement), ``hybrid`` (the rules' answer where they know whom they mean: a cue names its
subject, not by a bare role or an ordinary word; the model's choice elsewhere).
"""

from __future__ import annotations

import bisect
import json
import math
from functools import lru_cache
from pathlib import Path

from stance.extract.cues import omitted_subject_gender
from stance.extract.marks import DASHES, QUOTE_CHARS, QUOTE_OPENERS
from stance.extract.morph import persons_plural
from stance.extract.ranker_features import BINARY, BIT, FEATURES, CandidateFinder, SpeakerCandidate, own_event, rules_bits
from stance.extract.words import function_phrases

SPEAKER_MODELS = ("rules", "ranker", "hybrid")
WEIGHTS_PATH = Path(__file__).resolve().parent / "speaker_ranker.json"
FORMAT_VERSION = 1
MAX_WEIGHTS_BYTES = 64_000  # a real file is ~3 kB; anything far larger is refused unread

_F = {name: i for i, name in enumerate(FEATURES)}


def check_speaker_model(value) -> str:
    """``value`` when it names a speaker model, else a one-line ``ConfigError`` (a ValueError)."""
    if not isinstance(value, str) or value not in SPEAKER_MODELS:
        from stance.errors import ConfigError

        raise ConfigError(f"speaker_model must be one of {', '.join(SPEAKER_MODELS)}, not {str(value)[:40]!r}")
    return value


# -- the weights file ----------------------------------------------------------------------
class Weights:
    """A validated weights file: coefficients in ``FEATURES`` order (absent features weigh 0)."""

    def __init__(self, coef: list[float], intercept: float, version: int):
        self.coef = coef
        self.intercept = intercept
        self.version = version
        self._binary = [(BIT[n], coef[_F[n]]) for n in BINARY]
        self._by_bits: dict[int, float] = {}  # a document has a few hundred distinct bit patterns
        self._near, self._event_near = coef[_F["near"]], coef[_F["event_near"]]
        self._salience, self._sources = coef[_F["salience"]], coef[_F["sources"]]

    def score(self, c: SpeakerCandidate) -> float:
        s = self._by_bits.get(c.bits)
        if s is None:
            if len(self._by_bits) > 100_000:  # bounded in a long-lived process
                self._by_bits.clear()
            s = self._by_bits[c.bits] = self.intercept + sum(w for bit, w in self._binary if c.bits & bit)
        return (s + self._near * c.near + self._event_near * c.event_near + self._salience * c.salience
                + self._sources * c.sources)


def _refuse(path, why: str):
    from stance.errors import DataError

    raise DataError(f"{path}: not a speaker-ranker weights file: {why}; retrain it with "
                    "python -m stance.extract.train_speaker_ranker")


def _reject_constant(name: str):
    raise ValueError(f"non-finite number {name}")


def _number(path, key: str, value) -> float:
    # bool is an int in Python: refuse it, like strings, None and containers
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        _refuse(path, f"{key} must be a finite number, not {type(value).__name__} {str(value)[:40]!r}")
    return float(value)


def parse_weights(raw: bytes, path: str | Path = "<weights>") -> Weights:
    """Validate a weights file's bytes: exactly ``version``, ``features``, ``coef``,
    ``intercept``; numbers only (no NaN/Infinity), known and distinct feature names, one
    coefficient per feature, at most ``MAX_WEIGHTS_BYTES``."""
    if len(raw) > MAX_WEIGHTS_BYTES:
        _refuse(path, f"{len(raw)} bytes, more than the {MAX_WEIGHTS_BYTES} a weights file can have")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested deeper than the parser goes
        _refuse(path, f"not valid UTF-8 JSON of plain numbers ({type(exc).__name__}: {str(exc)[:80]})")
    if not isinstance(data, dict):
        _refuse(path, f"a JSON object is expected, not {type(data).__name__}")
    want = {"version", "features", "coef", "intercept"}
    if set(data) != want:
        extra, missing = sorted(set(data) - want), sorted(want - set(data))
        _refuse(path, "unexpected key(s) " + ", ".join(repr(k)[:40] for k in extra[:3]) if extra
                else "missing key(s) " + ", ".join(missing))
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version != FORMAT_VERSION:
        _refuse(path, f"version must be {FORMAT_VERSION}, not {str(version)[:40]!r}")
    names, coef = data["features"], data["coef"]
    if not isinstance(names, list) or not isinstance(coef, list):
        _refuse(path, "features and coef must be lists")
    if len(names) > len(FEATURES) or len(coef) != len(names):
        _refuse(path, f"{len(names)} features and {len(coef)} coefficients (at most {len(FEATURES)}, one each)")
    out = [0.0] * len(FEATURES)
    seen = set()
    for name, c in zip(names, coef):
        if not isinstance(name, str) or name not in _F:
            _refuse(path, f"unknown feature {str(name)[:40]!r}")
        if name in seen:
            _refuse(path, f"feature {name!r} given twice")
        seen.add(name)
        out[_F[name]] = _number(path, f"coef of {name}", c)
    return Weights(out, _number(path, "intercept", data["intercept"]), version)


def load_weights(path: str | Path | None = None) -> Weights:
    """The validated weights at ``path`` (default: the packaged ``speaker_ranker.json``)."""
    return _load_weights(str(Path(path) if path is not None else WEIGHTS_PATH))


@lru_cache(maxsize=4)
def _load_weights(path: str) -> Weights:
    p = Path(path)
    if not p.is_file():
        _refuse(p, "no such file")
    if p.stat().st_size > MAX_WEIGHTS_BYTES:
        _refuse(p, f"{p.stat().st_size} bytes, more than the {MAX_WEIGHTS_BYTES} a weights file can have")
    return parse_weights(p.read_bytes(), p)


def weights_json(coef: dict[str, float], intercept: float) -> str:
    """The file text for ``coef`` (feature -> coefficient): fixed order and rounding, so the
    same training data gives the same bytes."""
    data = {"version": FORMAT_VERSION, "features": list(FEATURES),
            "coef": [round(float(coef.get(n, 0.0)), 6) + 0.0 for n in FEATURES],
            "intercept": round(float(intercept), 6) + 0.0}
    return json.dumps(data, indent=1) + "\n"


def statement_candidates(text: str, chosen, resolver, mode: str = "ranker",
                         rules_stand=None) -> list[tuple[str | None, list[SpeakerCandidate]]]:
    """For each selected statement, in order: the rules' speaker and the candidates (none
    where ``mode`` is ``hybrid`` and the rules keep their answer, nor where
    ``rules_stand(resolver, cand)`` says the caller keeps it: building them is a quarter of
    the extraction's time). The previous statement's speaker is the rules' answer, so
    training and use see the same."""
    finder = CandidateFinder(text, resolver)
    out = []
    prev, prev_end, prev_stood = None, -1, False
    for cand in chosen:
        rules = resolver.statement_speaker(cand)
        stood = (mode == "hybrid" and rules_confident(finder, cand, rules)) or names_a_body(resolver, cand) \
            or (rules is not None and cand.event is not None and cand.event.mode == "named_next") \
            or (rules_stand is not None and rules_stand(resolver, cand)) \
            or (prev_stood and rules == prev and _continues(cand) and (rules[:1].islower() or _next_paragraph(text, prev_end, cand)))
        if stood:
            out.append((rules, []))
        else:
            out.append((rules, finder.candidates(cand, rules, prev, prev_end)))
        if rules:
            prev, prev_end, prev_stood = rules, cand.end, stood
    return out


def _continues(cand) -> bool:
    """A statement with no speaker of its own: no cue, or a cue whose subject is a pronoun or
    left out ("“…,” said one of them, a senior administrator. “…”", "She … said she had raised"):
    where the rules' answer, an unnamed person or body, stood for the statement before and
    carries over, it stands again."""
    return cand.event is None or cand.event.mode == "carry"


def _next_paragraph(text: str, prev_end: int, cand) -> bool:
    """The statement is the quoted paragraph right after the one before it, nothing between
    but the marks: the same voice goes on."""
    between = text[prev_end:cand.start]
    return "\n" in between and not between.strip(_MARKS_AND_SPACE)


_MARKS_AND_SPACE = " \t\n.," + QUOTE_CHARS + DASHES


def anonymous_by_request(resolver, cand, rules: str | None) -> bool:
    """The rules name a role in a sentence, or right after one, where somebody asks not to be named
    ("Sztygar, który …, prosi, żeby nie podawać jego nazwiska. Mówi, że …"): no named person or
    body near it is meant."""
    if not rules or not rules[:1].islower():
        return False
    seg = resolver.coref.seg
    phrases = function_phrases(seg.tokens.lex.lang, "anonymity_request")
    k = seg.sentence_of(cand.start)
    for s in seg.sentences[max(0, k - 1):k + 1]:
        if any(p in seg.text[s.start:s.end].lower() for p in phrases):
            return True
    return False


def names_another(resolver, cand) -> bool:
    """The cue's own subject is a role that says it is somebody else ("Another economist said"),
    or an indefinite description of a person the text never names ("a fan at the back of the hall")."""
    ev = own_event(resolver, cand.event)
    return ev is not None and ev.ref is not None and ev.ref.kind == "title" and (
        resolver.coref.another(ev.ref) or resolver.coref.described_only(ev.ref))


def names_a_body(resolver, cand) -> bool:
    """The cue's own subject is an institution, a group or an anonymous source ("the ministry
    said", "officials believe", "MSZ przekazało", "źródło zbliżone do rządu", "one employee"), or
    its verb is plural (or, in Polish, neuter) with no subject of its own: no single person near
    it is meant, whatever the ranker's weights say about roles, so the rules' answer stands."""
    if cand.event is not None and cand.event.mode == "carry":
        gender = omitted_subject_gender(resolver.coref.toks, cand.event)
        # "Mieszkańcy zbierają podpisy i zapowiadają, że …": a plural verb speaks for a group;
        # "Jury … W uzasadnieniu napisało, że …": a Polish neuter one for a body, never a named person
        if gender == "pl" or (gender == "n" and resolver.coref.toks.lex.rules.case_marked):
            return True
    ev = own_event(resolver, cand.event)
    if ev is None or ev.mode != "explicit" or ev.ref is None:
        return False
    ref = ev.ref
    if ref.kind == "inst" or "pl" in (ev.gender, ref.gender):
        return True
    if ref.kind != "title" or not ref.head:
        return False
    toks = resolver.coref.toks
    lex = toks.lex
    head = ref.head.lower()
    last = ref.speaker.split()[-1].lower()
    described = len(ref.speaker.split()) > 1  # (a bare "rozmówca" stands for a source described before)
    if ref.partitive or described and (head in toks.fw.get("anonymous_source", ()) or head in toks.fw.get("unnamed_role", ())):
        return True  # "źródło zbliżone do rządu", "jeden z dyplomatów", "a Treasury spokesperson": nobody named
    if ev.np is not None and _somebody_new(toks, ev.np, resolver.coref.seg.blank_line_starts):
        return True
    # "the ministry" (an institution's noun), "officials" (the role in the plural), "Przewoźnicy"
    return head.capitalize() in lex.org_words or head in lex.org_lemmas or (last != head and last == head + "s") \
        or head in toks.fw.get("collective_noun", ()) \
        or (lex.rules.case_marked and persons_plural(last))


def _somebody_new(toks, np, blank_line_starts) -> bool:
    """"one employee wrote", "a manager whose team was cut said", past the lead "a volunteer
    checking people in said": a person the text brings in unnamed (not "A senior Turkish envoy,
    Selim Karadere, said", named right after, nor a wire lead's "…, a senior Turkish envoy said",
    whom the story names further on)."""
    first, words = toks.lows[np.start], toks.words
    if first in toks.fw.get("unnamed_determiner", ()):
        return True
    if first not in toks.fw.get("indefinite_article", ()):
        return False
    if np.end < len(words) and toks.kind(np.end) == "rel":
        return True
    named_after = np.end + 1 < len(words) and words[np.end] == "," and toks.kind(np.end + 1) == "name"
    # (past the headline and the lead paragraph)
    return not named_after and len(blank_line_starts) > 2 and toks.starts[np.start] >= blank_line_starts[2]


def names_in_full(resolver, cand) -> bool:
    """The cue's own subject is a person named in full ('"…," Councillor Jean Hale said'): the
    rules' answer stands (the ranker's weights never learnt to overrule it on purpose)."""
    ev = own_event(resolver, cand.event)
    return ev is not None and ev.mode == "explicit" and ev.ref is not None and ev.ref.kind == "name" \
        and len(ev.ref.speaker.split()) > 1


def answers_by_label(resolver, cand) -> bool:
    """An interview turn whose label stands for one named person ("MS HARALDSEN:", "NADIA:") or
    is a role ("MIESZKANIEC:"): the label says who speaks, so the rules' answer stands; so does
    an unlabelled answer's interviewee (the people its question names ask nothing)."""
    ev = cand.event
    if ev is None or ev.mode != "interviewee":
        return False
    if ev.cue == "-":
        return resolver.interviewee is not None and resolver.speaker_of(ev, cand.start) == resolver.interviewee
    return bool(ev.cue) and (resolver.answering(ev.cue) is not None or resolver.role_label(ev.cue) is not None)


_INTRO_MAX = 300  # characters of an introducing paragraph ("Harbridge striker Jonny Akande told Sky Sports:")
_QUOTED_RUN_MAX = 8  # quoted paragraphs under one introduction


def quoted_under_intro(resolver, cand) -> bool:
    """A quoted paragraph with no cue of its own in a run of them under a short paragraph that
    names its speaker in full and ends with a colon ("Castlemoor Rovers head coach Dana Kowalczyk
    told BBC Sport:"): the rules carry that person, and the next introduction's person, whom
    the candidates also hold, is not meant."""
    if cand.event is not None:
        return False
    seg = resolver.coref.seg
    text, starts = seg.text, seg.blank_line_starts
    k = bisect.bisect_right(starts, cand.start) - 1
    for _ in range(_QUOTED_RUN_MAX):
        if k <= 0:
            return False
        a, b = starts[k - 1], starts[k]
        tail = text[max(a, b - _INTRO_MAX):b].rstrip()
        if tail.endswith(":"):
            if b - a > _INTRO_MAX:
                return False
            rules = resolver.statement_speaker(cand)
            return bool(rules) and rules[:1].isupper() and " " in rules and rules.split()[-1] in text[a:b]
        head = text[a:min(b, a + 8)].lstrip()
        if not (head and tail and head[0] in QUOTE_OPENERS and tail[-1] in QUOTE_CHARS):
            return False
        k -= 1
    return False


def chanted(resolver, cand) -> bool:
    """"Chants of “…” went up from the pickets", "pickets chanted": the crowd or the group the
    rules read there."""
    ev = own_event(resolver, cand.event)
    if ev is None or ev.mode != "explicit":
        return False
    fw = resolver.coref.toks.fw
    return ev.cue_word in fw.get("chant_noun", ()) or resolver.chanting(ev)


def one_of_a_group(resolver, cand) -> bool:
    """'"…," said one' after "Stallholders were in good spirits": a member of the group."""
    ev = own_event(resolver, cand.event)
    return ev is not None and resolver.one_of_them(ev) is not None


def read_out(cand) -> bool:
    """A message read out with its sender named before the colon ("Mamy SMS od słuchaczki z
    Brzegu: „…”") or a quotation signed under it: the sender or the signer, not the reader."""
    ev = cand.event
    return ev is not None and ev.cls == "colon" and ev.cue is None and ev.mode == "explicit"


def named_speaker(resolver, cand) -> bool:
    """The rules' answer stands: a cue's subject named in full, an interview turn's label, an
    introduction over quoted paragraphs, a chant's crowd, one of a group, or a message's sender."""
    return names_in_full(resolver, cand) or answers_by_label(resolver, cand) or quoted_under_intro(resolver, cand) \
        or chanted(resolver, cand) or one_of_a_group(resolver, cand) or read_out(cand)


def rules_confident(finder: CandidateFinder, cand, rules: str | None) -> bool:
    """Do the rules know whom they mean: a cue names its subject, and not by a bare role or
    an ordinary word? (``hybrid`` keeps the rules' answer there.)"""
    if not rules:
        return False
    bits, _head = rules_bits(finder.resolver, cand, rules, finder.pl)
    bits |= finder.key_info(finder.norm(rules), rules)[0]
    unsure = BIT["rules_role_vague"] | BIT["common_word"]
    return bool(bits & BIT["rules_explicit"]) and not bits & unsure


def choose(rules: str | None, cands: list[SpeakerCandidate], weights: Weights) -> str | None:
    """The best-scoring candidate's speaker (ties: the rules' answer, then the first found);
    the rules' answer when there are no candidates."""
    best, best_score = None, -math.inf
    rules_bit, clash = BIT["rules"], BIT["verb_gender_clash"]
    if any(c.bits & clash for c in cands) and not all(c.bits & clash for c in cands):
        cands = [c for c in cands if not c.bits & clash]  # "powiedziała" is never Tadeusz Grabski's
    for c in cands:
        s = weights.score(c) + (1e-9 if c.bits & rules_bit else 0.0)
        if s > best_score:
            best, best_score = c, s
    return best.speaker if best is not None else rules


def told_not_teller(rules: str | None, cands: list[SpeakerCandidate], speaker: str | None) -> bool:
    """The rules' answer stands where the ranker's choice is only named between the statement's
    cue and the statement ("She told Ms Marsh that …", "He said Brannan had … and that …": the
    one told, or a clause's content) and the rules' answer, a person named in full, is the cue's
    own subject; or where the choice is named in the sentence only as an owner ("Mr Oldroyd’s
    wife, Lesley, said") and the rules' answer is the cue's subject."""
    if not rules or speaker == rules or not rules[:1].isupper():
        return False
    chosen = next((c for c in cands if c.speaker == speaker), None)
    mine = next((c for c in cands if c.bits & BIT["rules"]), None)
    if chosen is None or mine is None:
        return False
    after_cue, owner = BIT["after_cue"], BIT["owner"]
    if chosen.bits & after_cue and not mine.bits & after_cue and " " in rules.strip():
        return True
    return bool(chosen.bits & owner and chosen.bits & BIT["same_sentence"] and mine.bits & BIT["rules_explicit"]) \
        and not mine.bits & owner


def assemble_ranked(text: str, chosen, resolver, mode: str, weights: Weights | None = None):
    """``resolve.assemble`` with the speaker chosen by the ranker (``mode`` ranker|hybrid)."""
    from stance.extract.quote import Quote

    weights = weights or load_weights()
    out = []
    for cand, (rules, cands) in zip(chosen, statement_candidates(text, chosen, resolver, mode, named_speaker)):
        speaker = settle(rules, cands, choose(rules, cands, weights), lambda c=cand, r=rules: keeps_its_role(resolver, c, r))
        out.append(Quote(text[cand.start:cand.end], speaker, cand.kind, cand.start, cand.end, cand.cue))
    return out


def settle(rules: str | None, cands: list[SpeakerCandidate], speaker: str | None, keeps_role) -> str | None:
    """The ranker's choice after the guards that give the rules' answer back: the one told or an
    owner (``told_not_teller``), and a role that is no named person or body (``keeps_role()``,
    asked only when it matters)."""
    if told_not_teller(rules, cands, speaker):
        return rules
    if speaker and speaker[:1].isupper() and rules and rules[:1].islower() \
            and not speaker.lower().endswith(rules.split()[-1].lower()) and keeps_role():
        return rules  # a role who asked not to be named, or "another economist", is no named person or body (a fuller role may stand)
    return speaker


def keeps_its_role(resolver, cand, rules: str | None) -> bool:
    """The rules' role is somebody who asked not to be named or says it is another person."""
    return anonymous_by_request(resolver, cand, rules) or names_another(resolver, cand)
