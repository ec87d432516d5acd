"""Stage 5 (alternative), a learned speaker ranker: every speaker the pipeline can see near a
statement, described by numbers and scored by a linear model.

The rules (``resolve.py``) give one answer per statement. The ranker keeps that answer as one
candidate among others: the speakers of cue events near the statement (the cue's grammatical
subject), the names, roles, institutions and anonymous-source descriptions in its sentence,
the sentences around it and the previous paragraph, the antecedent a pronoun would take
(``carry``), the previous statement's speaker and the article's most-mentioned people. Each
candidate is resolved to its canonical name by coreference as the rules do and the
candidates are merged by ``scoring.norm_speaker`` (what counts as the same speaker). Every
candidate gets the numbers in ``FEATURES`` (each in [0, 1]; several mentions of one speaker
keep the largest value) and the model's score is ``coef · x + intercept``; the highest wins.

The weights are data: ``speaker_ranker.json`` beside this file, written by
``python -m stance.extract.train_speaker_ranker`` (scikit-learn logistic regression over
candidate pairs) and read by ``load_weights``, which accepts exactly the keys, feature names
and number types it knows and refuses anything else in one line naming the file.

``speaker_model``: ``rules`` (the rules alone), ``ranker`` (the model's choice for every
statement), ``hybrid`` (the rules' answer when a cue names its subject explicitly, the model's
choice otherwise: where the rules fall back to context they are least sure).
"""

from __future__ import annotations

import bisect
import json
import math
from functools import lru_cache
from pathlib import Path

from stance.extract.scoring import norm_speaker

SPEAKER_MODELS = ("rules", "ranker", "hybrid")
WEIGHTS_PATH = Path(__file__).resolve().parent / "speaker_ranker.json"
FORMAT_VERSION = 1
MAX_WEIGHTS_BYTES = 64_000  # a real file is ~3 kB; anything far larger is refused unread

FEATURES = (
    "empty",  # the candidate is "no speaker" (the rules found none)
    "rules", "rules_explicit", "rules_fallback", "rules_no_event",
    "event", "event_explicit", "event_same_sentence", "event_after", "event_near",
    "mention", "same_sentence", "prev_sentence", "next_sentence", "same_paragraph", "prev_paragraph",
    "before", "after", "near", "inside_statement", "content_name",
    "subject", "nominative", "kind_name", "kind_title", "kind_inst", "anonymous", "full_name",
    "salience", "most_salient", "prev_speaker", "prev_speaker_near", "carry", "last_named", "lead_person", "sources",
    "extends_rules", "role_match", "rules_role_vague", "rules_role_specific", "gender_match", "gender_clash", "common_word", "role_specific",
    "pl_rules", "pl_subject", "pl_event", "pl_prev_speaker", "pl_same_sentence",
)
_F = {name: i for i, name in enumerate(FEATURES)}
_SIDE = 12  # mentions and events read on each side of a statement (bounds the cost per statement)
_REACH = 1500  # characters searched before and after a statement
_NEAR_SCALE = math.log1p(_REACH)
_TOP_SALIENT = 3


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

    def score(self, x: list[float]) -> float:
        return self.intercept + sum(c * v for c, v in zip(self.coef, x) if v)


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
    except (UnicodeDecodeError, ValueError) as exc:
        _refuse(path, f"not valid UTF-8 JSON of plain numbers ({str(exc)[:80]})")
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


# -- candidates ----------------------------------------------------------------------------
class SpeakerCandidate:
    """One possible speaker of a statement: its canonical string and its feature vector."""

    __slots__ = ("speaker", "x")

    def __init__(self, speaker: str | None):
        self.speaker = speaker
        self.x = [0.0] * len(FEATURES)

    def set(self, name: str, value: float = 1.0) -> None:
        i = _F[name]
        if value > self.x[i]:
            self.x[i] = value

    def __repr__(self) -> str:
        on = {n: round(v, 3) for n, v in zip(FEATURES, self.x) if v}
        return f"SpeakerCandidate({self.speaker!r}, {on})"


