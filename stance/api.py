"""The Python API: ``load``, ``extract_quotes``, ``label_quotes``, ``label_article``, ``label_articles``."""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from stance.errors import ModelNotFoundError
from stance.extract import DEFAULT_SPEAKER_MODEL
from stance.labels import TASKS

_MLFLOW_SCHEMES = ("models:/", "runs:/", "mlflow-artifacts:/")


def load(uri: str | os.PathLike, tracking_uri: str | None = None):
    """Load a trained model as a ``QuoteClassifier`` (it has ``predict``, ``predict_proba``...).

    ``uri`` is an MLflow model URI (``models:/<name>/<version>``, ``models:/<name>@<alias>``,
    ``models:/<name>/latest``, ``models:/<model_id>``, ``runs:/<run_id>/model``), a local
    MLflow model directory, or a directory written by ``QuoteClassifier.save``.
    ``tracking_uri`` defaults to ``MLFLOW_TRACKING_URI`` or the project's SQLite store.
    """
    from stance.models import load_model
    from stance.models.base import MODEL_FILE

    text = str(uri)
    if text.startswith("file:"):
        # a local folder: read in place (downloading it would copy whatever the folder holds)
        from urllib.parse import unquote, urlparse

        text = unquote(urlparse(text).path)
    local = Path(text)
    if not text.startswith(_MLFLOW_SCHEMES) and local.exists():
        return load_model(_model_dir_in(local, MODEL_FILE))
    if not text.startswith(_MLFLOW_SCHEMES):
        raise ModelNotFoundError(
            f"{text!r} is neither a local model directory nor an MLflow model URI "
            "(models:/<name>/<version>, models:/<name>@<alias>, models:/<model_id>, runs:/<run_id>/model)"
        )
    import mlflow
    from mlflow.exceptions import MlflowException

    from stance import tracking

    tracking.connect(tracking_uri)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    with tempfile.TemporaryDirectory(prefix="stance-model-") as tmp:
        try:
            path = Path(mlflow.artifacts.download_artifacts(artifact_uri=text, dst_path=tmp))
        except MlflowException as exc:
            raise ModelNotFoundError(
                f"model {text} not found in {mlflow.get_tracking_uri()}: {' '.join(exc.message.split())[:200]}; "
                "check the name, version or alias in the MLflow UI"
            ) from None
        except OSError as exc:
            raise ModelNotFoundError(f"model {text} could not be downloaded: {exc}") from None
        return load_model(_model_dir_in(path, MODEL_FILE))


def _model_dir_in(path: Path, marker: str) -> Path:
    """The stance model folder that ``path`` is: a folder written by ``QuoteClassifier.save``
    (``marker`` at its root) or an MLflow model (``MLmodel`` at its root, the stance model in
    ``artifacts/model_dir``). Nothing below the root is searched: a folder is a model only if
    its own root says so."""
    if not path.is_dir():
        raise ModelNotFoundError(f"{path}: not a folder; expected a stance model folder or an MLflow model folder")
    if (path / marker).is_file():
        return path
    if (path / "MLmodel").is_file():
        from stance.safety import inside

        # only artifacts/model_dir is read; loading it checks that folder (no links in it), and
        # `inside` refuses an artifacts/ or model_dir that is itself a link out of the model
        inner = path / "artifacts" / "model_dir"
        if (inner / marker).is_file():
            inside(inner, path)
            return inner
        raise ModelNotFoundError(f"{path}: an MLflow model without a stance model in artifacts/model_dir")
    raise ModelNotFoundError(
        f"{path}: not a model folder (expected {marker} written by QuoteClassifier.save, "
        "or an MLflow model folder with an MLmodel file at its root)"
    )


LANGUAGES = ("pl", "en")


def _check_lang(lang) -> str | None:
    if lang is None:
        return None
    if not isinstance(lang, str) or lang.lower() not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)} or None (detect), got {lang!r}")
    return lang.lower()


def extract_quotes(text: str, lang: str | None = None, speaker_model: str = DEFAULT_SPEAKER_MODEL):
    """Statements in ``text`` as ``Quote`` records (text, speaker, kind, start, end, cue).

    ``text`` must be a string (bytes and None are refused in one line); ``lang`` is 'pl', 'en'
    or None to detect it (any other value is refused rather than quietly treated as another).
    ``speaker_model``: who said each statement, by the learned ``ranker`` (the default), the
    attribution ``rules`` alone (faster) or ``hybrid`` (``stance.extract.ranker``)."""
    from stance.extract import extract_quotes as _extract

    if not isinstance(text, str):
        hint = "; decode bytes first (data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"extract_quotes: text must be a str, not {type(text).__name__}{hint}")
    return _extract(text, lang=_check_lang(lang), speaker_model=speaker_model)


@functools.lru_cache(maxsize=8)
def _load_cached(uri: str, tracking_uri: str | None):
    return load(uri, tracking_uri=tracking_uri)


