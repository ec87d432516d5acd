"""The package as a user gets it: wheel and sdist built by ``python -m build``, the wheel installed
with pip into a fresh virtual environment (base dependencies only: no torch), and the README's
installed-package examples run from an empty folder outside the checkout.

The environments are cached under pytest's cache folder keyed by the SHA-256 of what they are built
from (the wheel, built with a fixed SOURCE_DATE_EPOCH so the same sources give the same bytes; the
logged model's pinned requirements.txt) and the Python version: any change makes a fresh one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, STATEMENTS, read_jsonl, write_jsonl

pytestmark = pytest.mark.slow

PACKAGE = ROOT / "stance"
# run outputs, stores and caches that must never ship, wherever they appear in an archive
FORBIDDEN = re.compile(r"^(tests?|data|experiments)/|(^|/)(mlruns|mlartifacts|outputs|multirun|\.cache|\.hydra|__pycache__)/"
                       r"|mlflow\.db|\.pyc$|\.lock$|\.npy$|\.safetensors$")


def package_files(package: Path = PACKAGE) -> set[str]:
    """Every file of the package in the checkout, as archive names (no byte code)."""
    return {f.relative_to(ROOT).as_posix() for f in package.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc"}


# The project's Hydra sweeper, under the namespace Hydra 1.3 loads plugins from (stance/search.py)
PLUGIN = ROOT / "hydra_plugins" / "stance_search"


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}  # fixed zip timestamps: the wheel's hash is its content's
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


def test_wheel_holds_the_package_and_nothing_else(dists):
    from stance import __version__

    wheel = dists["wheel"]
    assert wheel.name == f"stance-{__version__}-py3-none-any.whl"
    names = [n for n in zipfile.ZipFile(wheel).namelist() if not n.endswith("/")]
    shipped = {n for n in names if n.startswith("stance/")}
    info = {n for n in names if n.startswith(f"stance-{__version__}.dist-info/")}
    plugin = {n for n in names if n.startswith("hydra_plugins/stance_search/")}
    assert shipped | info | plugin == set(names), sorted(set(names) - shipped - info - plugin)
    assert plugin == package_files(PLUGIN) and "hydra_plugins/__init__.py" not in names  # a namespace package
    assert shipped == package_files(), (sorted(package_files() - shipped), sorted(shipped - package_files()))
    for required in ("stance/conf/train.yaml", "stance/conf/evaluate.yaml", "stance/conf/evaluate_extraction.yaml",
                     "stance/conf/label.yaml",
                     "stance/conf/model/tfidf_logreg.yaml", "stance/conf/tracking/default.yaml",
                     "stance/extract/lexicons/pl_cue_verbs.txt", "stance/extract/speaker_ranker.json",
                     "stance/resources/labels.json", "stance/py.typed",
                     f"stance-{__version__}.dist-info/licenses/LICENSE"):
        assert required in names, required
    assert not [n for n in names if FORBIDDEN.search(n)]
    assert len(list(PACKAGE.joinpath("conf").rglob("*.yaml"))) == len([n for n in shipped if n.endswith(".yaml")])


def test_sdist_holds_the_sources_and_no_outputs(dists):
    with tarfile.open(dists["sdist"]) as tar:
        names = [m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()]
    for required in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "stance/conf/train.yaml", "stance/py.typed"):
        assert required in names, required
    assert {n for n in names if n.startswith("stance/")} == package_files()
    assert {n for n in names if n.startswith("hydra_plugins/")} == package_files(PLUGIN)
    assert not [n for n in names if FORBIDDEN.search(n)]


def clean_env() -> dict[str, str]:
    """The environment without what points into the checkout or the project's venv (a PYTHONPATH
    with the checkout would make pip think stance is installed already)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MLFLOW_TRACKING_URI", "VIRTUAL_ENV")}


