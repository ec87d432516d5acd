"""Paired comparison of two trained runs on the same statements, from what MLflow holds.

    python -m stance.compare <run_a> <run_b> [--split test] [--task stance]
    >>> stance.compare("runs:/<id_a>", "tfidf_svm-seed1", split="test")

Each run's logged ``predictions/<split>_predictions.csv`` is read (as data: bounded size, every
cell a string, nothing evaluated), the two are aligned by statement id and, per task, the
macro-F1 of each, the difference B − A with its paired-bootstrap 95% interval and p-value
(``stance.metrics.paired_bootstrap``) and n are reported. Runs scored on different statements
(another data fingerprint, other ids or other gold labels) are refused.
"""

from __future__ import annotations

import json
import os
import re
import sys
import types
from dataclasses import asdict, dataclass, field

from stance.errors import StanceError

MAX_PREDICTIONS_BYTES = 200 * 2**20  # a test split of ~1M statements; more is not a prediction file of ours
_RUN_ID = re.compile(r"^[0-9a-f]{32}$")


class CompareError(StanceError):
    """Two runs that cannot be compared, or a run that cannot be found."""


@dataclass(frozen=True)
class TaskComparison:
    task: str
    macro_f1_a: float
    macro_f1_b: float
    delta: float  # macro-F1 of B minus A
    ci_low: float
    ci_high: float
    p_value: float
    n: int


@dataclass
class Comparison:
    run_a: str
    run_b: str
    split: str
    tasks: list[TaskComparison] = field(default_factory=list)

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([asdict(t) for t in self.tasks])

    def table(self) -> str:
        lines = [f"A = {self.run_a}, B = {self.run_b}, split {self.split}",
                 f"{'task':<10}{'n':>7}{'macro-F1 A':>12}{'macro-F1 B':>12}{'B - A':>9}  {'95% CI':<18}{'p':>7}"]
        for t in self.tasks:
            lines.append(f"{t.task:<10}{t.n:>7}{t.macro_f1_a:>12.3f}{t.macro_f1_b:>12.3f}{t.delta:>+9.3f}  "
                         f"[{t.ci_low:+.3f}, {t.ci_high:+.3f}] {t.p_value:>6.3f}")
        return "\n".join(lines)


def resolve_run(client, ref: str, experiment: str | None = None):
    """The run ``ref`` names: a run id, ``runs:/<id>[/...]``, or a run name that is unique (in
    ``experiment`` when given, else in every experiment)."""
    from mlflow.exceptions import MlflowException

    text = str(ref).strip()
    run_id = text[len("runs:/"):].split("/", 1)[0] if text.startswith("runs:/") else text
    if _RUN_ID.match(run_id):
        try:
            return client.get_run(run_id)
        except MlflowException:
            raise CompareError(f"no run {run_id} in {client.tracking_uri}") from None
    if text.startswith("runs:/"):
        raise CompareError(f"{text!r} is not runs:/<32-character run id>")
    if experiment:
        exp = client.get_experiment_by_name(experiment)
        if exp is None:
            raise CompareError(f"no experiment {experiment!r} in {client.tracking_uri}")
        ids = [exp.experiment_id]
    else:
        ids = [e.experiment_id for e in client.search_experiments()]
    quoted = text.replace("'", "\\'")
    runs = client.search_runs(ids, f"attributes.run_name = '{quoted}'", max_results=50) if ids else []
    if not runs:
        raise CompareError(f"no run named {text!r} in {client.tracking_uri}" + (f" (experiment {experiment})" if experiment else "")
                           + "; give a run id or runs:/<id>")
    if len(runs) > 1:
        raise CompareError(f"{len(runs)} runs are named {text!r} ({', '.join(r.info.run_id[:8] for r in runs[:5])}...); "
                           "give a run id or --experiment")
    return runs[0]


def load_predictions(client, run, split: str, max_bytes: int = MAX_PREDICTIONS_BYTES):
    """The run's logged predictions for ``split`` as a DataFrame of strings (empty cells: NaN)."""
    import tempfile

    import pandas as pd

    name = f"{split}_predictions.csv"
    listed = {a.path: a for a in client.list_artifacts(run.info.run_id, "predictions")}
    art = listed.get(f"predictions/{name}")
    if art is None:
        have = ", ".join(sorted(p.rsplit("/", 1)[-1].removesuffix("_predictions.csv") for p in listed)) or "none"
        raise CompareError(f"run {run.info.run_id} has no predictions for split {split!r} (it has: {have})")
    if art.file_size is not None and art.file_size > max_bytes:
        raise CompareError(f"run {run.info.run_id}: {name} is {art.file_size} bytes, over the {max_bytes}-byte limit")
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")  # a CSV or two: no bar per file
    with tempfile.TemporaryDirectory(prefix="stance-compare-") as tmp:
        path = client.download_artifacts(run.info.run_id, f"predictions/{name}", tmp)  # the client's store, not the global one
        from pathlib import Path

        if Path(path).stat().st_size > max_bytes:
            raise CompareError(f"run {run.info.run_id}: {name} is over the {max_bytes}-byte limit")
        try:
            return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        except (ValueError, pd.errors.ParserError) as exc:
            raise CompareError(f"run {run.info.run_id}: {name} is not a readable CSV ({str(exc).splitlines()[0]})") from None


