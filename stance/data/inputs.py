"""What a model reads for each statement: the statement alone (default), or paired with its
speaker or its surrounding sentence. A study option (``data.input``): it shows whether
context helps, and whether the speaker lets a model shortcut to a label."""

from __future__ import annotations

INPUT_MODES = ("text", "speaker", "context")
# A separator that the tokenisers of every family keep as a word boundary.
SEPARATOR = " | "


def model_inputs(dataset, mode: str = "text") -> list[str]:
    """One input string per statement of ``dataset`` (a ``datasets.Dataset`` or list of dicts)."""
    if mode not in INPUT_MODES:
        from stance.errors import ConfigError

        raise ConfigError(f"data.input={mode!r} is unknown; choose one of {', '.join(INPUT_MODES)}")
    rows = dataset.to_list() if hasattr(dataset, "to_list") else list(dataset)
    if mode == "text":
        return [r["text"] for r in rows]
    if mode == "speaker":
        return [f"{r.get('speaker') or '?'}{SEPARATOR}{r['text']}" for r in rows]
    # The context sentence of an indirect statement usually contains the statement itself;
    # it is appended only when it adds something.
    return [r["text"] if not r.get("context") or r["context"] == r["text"] else f"{r['text']}{SEPARATOR}{r['context']}" for r in rows]


def select_languages(dataset, languages) -> object:
    """The statements of ``dataset`` in ``languages`` (all when None or empty)."""
    if not languages:
        return dataset
    keep = set(languages)
    return dataset.filter(lambda lang: lang in keep, input_columns="lang")


def subsample_train(dataset, fraction: float, seed: int) -> object:
    """A stable share of the training statements (a learning-curve option, ``data.train_fraction``).

    Statements are ranked by a hash of ``(seed, id)`` (the text when there is no id) and the first
    ``round(fraction * n)`` kept: the same seed keeps the same statements whatever their order in
    the file, and a smaller fraction keeps a subset of a larger one (nested curves), so the curve
    measures more data, not other data. Validation and test are never subsampled."""
    import hashlib

    if check_train_fraction(fraction) == 1.0:
        return dataset
    keys = dataset["id"] if "id" in dataset.column_names else dataset["text"]
    ranks = sorted(range(len(keys)), key=lambda i: (hashlib.sha256(f"{seed}\x1f{keys[i]}".encode()).hexdigest(), i))
    keep = max(1, round(float(fraction) * len(keys)))
    return dataset.select(sorted(ranks[:keep]))


def check_train_fraction(fraction) -> float:
    from stance.errors import ConfigError

    if not 0.0 < float(fraction) <= 1.0:
        raise ConfigError(f"data.train_fraction={fraction} must be in (0, 1]; e.g. data.train_fraction=0.25")
    return float(fraction)
