"""The language of a statement whose data gives none (``lang`` missing or empty).

The extractor's detector (``stance.extract.detect_lang``: Polish letters and function words)
decides when it has evidence. A short fragment often has neither (``ramowego porozumienia``),
and that detector then says English; here such a text is decided by spelling instead: Polish
letter clusters and inflection endings against English ones. Accuracy on the project's
labelled statements is in the README ("Your own data"); measure it with
``python -m stance.data.langid``.
"""

from __future__ import annotations

import re
import sys

_WORD = re.compile(r"[^\W\d_]+")
_PL_LETTERS = re.compile(r"[ąćęłńśźż]")
# Spelling that is common in one language and rare in the other (lower case, within a word).
_PL_SPELLING = re.compile(r"(?:cz|sz|rz|dz|ow|wy|wi|ij|yj|ki|ni|ci|zi|j[aeiou]|(?:ego|emu|ymi|ych|ami|ach|ej|ym|ie|ia|ią|ów|ać|ość|cji|ny|na|ne|ki|ka|ko|nia|nie|wa|we|wo)\b)")
_EN_SPELLING = re.compile(r"(?:th|wh|sh|ck|ee|oo|ea|ou|ay|qu|x|(?:ing|ed|ly|tion|ness|ous|ful|less|ers?|es|al|ve|ty|le)\b)")


def detect(text: str) -> str:
    """``'pl'`` or ``'en'`` for one statement."""
    from stance.extract.lexicon import load

    sample = text[:20_000].lower()
    words = _WORD.findall(sample)
    pl = sum(1 for w in words if w in load("pl").stopwords) + 2 * len(_PL_LETTERS.findall(sample))
    en = sum(1 for w in words if w in load("en").stopwords)
    if pl == en:  # no function word, no Polish letter: judge the spelling
        pl, en = len(_PL_SPELLING.findall(sample)), len(_EN_SPELLING.findall(sample))
    return "pl" if pl > en else "en"


def accuracy(paths) -> tuple[int, int, dict]:
    """``(correct, total, confusions)`` of ``detect`` against the ``lang`` of labelled files."""
    from collections import Counter

    from stance.data.io import read_records

    n = ok = 0
    wrong: Counter = Counter()
    for path in paths:
        for r in read_records(path):
            if r.get("lang_detected"):
                continue
            n += 1
            guess = detect(r["text"])
            ok += guess == r["lang"]
            if guess != r["lang"]:
                wrong[f"{r['lang']}->{guess}"] += 1
    return ok, n, dict(wrong)


def main(argv: list[str] | None = None) -> int:
    """``python -m stance.data.langid [files or folders]``: accuracy on the project's statements by default."""
    from stance.tracking import project_root

    paths = (argv if argv is not None else sys.argv[1:]) or [project_root() / "data/statements", project_root() / "data/realistic"]
    ok, n, wrong = accuracy(paths)
    print(f"language detection: {ok} of {n} statements correct ({ok / max(n, 1):.1%}); errors {wrong or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