class CandidateFinder:
    """Speaker candidates for the statements of one document (the pipeline's resolver gives
    the mentions, events and coreference)."""

    def __init__(self, text: str, resolver):
        from stance.extract.segment import paragraphs

        self.text = text
        self.resolver = resolver
        self.coref = resolver.coref
        self.seg = resolver.coref.seg
        self.mentions = resolver.mentions
        self.pl = 1.0 if self.seg.lex.lang == "pl" else 0.0
        self.para_starts = [s for s, _e in paragraphs(text)] or [0]
        evs = sorted((e for e in resolver.events if e.mode not in ("media", "impersonal")), key=lambda e: e.pos)
        self.events = evs
        self.event_pos = [e.pos for e in evs]
        content = sorted(self.mentions.content_names, key=lambda r: r.pos)
        self.content = content
        self.content_pos = [r.pos for r in content]
        # salience and gender per speaker, grouped by surname for names and by the phrase
        # otherwise; from the mentions' own strings (resolving every mention of a long text
        # through coreference would cost as much as the extraction)
        self._norm: dict = {}
        counts: dict[tuple, int] = {}
        first: dict[tuple, object] = {}
        self.gender: dict[tuple, str] = {}
        for m in self.mentions.mentions:
            g = self._group(m.speaker, m.kind == "name")
            if g is None:
                continue
            counts[g] = counts.get(g, 0) + 1
            first.setdefault(g, m)
            gender = self.coref.gender(m)
            if gender in ("m", "f"):
                self.gender.setdefault(g, gender)
        self.counts = counts
        ranked = sorted(counts, key=lambda g: (-counts[g], g))
        self.salient = [self.coref.speaker(first[g], first[g].pos) for g in ranked[:_TOP_SALIENT] if counts[g] > 1]
        self.top_count = counts[ranked[0]] if ranked else 0
        self.lead = self.norm(resolver.interviewee)
        # role heads each person was introduced with ("Tom Vickers, the regulator's chief")
        self.heads: dict[str, set] = {}
        for head, links in self.mentions.links_by_head.items():
            for r in links:
                self.heads.setdefault(self.norm(self.coref.name(r.person)), set()).add(head)
        self.lower_vocab = self.seg.tokens.lower_vocab

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

    def _sentence(self, pos: int) -> int:
        return self.seg.sentence_of(pos)

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def _common(self, word: str) -> bool:
        """A one-word answer that is an ordinary word ("Leaving", "Spółka"): the document also
        writes it in lowercase, or (Polish) morfeusz2 knows it only as a common word."""
        if word.lower() in self.lower_vocab:
            return True
        if self.pl:
            from stance.extract.morph import word_class

            return word_class(word) == "common"
        return False

    def candidates(self, cand, rules_speaker: str | None, prev_speaker: str | None,
                   prev_end: int = -1) -> list[SpeakerCandidate]:
        """Candidates for the selected statement ``cand`` (a ``candidates.Candidate``) whose
        rules' answer is ``rules_speaker``; ``prev_speaker``: the previous statement's, which
        ended at ``prev_end``."""
        p0, p1 = cand.start, max(cand.start + 1, cand.end)
        found: dict[str, SpeakerCandidate] = {}
        sources: dict[str, int] = {}
        pl = self.pl
        rules_key = self.norm(rules_speaker)
        ev = cand.event
        cue_gender = ev.gender if ev is not None else ""
        depth = 0
        while ev is not None and ev.mode == "inherit" and ev.parent >= 0 and depth < 5:
            ev = self.resolver.events[ev.parent]
            depth += 1
        rules_head = ev.ref.head if ev is not None and ev.mode == "explicit" and ev.ref is not None and ev.ref.kind == "title" else ""

        def get(speaker: str | None) -> SpeakerCandidate:
            key = self.norm(speaker)
            c = found.get(key)
            if c is None:
                c = found[key] = SpeakerCandidate(speaker)
                if not key:
                    c.set("empty")
                else:
                    n = self._lookup(self.counts, speaker) or 0
                    c.x[_F["salience"]] = min(1.0, math.log1p(n) / math.log1p(20))
                    if n and n == self.top_count:
                        c.set("most_salient")
                    if key == self.lead:
                        c.set("lead_person")
                    if " " in speaker.strip() and speaker[:1].isupper():
                        c.set("full_name")
                    elif " " not in speaker.strip() and self._common(speaker):
                        c.set("common_word")
                    if rules_key and key != rules_key and (key.endswith(" " + rules_key) or key.startswith(rules_key + " ")):
                        c.set("extends_rules")  # the fuller form of the rules' answer ("EU diplomat" for "diplomat")
                    if rules_head and rules_head in self.heads.get(key, ()):
                        c.set("role_match")
                    g = self._lookup(self.gender, speaker) or ""
                    if cue_gender in ("m", "f") and g:
                        c.set("gender_match" if g == cue_gender else "gender_clash")
            sources[key] = sources.get(key, 0) + 1
            return c

        # the rules' answer, and how sure the rules were of it
        c = get(rules_speaker)
        c.set("rules")
        c.set("pl_rules", pl)
        if ev is None:
            c.set("rules_no_event")
        elif ev.mode == "explicit":
            c.set("rules_explicit")
            ref = ev.ref
            if ref is not None and ref.kind == "title" and not ref.person and c.speaker == ref.speaker:
                # the rules gave a role no name was found for: a named person near may be meant
                c.set("rules_role_specific" if ref.comp else "rules_role_vague")
        else:
            c.set("rules_fallback")

        s0, s1 = self._sentence(p0), self._sentence(p1 - 1)
        para = self._paragraph(p0)
        lo = max(p0 - _REACH, self.para_starts[max(0, para - 1)])
        hi = min(p1 + _REACH, self.seg.sentences[s1 + 1].end if 0 <= s1 + 1 < len(self.seg.sentences) else len(self.text))

        # cue events near the statement: their subjects as the rules resolve them
        k0, k1 = bisect.bisect_left(self.event_pos, lo), bisect.bisect_left(self.event_pos, hi)
        kp, kq = bisect.bisect_left(self.event_pos, p0), bisect.bisect_left(self.event_pos, p1)
        for e in self.events[max(k0, kp - _SIDE):kp] + self.events[kp:min(kq, kp + _SIDE)] + self.events[kq:min(k1, kq + _SIDE)]:
            speaker = self.resolver.speaker_of(e, e.pos)
            if not speaker:
                continue
            c = get(speaker)
            c.set("event")
            c.set("pl_event", pl)
            if e.mode == "explicit":
                c.set("event_explicit")
            es = self._sentence(e.pos)
            dist = 0 if s0 <= es <= s1 else (s0 - es if es < s0 else es - s1)
            c.set("event_near", 1.0 / (1 + dist))
            if dist == 0:
                c.set("event_same_sentence")
            if e.pos >= p1:
                c.set("event_after")
            self._place(c, e.pos, p0, p1, s0, s1, para, pl)

        # names, roles, institutions and anonymous sources of the main clauses around it
        mentions, mpos = self.mentions.mentions, self.mentions.positions
        k0, k1 = bisect.bisect_left(mpos, lo), bisect.bisect_left(mpos, hi)
        kp, kq = bisect.bisect_left(mpos, p0), bisect.bisect_left(mpos, p1)
        for m in mentions[max(k0, kp - _SIDE):kp] + mentions[kp:min(kq, kp + _SIDE)] + mentions[kq:min(k1, kq + _SIDE)]:
            self._mention(get, m, p0, p1, s0, s1, para, pl, content=False)
        k0, k1 = bisect.bisect_left(self.content_pos, lo), bisect.bisect_left(self.content_pos, hi)
        for m in self.content[k0:min(k1, k0 + 2 * _SIDE)]:
            self._mention(get, m, p0, p1, s0, s1, para, pl, content=True)

        # context: the pronoun antecedent, "the latter", the previous statement, the salient people
        carried = self.resolver.carry(p0, "")
        if carried:
            get(carried).set("carry")
        last = self.resolver.last_named(p0)
        if last:
            get(last).set("last_named")
        if prev_speaker:
            c = get(prev_speaker)
            c.set("prev_speaker")
            c.set("pl_prev_speaker", pl)
            if prev_end >= 0 and self._paragraph(prev_end) >= para - 1:
                c.set("prev_speaker_near")
        for shown in self.salient:
            get(shown)
        out = list(found.values())
        for c in out:
            c.x[_F["sources"]] = min(1.0, sources[self.norm(c.speaker)] / 10)
        return out

    def _mention(self, get, m, p0, p1, s0, s1, para, pl, content: bool) -> None:
        speaker = self.coref.speaker(m, m.pos)
        if not speaker:
            return
        c = get(speaker)
        c.set("mention")
        if content:
            c.set("content_name")
        if m.subject and not content:
            c.set("subject")
            c.set("pl_subject", pl)
        if m.kind == "name":
            c.set("kind_name")
        elif m.kind == "title":
            c.set("kind_title")
            if not m.person and speaker == m.speaker:
                c.set("anonymous")  # a role nobody's name was found for
                if m.comp:
                    c.set("role_specific")  # "rzeczniczka Sojuszu Centrum": a person of its own
        elif m.kind == "inst":
            c.set("kind_inst")
        if pl and _nominative(self.text[m.pos:m.end or m.pos + len(m.speaker)]):
            c.set("nominative")
        if p0 <= m.pos < p1:
            c.set("inside_statement")
        self._place(c, m.pos, p0, p1, s0, s1, para, pl)

    def _place(self, c: SpeakerCandidate, pos: int, p0: int, p1: int, s0: int, s1: int, para: int, pl: float) -> None:
        si = self._sentence(pos)
        if s0 <= si <= s1:
            c.set("same_sentence")
            c.set("pl_same_sentence", pl)
        elif si == s0 - 1:
            c.set("prev_sentence")
        elif si == s1 + 1:
            c.set("next_sentence")
        pi = self._paragraph(pos)
        if pi == para:
            c.set("same_paragraph")
        elif pi == para - 1:
            c.set("prev_paragraph")
        if pos < p0:
            c.set("before")
            dist = p0 - pos
        elif pos >= p1:
            c.set("after")
            dist = pos - p1
        else:
            dist = 0
        c.set("near", 1.0 - min(1.0, math.log1p(dist) / _NEAR_SCALE))


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


