"""Score quote extraction and speaker attribution on gold articles; tracked as an MLflow run.

    python -m stance.evaluate_extraction [data.path=data/articles | data.path=one-article.json]
                                         [speaker_model=rules|ranker|hybrid]

Prints the per-language table (precision, recall, F1, exact-span F1, speaker and kind
accuracy) and logs one run with ``Report.metrics()``, the misses as ``misses.jsonl``, the
table as ``report.txt`` and the resolved config. Bad input (a missing folder, a folder with
no articles, a malformed article) is a one-line error and exit status 2.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import hydra
from omegaconf import DictConfig, OmegaConf

from stance.config import register_configs
from stance.errors import DataError

PROGRAM = "stance.evaluate_extraction"


register_configs()


def _check_article(path: Path, art) -> list[str]:
    problems = []
    if not isinstance(art, dict):
        return [f"{path}: an article must be a JSON object, not {type(art).__name__}"]
    text = art.get("text")
    if not isinstance(text, str):
        problems.append(f"{path}: 'text' must be a string")
    if art.get("lang") not in ("pl", "en"):
        problems.append(f"{path}: 'lang' must be 'pl' or 'en', not {art.get('lang')!r}")
    stmts = art.get("statements")
    if not isinstance(stmts, list):
        problems.append(f"{path}: 'statements' must be a list")
        return problems
    for n, st in enumerate(stmts):
        where = f"{path}: statements[{n}]"
        if not isinstance(st, dict):
            problems.append(f"{where} must be an object")
            continue
        s, e = st.get("start"), st.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or isinstance(s, bool) or isinstance(e, bool):
            problems.append(f"{where}: 'start' and 'end' must be integers")
            continue
        if isinstance(text, str) and not (0 <= s <= e <= len(text)):
            problems.append(f"{where}: span {s}..{e} is outside the text ({len(text)} characters)")
        elif isinstance(text, str) and "text" in st and text[s:e] != st["text"]:
            problems.append(f"{where}: text[{s}:{e}] does not equal its 'text'")
    return problems


def load_articles(path: str | Path) -> tuple[list[dict], str]:
    """Gold articles from a folder of ``*.json`` files or one ``.json`` file, validated, and a
    fingerprint of their bytes. Raises ``DataError`` naming the file for anything wrong."""
    p = Path(path)
    if not p.exists():
        raise DataError(f"{p}: no such file or folder; pass data.path=<a folder of gold article .json files or one of them> "
                        "(the default, data/articles, is the project's gold set, present in a checkout of the repository)")
    files = sorted(f for f in p.glob("*.json") if f.is_file()) if p.is_dir() else [p]
    if not files:
        raise DataError(f"{p}: no gold articles (*.json) in this folder")
    arts, problems = [], []
    digest = hashlib.sha256()
    for f in files:
        raw = f.read_bytes()
        digest.update(f.name.encode() + b"\0" + raw)
        try:
            art = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{f}: not valid UTF-8 JSON ({exc})")
            continue
        found = _check_article(f, art)
        if found:
            problems.extend(found)
            continue
        art.setdefault("id", f.stem)
        arts.append(art)
    if problems:
        raise DataError(problems)
    return arts, digest.hexdigest()[:16]


def evaluate_extraction(cfg: DictConfig) -> dict[str, float]:
    from stance import tracking
    from stance.extract import extract_quotes
    from stance.extract.scoring import score
    from stance.train import run_tags

    from stance.extract.ranker import check_speaker_model

    speaker_model = check_speaker_model(cfg.speaker_model)
    articles, fingerprint = load_articles(cfg.data.path)
    report = score(articles, lambda text, lang: extract_quotes(text, lang, speaker_model=speaker_model))
    metrics = report.metrics()
    table = report.table() + "\n\n" + report.kind_table()
    tracking.connect(cfg.tracking.uri, timeout=cfg.tracking.timeout, retry_seconds=cfg.tracking.retry_seconds)
    tags = run_tags(cfg, fingerprint, "evaluate_extraction") | {"stance.n_articles": str(len(articles))}
    run_name = cfg.run_name or f"evaluate_extraction {Path(cfg.data.path).name}"
    with tracking.tracked_run(cfg.tracking.experiment, run_name, tags, params=tracking.config_container(cfg),
                              parent_run_id=tracking.parent_run_id_for_job()) as run:
        tracking.log_text(OmegaConf.to_yaml(cfg, resolve=True), "config.yaml")
        tracking.log_metrics(metrics)
        tracking.log_text(table + "\n", "report.txt")
        tracking.log_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in report.misses), "misses.jsonl")
    print(table)
    for m in report.misses[: max(0, int(cfg.max_misses_printed))]:
        print(json.dumps(m, ensure_ascii=False))
    print(f"run {run.info.run_id}: {len(articles)} articles from {cfg.data.path}, {len(report.misses)} misses logged")
    return metrics


@hydra.main(config_path="conf", config_name="evaluate_extraction", version_base="1.3")
def _hydra_main(cfg: DictConfig) -> None:
    from stance.cli import user_errors

    with user_errors(PROGRAM):
        evaluate_extraction(cfg)


def main() -> None:
    _hydra_main()


if __name__ == "__main__":
    main()
