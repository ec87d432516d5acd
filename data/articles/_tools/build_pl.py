"""Build the gold article JSON files (part pl) from inline-annotated sources.

Sources live in ``_tools/src_pl/<id>.txt``.  Format::

    # comment lines at the very top are ignored
    @title: optional title (then the text does NOT repeat it)
    @source: optional path of a plain-text file the stripped text must equal byte for byte
    Headline paragraph (becomes ``title`` unless @title is given)

    Paragraph with ⟦a statement⟧{Speaker|kind|cue|stance|tone} and a
    ⟪non-statement⟫{why} ...

* kind: d(irect) f(ragment) i(ndirect); stance: C H N; tone: + - 0; cue "-" = null.
* why: title scare_quotes nickname document_name other.
* Spans may nest (a non-statement inside a statement); statements may not overlap.

Offsets are never typed by hand: they come from the position of the brackets in the
source.  Every record is re-checked with ``text[start:end] == record["text"]``.

Usage::

    python data/articles/_tools/build_pl.py            # build all pl sources, validate, print counts
    python data/articles/_tools/build_pl.py --check    # only validate the existing JSON files (pl-*)
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE.parent
SRC = HERE / "src_pl"
ROOT = ART.parent.parent

KIND = {"d": "direct", "f": "fragment", "i": "indirect"}
STANCE = {"C": "conciliatory", "H": "hardline", "N": "neutral"}
TONE = {"+": "positive", "-": "negative", "0": "neutral"}
WHY = {"title", "scare_quotes", "nickname", "document_name", "other"}
OPEN = {"⟦": "S", "⟪": "N"}
CLOSE = {"⟧": "S", "⟫": "N"}


# Length limits for the tuning set; the blind held-out set (--heldout) has other genres
# (wire briefs, live blogs, long interviews), so its limits are wider.
LIMITS = {"chars": (1200, 3500), "statements": (4, 12)}
# Tuning articles written blind in the held-out genres (ids ``pl-bNN``) get the held-out limits:
# their genres (wire briefs, live blogs, interviews) are why those limits are wider.
BLIND_LIMITS = {"chars": (300, 12000), "statements": (1, 40)}


def _limits(doc_id: str) -> dict:
    return BLIND_LIMITS if re.fullmatch(r"pl-b\d+", doc_id) else LIMITS


class SourceError(Exception):
    pass


def parse(src: str, name: str):
    meta = {}
    lines = src.split("\n")
    while lines and (lines[0].startswith("#") or lines[0].startswith("@")):
        line = lines.pop(0)
        if line.startswith("@"):
            k, _, v = line[1:].partition(":")
            meta[k.strip()] = v.strip()
    body = "\n".join(lines).strip("\n")
    out: list[str] = []
    pos = 0  # position in output text
    stack: list[tuple[str, int]] = []
    stmts, nons = [], []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch in OPEN:
            stack.append((OPEN[ch], pos))
            i += 1
            continue
        if ch in CLOSE:
            if not stack or stack[-1][0] != CLOSE[ch]:
                raise SourceError(f"{name}: unbalanced {ch!r} near {body[max(0, i - 60):i]!r}")
            typ, start = stack.pop()
            if i + 1 >= len(body) or body[i + 1] != "{":
                raise SourceError(f"{name}: missing {{...}} after {ch!r} near {body[max(0, i - 60):i]!r}")
            j = body.index("}", i + 1)
            ann = body[i + 2 : j]
            i = j + 1
            end = pos
            if typ == "S":
                parts = [p.strip() for p in ann.split("|")]
                if len(parts) != 5:
                    raise SourceError(f"{name}: bad statement annotation {ann!r}")
                spk, k, cue, st, to = parts
                if k not in KIND or st not in STANCE or to not in TONE or not spk:
                    raise SourceError(f"{name}: bad labels in {ann!r}")
                stmts.append({"start": start, "end": end, "speaker": spk, "kind": KIND[k],
                              "cue": None if cue == "-" else cue,
                              "stance": STANCE[st], "tone": TONE[to]})
            else:
                if ann not in WHY:
                    raise SourceError(f"{name}: bad non-statement reason {ann!r}")
                nons.append({"start": start, "end": end, "why": ann})
            continue
        if ch in "{}":
            raise SourceError(f"{name}: stray brace near {body[max(0, i - 60):i + 10]!r}")
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise SourceError(f"{name}: unclosed span(s) {stack}")
    text = "".join(out)
    for r in stmts + nons:
        r["text"] = text[r["start"]:r["end"]]
    if "title" in meta:
        title = meta["title"]
    else:
        title = text.split("\n\n", 1)[0]
    if "source" in meta:
        want = (ROOT / meta["source"]).read_bytes().decode("utf-8")
        text = text + want[len(want.rstrip("\n")):]  # keep the file's trailing newlines
        if want != text:
            for n, (a, b) in enumerate(zip(want, text)):
                if a != b:
                    break
            else:
                n = min(len(want), len(text))
            raise SourceError(f"{name}: text differs from {meta['source']} at {n}: "
                              f"{want[n - 20:n + 20]!r} vs {text[n - 20:n + 20]!r}")
    key = lambda r: (r["start"], r["end"])
    order = ["start", "end", "text", "speaker", "kind", "cue", "stance", "tone"]
    stmts = [{k: r[k] for k in order} for r in sorted(stmts, key=key)]
    nons = [{k: r[k] for k in ["start", "end", "text", "why"]} for r in sorted(nons, key=key)]
    return {"id": name, "lang": meta.get("lang", "pl"), "title": title, "text": text,
            "statements": stmts, "non_statements": nons}


def validate(doc: dict, fname: str) -> list[str]:
    errs = []
    need = {"id", "lang", "title", "text", "statements", "non_statements"}
    if set(doc) != need:
        errs.append(f"{fname}: keys {sorted(doc)}")
    text = doc["text"]
    if doc["lang"] not in ("pl", "en"):
        errs.append(f"{fname}: lang {doc['lang']}")
    lim = _limits(doc["id"])
    if not lim["chars"][0] <= len(text) <= lim["chars"][1] and doc["id"] != "pl-davos":
        errs.append(f"{fname}: length {len(text)} outside {lim['chars'][0]}-{lim['chars'][1]}")
    if not lim["statements"][0] <= len(doc["statements"]) <= lim["statements"][1] and doc["id"] != "pl-davos":
        errs.append(f"{fname}: {len(doc['statements'])} statements")
    prev_end = -1
    prev = (-1, -1)
    for r in doc["statements"]:
        if text[r["start"]:r["end"]] != r["text"]:
            errs.append(f"{fname}: offset mismatch {r['text'][:40]!r}")
        if (r["start"], r["end"]) < prev:
            errs.append(f"{fname}: statements not sorted at {r['start']}")
        if r["start"] < prev_end:
            errs.append(f"{fname}: statements overlap at {r['start']}")
        prev, prev_end = (r["start"], r["end"]), r["end"]
        if r["kind"] not in KIND.values() or r["stance"] not in STANCE.values() or r["tone"] not in TONE.values():
            errs.append(f"{fname}: bad labels {r}")
        if not r["speaker"] or r["text"] != r["text"].strip() or not r["text"]:
            errs.append(f"{fname}: empty speaker or untrimmed span {r['text'][:40]!r}")
        inner_ok = any(r["text"].count(o) and r["text"].count(o) == r["text"].count(c)
                       for o, c in (("„", "”"), ("«", "»"), ("‚", "’")))
        if r["text"][:1] in "„\"«‚–" or (r["text"][-1:] in "”\"»’" and not inner_ok):
            errs.append(f"{fname}: span includes a quote mark or dash {r['text'][:40]!r}")
    for r in doc["non_statements"]:
        if text[r["start"]:r["end"]] != r["text"]:
            errs.append(f"{fname}: non-statement offset mismatch {r['text'][:40]!r}")
        if r["why"] not in WHY:
            errs.append(f"{fname}: bad why {r['why']}")
    return errs


def features(doc: dict, c: collections.Counter) -> None:
    t = doc["text"]
    for r in doc["statements"]:
        s, e = r["start"], r["end"]
        c["kind:" + r["kind"]] += 1
        c["stance:" + r["stance"]] += 1
        c["tone:" + r["tone"]] += 1
        before = t[max(0, s - 2):s]
        if r["cue"] == "headline":
            c["feat:headline"] += 1
            if before[-1:] not in "„\"«":
                c["feat:headline_unquoted"] += 1
        para_end = t.find("\n\n", e)
        para_end = len(t) if para_end < 0 else para_end
        if before[-1:] in "„\"«‚" and r["kind"] == "direct" and t[e:e + 3] == " – ":
            c["feat:interrupted_quote_piece"] += 1
        if before.endswith("„"):
            c["mark:„”"] += 1
            if "”" not in t[e:para_end] and "\n\n" not in r["text"]:
                c["feat:missing_close_mark"] += 1
        elif before.endswith('"'):
            c['mark:""'] += 1
        elif before.endswith("«"):
            c["mark:«»"] += 1
        elif before.endswith("‚"):
            c["mark:‚’"] += 1
        elif before == "– ":
            c["mark:dash"] += 1
            if r["cue"] is None:
                c["feat:dash_line_without_attribution"] += 1
            if r["speaker"] and any(t[e:e + 40].startswith(f" – {v}") for v in ("powiedziała", "mówiła", "dodała")):
                c["feat:dash_speech_by_woman"] += 1
        if r["kind"] == "fragment" and re.search(r"(jako|o|że) [„\"«]$", t[max(0, s - 10):s]):
            c["feat:fragment_after_jako/o/że"] += 1
        if "\n\n" in r["text"]:
            c["feat:spans_paragraphs"] += 1
        if r["cue"]:
            c["cue:" + r["cue"].lower()] += 1
    for r in doc["non_statements"]:
        c["non:" + r["why"]] += 1
        if "‚" in t[max(0, r["start"] - 1):r["start"]]:
            c["feat:nested_‚’"] += 1
    if doc["non_statements"]:
        c["articles_with_non_statements"] += 1


def _target_folder(out: pathlib.Path, stem: str, heldout: bool) -> pathlib.Path:
    """The held-out set is halved by article number: odd ones choose (validation), even ones
    are only reported (test); each genre was written as a consecutive pair, so both halves
    hold every genre."""
    if not heldout or "-h" not in stem:
        return out  # a blind-written tuning article (``-bNN``) is not halved
    folder = out / ("validation" if int(stem.rsplit("-h", 1)[1]) % 2 else "test")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cues", action="store_true", help="print counts per cue too")
    ap.add_argument("--src", type=pathlib.Path, default=SRC, help="folder of inline-annotated sources")
    ap.add_argument("--out", type=pathlib.Path, default=ART, help="folder for the JSON files")
    ap.add_argument("--heldout", action="store_true", help="wider length limits (held-out genres)")
    args = ap.parse_args()
    src, out = args.src, args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.heldout:
        LIMITS.update(chars=(300, 12000), statements=(1, 40))
    errs: list[str] = []
    if not args.check:
        for p in sorted(src.glob("pl-*.txt")):
            try:
                doc = parse(p.read_text(encoding="utf-8"), p.stem)
            except SourceError as exc:
                errs.append(str(exc))
                continue
            (_target_folder(out, p.stem, args.heldout) / f"{p.stem}.json").write_text(
                json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    c = collections.Counter()
    n = 0
    for p in sorted([*out.glob("*/pl-*.json"), *out.glob("pl-*.json")] if args.heldout else out.glob("pl-*.json")):
        doc = json.loads(p.read_text(encoding="utf-8"))
        errs += validate(doc, p.name)
        features(doc, c)
        n += 1
        c["statements"] += len(doc["statements"])
        c["chars"] += len(doc["text"])
    for e in errs:
        print("ERROR", e)
    print(f"articles: {n}")
    for k in sorted(c):
        if k.startswith("cue:") and not args.cues:
            continue
        print(f"  {k}: {c[k]}")
    if not args.cues:
        print(f"  distinct cues: {sum(1 for k in c if k.startswith('cue:'))}")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
