"""Loading the extractor's word lists (``lexicons/*.txt``) into lookup tables, once per process.

The lists are data: edit the ``.txt`` files (and, for Polish lemma lists, regenerate the
inflected forms with ``python -m stance.extract.build_lexicons``); no rule lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from stance.extract.languages import Rules, rules_for

LEX_DIR = Path(__file__).resolve().parent / "lexicons"


@dataclass(frozen=True)
class Cue:
    """One cue word form: ``cls`` is praet/fin/pcon/pant/imps (Polish verb forms), ``verb`` (English),
    or ``noun``; ``gender`` m/f/n/pl for Polish past forms; ``flags`` from the lemma list."""

    form: str
    lemma: str
    cls: str
    gender: str = ""
    flags: frozenset = frozenset()
    needs: str = ""
    after: str = ""  # only a cue right after this word ("nie kryje")
    unless: str = ""  # no cue right before or after these words, "/"-separated ("odpowiada za": is responsible for)


@dataclass
class Lexicon:
    lang: str
    rules: Rules = None  # grammatical switches (languages.py)
    cues: dict = field(default_factory=dict)  # lowercased form -> Cue
    speech_verbs: frozenset = frozenset()  # cue forms that are verbs and need no neighbour
    given_gender: dict = field(default_factory=dict)  # lowercase given name -> m/f (en; Polish asks morfeusz2)
    titles: dict = field(default_factory=dict)  # lowercased form -> (lemma, gender, cases, epithet)
    demonyms: frozenset = frozenset()  # capitalised nationality nouns read as epithets after an article ("the Italian")
    org_words: frozenset = frozenset()  # capitalised words (en) that make a phrase an institution
    org_lemmas: frozenset = frozenset()  # noun lemmas (pl) that, capitalised, make a phrase an institution
    anaphora: tuple = ()  # ((words...), 'last'|'first')
    title_words: frozenset = frozenset()  # words that may continue a role description
    places: dict = field(default_factory=dict)  # form -> (lemma, is_institution)
    media_names: tuple = ()  # multi-word tuples of case-sensitive media names
    media_stems: tuple = ()  # lowercase stems of generic media nouns
    media_endings: frozenset = frozenset({""})  # the inflectional endings a stem takes ("agencj" + "i")
    stopcaps: frozenset = frozenset()
    months: frozenset = frozenset()
    abbreviations: frozenset = frozenset()
    nonquote_markers: tuple = ()  # tuples of lowercase prefixes
    nonquote_strict: frozenset = frozenset()  # markers that hold even after a cue verb ("tak zwane")
    stopwords: frozenset = frozenset()
    role_base: dict = field(default_factory=dict)  # feminine role lemma -> the masculine one it pairs with
    # indexes derived from the lists above (built by ``load``), for lookups without scans
    nonquote_exact: dict = field(default_factory=dict)  # last word (<= 2 letters) -> [(order, marker)]
    nonquote_prefix: dict = field(default_factory=dict)  # last word prefix (> 2 letters) -> [(order, marker)]
    media_name_set: frozenset = frozenset()  # media_names as a set of tuples
    media_name_lens: tuple = ()  # distinct lengths of media_names
    # word form -> its token class away from a sentence start when no neighbour decides it,
    # shared by the documents read with this lexicon (words.Tokens fills it; bounded there)
    form_classes: dict = field(default_factory=dict, repr=False, compare=False)

    def plural_role(self, form: str) -> bool:
        """A role noun form that is only ever plural ("związkowców", "rolnicy"): a group."""
        info = self.titles.get(form)
        return bool(info and info[2]) and all(c.startswith("pl:") for c in info[2])

    def institution_role(self, form: str) -> bool:
        """A role-lexicon noun form that names an institution ("spółki", "Ministerstwo"): its lemma
        is one of ``org_lemmas``."""
        info = self.titles.get(form)
        return info is not None and info[0] in self.org_lemmas

    def media_noun(self, low: str) -> bool:
        """A lowercase word is a generic media noun: a stem with one of its endings ("agencji",
        "newspapers"; not "mediator", "reporters" or "dziennikarzom")."""
        if not low.startswith(self.media_stems):  # one C-level test for the common case
            return False
        return any(low.startswith(stem) and low[len(stem):] in self.media_endings for stem in self.media_stems)


def read_list(name: str) -> list[str]:
    """Non-empty, non-comment lines of ``lexicons/<name>`` (a ``#`` starts a comment)."""
    path = LEX_DIR / name
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line.strip())
    return out


def _flags(text: str) -> tuple[frozenset, str, str, str]:
    """A cue's flags, its ``needs=`` word, its ``after=`` word and its ``unless=`` word."""
    flags, needs, after, unless = set(), "", "", ""
    for f in text.replace(",", " ").split():
        if f.startswith("needs="):
            needs = f[len("needs="):]
        elif f.startswith("after="):
            after = f[len("after="):]
        elif f.startswith("unless="):
            unless = f[len("unless="):]
        else:
            flags.add(f)
    return frozenset(flags), needs, after, unless


def _markers(lines: list[str]) -> tuple[tuple, frozenset]:
    """Non-quote marker lines as word tuples, and the strict ones (written with a leading "!")."""
    out, strict = [], set()
    for m in lines:
        words = tuple(m.lstrip("!").split())
        out.append(words)
        if m.startswith("!"):
            strict.add(words)
    return tuple(out), frozenset(strict)


