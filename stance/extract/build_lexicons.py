"""Regenerate the inflected-form lexicons of ``stance/extract/lexicons/`` from their lemma lists.

Run once after editing a lemma list (needs morfeusz2; the extractor itself does not):

    python -m stance.extract.build_lexicons

Writes ``pl_cue_forms.txt`` (verb and noun cues), ``pl_title_forms.txt`` (role nouns) and
``pl_place_forms.txt`` (place / institution words), tab-separated, sorted, one form per line.
"""

from __future__ import annotations

from pathlib import Path

LEX = Path(__file__).resolve().parent / "lexicons"

# verb tags kept as cues and the class name stored for them
_VERB_CLASSES = {"praet": "praet", "fin": "fin", "pcon": "pcon", "pant": "pant", "imps": "imps", "bedzie": "fin"}


def _lines(name: str) -> list[list[str]]:
    out = []
    for raw in (LEX / name).read_text(encoding="utf-8").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if raw:
            out.append(raw.split())
    return out


def _gender(tag_parts: list[str]) -> str:
    """'m', 'f', 'n', 'pl' (plural) or '' from a morfeusz tag split on ':'."""
    if "pl" in tag_parts:
        return "pl"
    for part in tag_parts:
        if "m1" in part or "m2" in part or "m3" in part:
            return "m"
        if part == "f":
            return "f"
        if part == "n":
            return "n"
    return ""


def build_cues(morf) -> list[str]:
    rows: set[str] = set()
    for fields in _lines("pl_cue_verbs.txt"):
        lemma, flags = fields[0], ",".join(fields[1:])
        for form, _lem, tag, *_ in morf.generate(lemma):
            parts = tag.split(":")
            cls = _VERB_CLASSES.get(parts[0])
            if parts[0] == "inf" and " " not in lemma:
                # "zaczęli skandować: „…”": an infinitive speaks after a phasal verb (``phasal``), with its subject
                rows.add(f"{form}\t{lemma}\tfin\t\t{','.join(filter(None, (flags, 'inf')))}")
                continue
            if cls is None or form.startswith("nie" + lemma[:2]) and not lemma.startswith("nie"):
                continue
            if cls == "fin" and "ter" not in parts:
                continue
            # (a present plural, "mówią", says its subject is a group as a past plural does)
            gender = _gender(parts) if cls == 'praet' else ('pl' if cls == 'fin' and 'pl' in parts else '')
            rows.add(f"{form}\t{lemma}\t{cls}\t{gender}\t{flags}")
    for fields in _lines("pl_cue_nouns.txt"):
        lemma = fields[0]
        for form, _lem, tag, *_ in morf.generate(lemma):
            parts = tag.split(":")
            if parts[0] != "subst":
                continue
            rows.add(f"{form}\t{lemma}\tnoun\t\t")
    return sorted(rows)


def build_titles(morf) -> list[str]:
    rows: dict[str, set[str]] = {}
    entries = [(f, "") for f in _lines("pl_titles.txt")] + [(f, "epithet") for f in _lines("pl_epithets.txt")]
    for fields, flag in entries:
        lemma, gender = fields[0], (fields[1] if len(fields) > 1 else "m")
        number_only = fields[2] if len(fields) > 2 else ""  # "sg": an institution, never a group of them
        forms = [f for f in morf.generate(lemma) if f[2].split(":")[0] in ("subst", "adj")]  # (not the rare depreciative plural: "ministry" is "ministra" in the genitive)
        forms = forms or [(lemma, lemma, "subst:sg:nom:" + ("f" if gender == "f" else "m1"))]
        forms += _feminine_a_forms(lemma, gender, forms)
        for form, _lem, tag, *_ in forms:
            parts = tag.split(":")
            if parts[0] not in ("subst", "depr", "adj"):
                continue
            number = parts[1] if len(parts) > 1 else ""
            if number_only and number != number_only:
                continue
            cases = parts[2] if len(parts) > 2 else ""
            key = f"{form}\t{lemma}\t{gender}\t{flag}"
            for case in cases.split("."):
                rows.setdefault(key, set()).add(f"{number}:{case}")
    out = {}
    for k, v in rows.items():
        form, lemma, gender, flag = k.split("\t")
        if form.lower() in out and out[form.lower()][1] == lemma:
            continue  # one lemma per form; the first listed wins
        out.setdefault(form.lower() + "\t" + lemma, f"{form}\t{lemma}\t{gender}\t{','.join(sorted(v))}\t{flag}")
    return sorted(out.values())


def _feminine_a_forms(lemma: str, gender: str, forms: list) -> list:
    """The regular singular forms of a feminine role noun in -a that morfeusz2 knows only in the
    nominative ("ministra", "wiceministra"): genitive, accusative and instrumental, which no
    masculine role shares (the dative and locative "ministrze" are the masculine's too)."""
    if gender != "f" or not lemma.endswith("a") or lemma.endswith(("ia", "ja")) or any(":inst" in f[2] for f in forms):
        return []
    stem = lemma[:-1]
    gen = stem + ("i" if stem[-1] in "kgl" else "y")
    return [(gen, lemma, "subst:sg:gen:f"), (stem + "ę", lemma, "subst:sg:acc:f"), (stem + "ą", lemma, "subst:sg:inst:f")]


def build_places(morf) -> list[str]:
    rows: set[str] = set()
    for fields in _lines("pl_places.txt"):
        inst = "inst" if fields[-1] == "inst" else ""
        words = fields[:-1] if inst else fields
        for word in words:
            rows.add(f"{word}\t{word}\t{inst}")
            gen = morf.generate(word) + (morf.generate(word.lower()) if word[1:].islower() else [])
            for form, _lem, tag, *_ in gen:
                if tag.startswith(("subst", "adj")):
                    rows.add(f"{form[:1].upper()}{form[1:]}\t{word}\t{inst}")
    return sorted(rows)


def main() -> None:
    import morfeusz2

    morf = morfeusz2.Morfeusz(expand_tags=True)
    header = "# generated by python -m stance.extract.build_lexicons; do not edit by hand\n"
    for name, rows in (
        ("pl_cue_forms.txt", build_cues(morf)),
        ("pl_title_forms.txt", build_titles(morf)),
        ("pl_place_forms.txt", build_places(morf)),
    ):
        (LEX / name).write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"{name}: {len(rows)} forms")


if __name__ == "__main__":
    main()
