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