def _labels(run, task: str, frame_a, frame_b) -> list[str]:
    """The task's label order from the run's ``stance.labels`` tag (JSON data), else the values seen."""
    try:
        labels = json.loads(run.data.tags.get("stance.labels", "{}")).get(task)
        if isinstance(labels, dict):
            labels = labels.get("labels")
        if isinstance(labels, list) and all(isinstance(x, str) for x in labels):
            return labels
    except (ValueError, AttributeError):
        pass
    values = set()
    for f in (frame_a, frame_b):
        values |= set(f[f"gold_{task}"].dropna()) | set(f[task].dropna())
    return sorted(values)


def _fingerprint_tag(split: str) -> str:
    """The tag holding the fingerprint of the data a split comes from."""
    if split in ("validation", "test"):
        return "stance.data_fingerprint"
    return f"stance.eval_fingerprint.{split.rsplit('_', 1)[0]}"


def compare(run_a: str, run_b: str, split: str = "test", task: str | None = None, tracking_uri: str | None = None,
            experiment: str | None = None, n_boot: int = 2000, seed: int = 0) -> Comparison:
    """Compare two runs' predictions on the same statements (B − A per task, paired bootstrap)."""
    import mlflow

    from stance import tracking
    from stance.metrics import macro_f1, paired_bootstrap

    tracking.connect(tracking_uri)
    client = mlflow.MlflowClient()
    ra, rb = resolve_run(client, run_a, experiment), resolve_run(client, run_b, experiment)
    tag = _fingerprint_tag(split)
    fa, fb = ra.data.tags.get(tag), rb.data.tags.get(tag)
    if fa != fb:
        raise CompareError(f"runs {ra.info.run_id[:8]} and {rb.info.run_id[:8]} were scored on different data "
                           f"({tag} {fa} vs {fb}); compare runs scored on the same {split} split")
    pa, pb = load_predictions(client, ra, split), load_predictions(client, rb, split)
    if "id" in pa.columns and "id" in pb.columns and pa["id"].notna().all() and pb["id"].notna().all():
        if pa["id"].duplicated().any() or set(pa["id"]) != set(pb["id"]):
            raise CompareError(f"runs {ra.info.run_id[:8]} and {rb.info.run_id[:8]} were scored on different statements "
                               f"({len(set(pa['id']) ^ set(pb['id']))} ids in one only)")
        pb = pb.set_index("id").loc[pa["id"]].reset_index()
    elif len(pa) != len(pb) or list(pa["text"]) != list(pb["text"]):
        raise CompareError(f"runs {ra.info.run_id[:8]} and {rb.info.run_id[:8]} were scored on different statements (no ids; texts differ)")
    tasks = [c[len("gold_"):] for c in pa.columns if c.startswith("gold_") and c[len("gold_"):] in pa.columns]
    tasks = [t for t in tasks if f"gold_{t}" in pb.columns and t in pb.columns]
    if task is not None:
        if task not in tasks:
            raise CompareError(f"task {task!r} is not scored in both runs' {split} predictions (tasks: {', '.join(tasks) or 'none'})")
        tasks = [task]
    out = Comparison(ra.info.run_id, rb.info.run_id, split)
    for t in tasks:
        gold_a, gold_b = pa[f"gold_{t}"], pb[f"gold_{t}"]
        if not gold_a.fillna("\x00").equals(gold_b.fillna("\x00")):
            raise CompareError(f"runs {ra.info.run_id[:8]} and {rb.info.run_id[:8]} have other gold {t} labels for the same statements")
        keep = gold_a.notna().to_numpy()
        if not keep.any():
            continue
        gold, a, b = list(gold_a[keep]), list(pa[t][keep]), list(pb[t][keep])
        labels = _labels(ra, t, pa, pb)
        try:
            paired = paired_bootstrap(gold, a, b, labels, n_boot=n_boot, seed=seed)
            f_a, f_b = macro_f1(gold, a, labels), macro_f1(gold, b, labels)
        except ValueError as exc:  # a label outside the run's label set
            raise CompareError(f"{t}: {exc}") from None
        out.tasks.append(TaskComparison(t, f_a, f_b, paired.delta, paired.ci_low, paired.ci_high, paired.p_value, len(gold)))
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    from stance.cli import user_errors

    parser = argparse.ArgumentParser(prog="stance-compare", description="Paired bootstrap comparison of two runs' predictions "
                                     "(macro-F1 of B minus A per task, 95% interval, p-value).")
    parser.add_argument("run_a", help="run id, runs:/<id> or a unique run name")
    parser.add_argument("run_b")
    parser.add_argument("--split", default="test", help="a split with logged predictions: test (default), realistic_test, ...")
    parser.add_argument("--task", default=None, help="one task only (default: every task scored in both)")
    parser.add_argument("--experiment", default=None, help="where run names are looked up (default: every experiment)")
    parser.add_argument("--tracking-uri", default=None, help="default: MLFLOW_TRACKING_URI or the project's store")
    parser.add_argument("--n-boot", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with user_errors("stance.compare", interrupted="nothing was written"):
        result = compare(args.run_a, args.run_b, args.split, args.task, args.tracking_uri, args.experiment, args.n_boot, args.seed)
        if not result.tasks:
            raise CompareError(f"no task has gold labels in the {args.split} predictions")
        print(result.table())
    return 0


class _CallableModule(types.ModuleType):
    """``stance.compare`` is both this module (``python -m stance.compare``) and the API function:
    once the submodule is imported, Python binds the name ``stance.compare`` to the module, so the
    module itself must be callable for ``stance.compare(a, b)`` to keep working."""

    def __call__(self, *args, **kwargs) -> Comparison:
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

if __name__ == "__main__":
    sys.exit(main())