def clear_model_cache() -> None:
    """Forget the models that ``label_article``/``label_articles`` loaded by URI (after
    registering a new version under an alias, for instance)."""
    _load_cached.cache_clear()


def _as_model(model):
    """A loaded model as is; a URI or path loaded once per process (``clear_model_cache``)."""
    if model is None:
        raise ValueError("pass model=<a loaded model or a model URI>, e.g. model='models:/quote-stance/latest'")
    if isinstance(model, (str, os.PathLike)):
        return _load_cached(str(model), os.environ.get("MLFLOW_TRACKING_URI"))
    return model


def label_quotes(texts: str | Sequence[str], model) -> dict | list[dict]:
    """Stance, tone and label probabilities for each statement (a single string gives a dict)."""
    return _as_model(model).predict(texts)


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»)]*\s+|\n\s*\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that hold ``text[start:end]`` (the quote's context)."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end)
    return text[begin:stop.start() + 1 if stop else len(text)].strip()


def _model_inputs(clf, text: str, quotes) -> list[str]:
    """What ``clf`` reads for each quote: the statement, or (``input_mode`` speaker/context, as
    it was trained) the statement with its speaker or with the sentence around it. As in the
    corpus, a direct quote has no context sentence: it is the speaker's own words."""
    from stance.data.inputs import model_inputs

    mode = getattr(clf, "input_mode", "text")
    if mode == "text":
        return [q.text for q in quotes]
    rows = [{"text": q.text, "speaker": q.speaker,
             "context": None if q.kind == "direct" else _sentence_around(text, q.start, q.end)} for q in quotes]
    return model_inputs(rows, mode)


def _records(quotes, labels, lang: str, article_id=None, tasks=TASKS) -> list[dict]:
    out = []
    for q, lab in zip(quotes, labels):
        confidence = min(lab[f"{t}_p_{lab[t]}"] for t in tasks)
        record = {"text": q.text, "speaker": q.speaker, "kind": q.kind, "start": q.start, "end": q.end, "cue": q.cue,
                  "lang": lang, **lab, "confidence": confidence}
        out.append(record if article_id is None else {"article_id": article_id, **record})
    return out


def label_article(text: str, model, lang: str | None = None, article_id=None, speaker_model: str = DEFAULT_SPEAKER_MODEL) -> list[dict]:
    """Extract the statements of an article and label each.

    One record per statement: ``text, speaker, kind, start, end, cue, lang`` (given or
    detected), ``stance, tone``, the ``<task>_p_<label>`` probabilities and ``confidence`` (the
    lower of the two predicted labels' probabilities); ``article_id`` first when given. A model
    URI is loaded once per process and reused. ``speaker_model`` as in ``extract_quotes``.
    """
    from stance.extract import detect_lang

    clf = _as_model(model)
    lang = _check_lang(lang)
    quotes = extract_quotes(text, lang=lang, speaker_model=speaker_model)
    if not quotes:
        return []
    labels = clf.predict(_model_inputs(clf, text, quotes))
    return _records(quotes, labels, lang or detect_lang(text), article_id, clf.label_space.tasks)


def label_articles(articles: Iterable, model, lang: str | None = None, batch_size: int = 256,
                   speaker_model: str = DEFAULT_SPEAKER_MODEL) -> list[dict]:
    """``label_article`` over many articles with one model: statements are labelled in batches of
    about ``batch_size`` across articles, with a progress bar on a terminal (quiet in logs).

    ``articles``: strings (their position is the ``article_id``), ``(article_id, text)`` pairs,
    or a mapping from id to text. Returns one list of records, in article order.
    ``speaker_model`` as in ``extract_quotes``.
    """
    from stance.extract import detect_lang
    from stance.progress import progress

    if isinstance(articles, (str, bytes)):
        raise TypeError("label_articles takes many articles (a list, pairs, or a mapping); use label_article for one")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    clf = _as_model(model)
    lang = _check_lang(lang)
    items = articles.items() if isinstance(articles, Mapping) else articles
    out: list[dict] = []
    pending: list[tuple] = []  # (article_id, lang, text, quotes)

    def flush():
        texts = [x for _, _, article, quotes in pending for x in _model_inputs(clf, article, quotes)]
        labels = iter(clf.predict(texts)) if texts else iter(())
        for article_id, article_lang, _, quotes in pending:
            out.extend(_records(quotes, [next(labels) for _ in quotes], article_lang, article_id, clf.label_space.tasks))
        pending.clear()

    n_pending = 0
    for position, item in enumerate(progress(items, desc="articles", unit=" articles")):
        article_id, text = (position, item) if isinstance(item, str) else item
        quotes = extract_quotes(text, lang=lang, speaker_model=speaker_model)
        pending.append((article_id, lang or detect_lang(text), text, quotes))
        n_pending += len(quotes)
        if n_pending >= batch_size:
            flush()
            n_pending = 0
    flush()
    return out


def runs(experiment: str = "quote-stance", tracking_uri: str | None = None):
    """The package's runs as a DataFrame, newest first: run id and name, status, run type and
    model family, start time, data fingerprint and commit, the validation / test / realistic
    macro-F1 of each task (the codebook's, then those of runs trained with other ``labels=``), and the logged model's URI (``runs:/<id>/model``) for ``stance.load``.

    Reads the same store the commands write (``tracking_uri``, else ``MLFLOW_TRACKING_URI``,
    else the project's ``mlflow.db``) without creating anything: an unknown experiment or a
    missing store gives an empty frame.
    """
    import pandas as pd

    from stance import tracking

    uri = tracking_uri or tracking.default_tracking_uri()
    columns = ["run_id", "run_name", "status", "run_type", "family", "start_time", "data_fingerprint", "git_commit",
               *[f"{t}_{s}_macro_f1" for s in ("validation", "test", "realistic_validation", "realistic_test") for t in TASKS],
               "model_uri"]
    if uri.startswith("sqlite:///") and not Path(uri[len("sqlite:///"):]).is_file():
        return pd.DataFrame(columns=columns)
    import mlflow

    client = mlflow.MlflowClient(uri)
    exp = client.get_experiment_by_name(experiment)
    if exp is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for run in client.search_runs([exp.experiment_id], order_by=["attributes.start_time DESC"]):
        tags, metrics = run.data.tags, run.data.metrics
        row = {"run_id": run.info.run_id, "run_name": run.info.run_name, "status": run.info.status,
               "run_type": tags.get("stance.run_type"), "family": tags.get("stance.model_family"),
               "start_time": pd.Timestamp(run.info.start_time, unit="ms"),
               "data_fingerprint": tags.get("stance.data_fingerprint"), "git_commit": tags.get("stance.git_commit"),
               "model_uri": f"runs:/{run.info.run_id}/model" if tags.get("stance.run_type") == "train" else None}
        for task in _run_tasks(tags):
            for split in ("validation", "test", "realistic_validation", "realistic_test"):
                name = f"{task}_{split}_macro_f1"
                if name not in columns:
                    columns.insert(columns.index("model_uri"), name)
                row[name] = metrics.get(name)
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def to_frame(items) -> "object":
    """Labelled records (dicts) or extracted quotes (``Quote``) as a DataFrame, one row each, in
    their order and with their field order."""
    import pandas as pd

    if items is None or isinstance(items, (str, bytes, dict)):
        raise TypeError(f"to_frame takes a list of records or quotes, got {type(items).__name__}")
    rows = [x if isinstance(x, dict) else x.to_dict() if hasattr(x, "to_dict") else x for x in items]
    bad = sorted({type(r).__name__ for r in rows if not isinstance(r, dict)})
    if bad:
        raise TypeError(f"to_frame takes records (dicts) or quotes; got {', '.join(bad)}")
    return pd.DataFrame(rows)


def _run_tasks(tags) -> list[str]:
    """The tasks of a run: its ``stance.labels`` tag (runs trained with ``labels=``), else the codebook's."""
    import json

    try:
        labels = json.loads(tags.get("stance.labels", "null"))
    except ValueError:
        labels = None
    return [str(t) for t in labels] if isinstance(labels, dict) and labels else list(TASKS)


def summarise(records) -> "object":
    """Per speaker: the number of statements, the share of each stance and tone label, and the
    mean probability of each label, most quoted first (a DataFrame indexed by speaker).

    ``records``: what ``label_article`` / ``label_articles`` return (a list of dicts or a
    DataFrame), one article or a whole archive. Speakers are grouped as the extractor wrote them
    (canonical nominative forms, so ``Marty Zawadzkiej`` and ``Zawadzka`` are one ``Marta
    Zawadzka`` when the article names her in full); statements without a speaker are grouped
    under ``(unknown)``.
    """
    import pandas as pd

    from stance.labels import proba_column

    frame = records if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records))
    if frame.empty:
        return pd.DataFrame()
    # The model's tasks and labels, read off the probability columns (<task>_p_<label>).
    labels: dict[str, list[str]] = {}
    for column in frame.columns:
        for task in [c for c in frame.columns if str(column).startswith(f"{c}_p_")]:
            labels.setdefault(task, []).append(str(column)[len(task) + 3:])
    missing = [c for c in ("speaker",) if c not in frame.columns] + ([] if labels else ["<task>", "<task>_p_<label>"])
    if missing:
        raise ValueError(f"records need the columns {missing} (pass what label_article or label_articles return)")
    frame = frame.assign(speaker=frame["speaker"].fillna("(unknown)"))
    groups = frame.groupby("speaker", sort=False)
    out = pd.DataFrame({"statements": groups.size()})
    for task, names in labels.items():
        for label in names:
            out[f"{task}_{label}_share"] = groups[task].apply(lambda s, lab=label: float((s == lab).mean()))
        for label in names:
            column = proba_column(task, label)
            if column in frame.columns:
                out[f"mean_{column}"] = groups[column].mean()
    return out.sort_values("statements", ascending=False, kind="stable")