def statement_candidates(text: str, chosen, resolver) -> list[tuple[str | None, list[SpeakerCandidate]]]:
    """For each selected statement, in order: the rules' speaker and the candidates. The
    previous statement's speaker is the rules' answer (so training and use see the same)."""
    finder = CandidateFinder(text, resolver)
    out = []
    prev, prev_end = None, -1
    for cand in chosen:
        rules = resolver.speaker_of(cand.event, cand.start)
        out.append((rules, finder.candidates(cand, rules, prev, prev_end)))
        if rules:
            prev, prev_end = rules, cand.end
    return out


def choose(rules: str | None, cands: list[SpeakerCandidate], weights: Weights, mode: str) -> str | None:
    """The speaker ``mode`` picks: the best-scoring candidate (ties: the rules' answer, then
    the first found), or under ``hybrid`` the rules' answer where a cue names its subject."""
    if mode == "hybrid":
        for c in cands:
            if c.x[_F["rules"]] and c.speaker and c.x[_F["rules_explicit"]] and not (
                    c.x[_F["rules_role_vague"]] or c.x[_F["rules_role_specific"]] or c.x[_F["common_word"]]):
                return rules
    best, best_score = None, -math.inf
    for c in cands:
        s = weights.score(c.x) + (1e-9 if c.x[_F["rules"]] else 0.0)
        if s > best_score:
            best, best_score = c, s
    return best.speaker if best is not None else rules


def assemble_ranked(text: str, chosen, resolver, mode: str, weights: Weights | None = None):
    """``resolve.assemble`` with the speaker chosen by the ranker (``mode`` ranker|hybrid)."""
    from stance.extract.quote import Quote

    weights = weights or load_weights()
    out = []
    for cand, (rules, cands) in zip(chosen, statement_candidates(text, chosen, resolver)):
        speaker = choose(rules, cands, weights, mode)
        out.append(Quote(text[cand.start:cand.end], speaker, cand.kind, cand.start, cand.end, cand.cue))
    return out