def _pip(venv: Path, *args: str) -> None:
    proc = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args],
                          capture_output=True, text=True, timeout=1200, env=clean_env(), cwd=venv)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def cached_venv(request, tmp_path_factory, name: str, content: bytes, pip_args: list[str]) -> Path:
    """A virtual environment made by ``python -m venv`` and ``pip install <pip_args>``, kept in
    pytest's cache under the SHA-256 of ``content`` (what it is built from) and the Python version;
    environments of other contents are deleted, never reused."""
    key = hashlib.sha256(content + sys.version.encode()).hexdigest()[:16]
    cache = request.config.cache
    root = Path(cache.mkdir(name)) if cache is not None else tmp_path_factory.mktemp(name)
    for old in root.iterdir():
        if old.name != key:
            shutil.rmtree(old, ignore_errors=True)
    env_dir, ready = root / key, root / key / "installed-ok"
    if not ready.is_file():
        shutil.rmtree(env_dir, ignore_errors=True)
        proc = subprocess.run([sys.executable, "-m", "venv", str(env_dir)], capture_output=True, text=True, timeout=300,
                              env=clean_env())
        assert proc.returncode == 0, proc.stderr
        _pip(env_dir, "install", *pip_args)
        ready.write_text(" ".join(pip_args) + "\n")
    return env_dir


@pytest.fixture(scope="module")
def venv(dists, request, tmp_path_factory) -> Path:
    """A virtual environment holding only the wheel and its dependencies (no torch)."""
    return cached_venv(request, tmp_path_factory, "stance-wheel-venv", dists["wheel"].read_bytes(), [str(dists["wheel"])])