@cache
def load(lang: str) -> Lexicon:
    """The lexicon for ``lang`` ('pl' or 'en'; anything else gets the English one)."""
    lang = "pl" if lang == "pl" else "en"
    lex = Lexicon(lang=lang, rules=rules_for(lang))
    lex.months = frozenset(read_list("months.txt"))
    lex.abbreviations = frozenset(read_list("abbreviations.txt"))
    if lang == "pl":
        for line in (LEX_DIR / "pl_cue_forms.txt").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            form, lemma, cls, gender, flags = (line.split("\t") + ["", "", "", "", ""])[:5]
            fl, needs, after, unless = _flags(flags)
            lex.cues.setdefault(form.lower(), Cue(form, lemma, cls, gender, fl, needs, after, unless))
        for line in (LEX_DIR / "pl_title_forms.txt").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            form, lemma, gender, cases, flag = (line.split("\t") + ["", "", "", "", ""])[:5]
            cases = frozenset(cases.split(","))
            prev = lex.titles.get(form.lower())
            if prev is not None:
                # several lemmas share the form (ministra: minister gen / ministra nom):
                # keep the oblique reading's lemma, merge the cases; of a feminine and a masculine
                # role both oblique ("radnych": radna, radny), the masculine: a group's generic gender
                masculine = gender == "m" and prev[1] == "f" and "sg:nom" not in cases
                keep = prev if "sg:nom" not in prev[2] and not masculine else (lemma, gender, cases, flag == "epithet")
                lex.titles[form.lower()] = (keep[0], keep[1], prev[2] | cases, prev[3] or flag == "epithet")
            else:
                lex.titles[form.lower()] = (lemma, gender, cases, flag == "epithet")
        lex.role_base = dict(line.split() for line in read_list("pl_role_pairs.txt"))
        lex.title_words = frozenset(read_list("pl_title_words.txt"))
        lex.org_lemmas = frozenset(w.lower() for w in read_list("pl_org_words.txt"))
        for line in (LEX_DIR / "pl_place_forms.txt").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            form, lemma, inst = (line.split("\t") + ["", "", ""])[:3]
            prev = lex.places.get(form)
            lex.places[form] = (lemma, bool(inst) or bool(prev and prev[1]))
        media = read_list("pl_media.txt")
        lex.stopcaps = frozenset(read_list("pl_stopcaps.txt"))
        lex.nonquote_markers, lex.nonquote_strict = _markers(read_list("pl_nonquote_markers.txt"))
        lex.stopwords = frozenset(read_list("pl_stopwords.txt"))
    else:
        for line in read_list("en_cues.txt"):
            forms, _, flags = line.partition("|")
            words = forms.split()
            fl, needs, after, unless = _flags(flags)
            for w in words:
                lex.cues.setdefault(w.lower(), Cue(w, words[0], "verb", "", fl, needs, after, unless))
        for w in read_list("en_cue_nouns.txt"):
            lex.cues.setdefault(w.lower(), Cue(w, w, "noun"))
        for w in read_list("en_titles.txt"):
            lex.titles[w.lower()] = (w.lower(), "", frozenset(), False)
        lex.demonyms = frozenset(w for line in read_list("en_epithets.txt") for w in line.split())
        lex.title_words = frozenset(read_list("en_title_mods.txt"))
        lex.org_words = frozenset(read_list("en_org_words.txt"))
        for line in read_list("en_given_names.txt"):
            gender, _, names = line.partition(":")
            gender = gender.strip()
            lex.given_gender.update((name, "" if gender == "u" else gender) for name in names.split())  # u: either
        for line in read_list("en_places.txt"):
            parts = line.split()
            inst = parts[-1] == "inst"
            words = parts[:-1] if inst else parts
            for w in words:
                prev = lex.places.get(w)
                lex.places[w] = (" ".join(words), inst or bool(prev and prev[1]))
        media = read_list("en_media.txt")
        lex.stopcaps = frozenset(read_list("en_stopcaps.txt"))
        lex.nonquote_markers, lex.nonquote_strict = _markers(read_list("en_nonquote_markers.txt"))
        lex.stopwords = frozenset(read_list("en_stopwords.txt"))
    # verb forms of speech that need no neighbour to be one ("described", "zapowiedział")
    lex.speech_verbs = frozenset(f for f, c in lex.cues.items() if c.cls != "noun" and not (c.needs or c.after or c.unless or "tail" in c.flags))
    ana = []
    for line in read_list("anaphora.txt"):
        which, _, words = line.partition("|")
        ana.append((tuple(words.split()), which.strip()))
    lex.anaphora = tuple(sorted(ana, key=lambda a: -len(a[0])))
    names, stems = [], []
    for m in media:
        if m.startswith("endings:"):
            lex.media_endings = frozenset(m.split()[1:]) | {""}
        elif m[:1].islower():
            stems.append(m)
        else:
            names.append(tuple(m.split()))
    lex.media_names = tuple(sorted(names, key=len, reverse=True))
    lex.media_stems = tuple(stems)
    lex.media_name_set = frozenset(lex.media_names)
    lex.media_name_lens = tuple(sorted({len(n) for n in lex.media_names}))
    for order, marker in enumerate(lex.nonquote_markers):
        last = marker[-1]
        table = lex.nonquote_prefix if len(last) > 2 else lex.nonquote_exact
        table.setdefault(last, []).append((order, marker))
    return lex