def readme_example() -> tuple[list[str], str]:
    """The command lines and the Python code of the README's installed-package example."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- installed-example:begin -->(.*?)<!-- installed-example:end -->", readme, re.S).group(1)
    bash = re.search(r"```bash\n(.*?)```", block, re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in bash.splitlines() if line.split("#", 1)[0].strip()]
    return commands, re.search(r"```python\n(.*?)```", block, re.S).group(1)


def test_installed_wheel_runs_the_readme_examples_from_an_empty_folder(venv, dists, tmp_path, request, tmp_path_factory):
    from stance import __version__

    work = tmp_path / "project"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT)
    bindir = venv / "bin"
    env = clean_env() | {"PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", "STANCE_CACHE_DIR": str(tmp_path / "cache"),
            "PYTHONHASHSEED": "0"}

    def run(args, check=True, **kw):
        proc = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=600, **kw)
        if check:
            assert proc.returncode == 0, f"{args}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
        return proc

    python = str(bindir / "python")
    where = run([python, "-c", "import stance; print(stance.__file__); print(stance.__version__)"]).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == __version__

    # the default corpus is not there: one line saying what to pass, before any run is made
    proc = run(["stance-train"], check=False)
    errors = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert proc.returncode == 2 and len(errors) == 1 and "pass data.path=" in errors[0], proc.stderr[-2000:]
    assert not (work / "mlflow.db").exists()

    # a small labelled file (real statements, both languages) and an article, named as in the README
    train = read_jsonl(STATEMENTS / "train.jsonl")
    by_lang = [[r for r in train if r["lang"] == lang][:120] for lang in ("pl", "en")]
    write_jsonl(work / "my_statements.jsonl", [r for pair in zip(*by_lang) for r in pair])
    shutil.copy(ROOT / "data" / "examples" / "davos-talks-pl.txt", work / "article.txt")

    commands, python_code = readme_example()
    assert any(c.startswith("stance-train data.path=") for c in commands)
    for command in commands:
        if command.startswith("stance-train data.path="):
            command += " n_boot=20"  # fewer bootstrap resamples: seconds, not the point here
        proc = run(["bash", "-c", command])
        if command.startswith("python -m stance.demo"):
            assert "statements, model models:/quote-stance@champion" in proc.stdout, proc.stdout
            assert re.search(r"\b(conciliatory|hardline|neutral)\b", proc.stdout), proc.stdout
        if command.startswith("stance-label"):
            labelled = read_jsonl(work / "labelled.jsonl")
            assert len(labelled) == 240 and {r["stance"] for r in labelled} <= {"conciliatory", "hardline", "neutral"}
            assert "240 statements labelled" in proc.stdout and "0 bad rows" in proc.stdout, proc.stdout
    assert (work / "mlflow.db").is_file()  # the embedded store in the current folder
    out = run([python, "-c", python_code]).stdout
    assert re.search(r"'stance': '(conciliatory|hardline|neutral)'", out) and "'speaker':" in out, out

    # a user's own config folder on Hydra's search path, beside the package's configs
    conf = work / "myconf" / "model"
    conf.mkdir(parents=True)
    (conf / "my_tfidf.yaml").write_text("defaults:\n  - tfidf_logreg\n  - _self_\nC: 0.37\n")
    run(["stance-train", f"hydra.searchpath=[file://{work / 'myconf'}]", "model=my_tfidf",
         "data.path=my_statements.jsonl", "n_boot=20", "run_name=mine"])
    check = ("import mlflow; mlflow.set_tracking_uri('sqlite:///mlflow.db'); "
             "r = mlflow.search_runs(experiment_names=['quote-stance'], filter_string=\"tags.mlflow.runName = 'mine'\"); "
             "print(r['params.model.C'][0], r['params.model.classifier'][0], r['tags.stance.version'][0], "
             "r['tags.stance.git_commit'][0])")
    assert run([python, "-c", check]).stdout.split() == ["0.37", "logreg", __version__, "unknown"]

    # every console script the wheel declares answers --help
    entry_points = zipfile.ZipFile(dists["wheel"]).read(f"stance-{__version__}.dist-info/entry_points.txt").decode()
    scripts = re.findall(r"^(stance-[\w-]+) =", entry_points, re.M)
    assert {"stance-train", "stance-evaluate", "stance-evaluate-extraction", "stance-label"} <= set(scripts)
    for script in scripts:
        proc = run([str(bindir / script), "--help"])
        assert script in proc.stdout, (script, proc.stdout[:500])

    # the MLflow model loads in an environment built from its requirements.txt alone (what
    # spark_udf(env_manager="virtualenv") builds): no stance there, the model's code/stance is used.
    # (MLflow puts code/ first on sys.path; a process that imported stance before keeps its own.)
    uri = "models:/quote-stance@champion"
    predict = ("import sys, mlflow, pandas as pd; mlflow.set_tracking_uri('sqlite:///mlflow.db'); "
               f"m = mlflow.pyfunc.load_model('{uri}'); "
               "out = m.predict(pd.DataFrame({'text': ['Nie oddamy ani metra naszej ziemi.', 'We welcome the talks.']})); "
               "print(sys.modules['stance'].__file__); print(list(out['stance']))")
    installed = run([python, "-c", "import stance; " + predict]).stdout.splitlines()
    requirements = Path(run([python, "-c", "import mlflow; mlflow.set_tracking_uri('sqlite:///mlflow.db'); "
                                           f"print(mlflow.pyfunc.get_model_dependencies('{uri}'))"]).stdout.split()[-1])
    assert not [r for r in requirements.read_text().split() if r.split("=")[0] == "stance"]
    bare_python = str(cached_venv(request, tmp_path_factory, "stance-model-venv", requirements.read_bytes(),
                                  ["-r", str(requirements)]) / "bin" / "python")
    assert run([bare_python, "-c", "import stance"], check=False).returncode != 0
    bare = run([bare_python, "-c", predict]).stdout.splitlines()
    assert "/code/stance/" in bare[0] and Path(installed[0]).is_relative_to(venv)
    assert bare[1] == installed[1]


def test_a_model_read_by_another_installed_version_warns(tmp_path):
    """The one case the model's own code is not used: stance imported before loading."""
    from stance import __version__
    from stance.pyfunc_model import _warn_if_other_version

    bundled = tmp_path / "code" / "stance"
    bundled.mkdir(parents=True)
    (bundled / "__init__.py").write_text('__version__ = "0.0.1"\n')
    with pytest.warns(UserWarning, match=f"written by stance 0.0.1 but stance {__version__}"):
        _warn_if_other_version(bundled)
    (bundled / "__init__.py").write_text(f'__version__ = "{__version__}"\n')
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _warn_if_other_version(bundled)


def test_readme_names_no_path_of_the_machine_it_was_written_on():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"(?<![\w:/])/(?:work|home|root|Users|mnt|opt|srv|scratch)/[^\s`)]*", readme)
    found += [str(ROOT)] if str(ROOT) in readme else []
    assert not found, found
