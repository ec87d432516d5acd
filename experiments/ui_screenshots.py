"""The MLflow UI as a researcher meets it, checked and photographed in a real headless browser.

    python experiments/ui_screenshots.py [--store sqlite:///abs/mlflow.db] [--experiment quote-stance]
                                         [--out experiments/results/ui] [--temp] [--check-only]

Starts ``mlflow server`` on a free loopback port over the store (default: the project's mlflow.db
if present, else a temporary store filled with two tiny tf-idf runs, the first with system metrics
forced on so that its System metrics tab has something to show), opens it in headless Chromium
(selenium + chromedriver: ``make ui-browser`` installs them) and checks in the DOM that the
experiment opens on the runs table (not MLflow's GenAI overview) with the Dataset column filled.
Unless ``--check-only``, saves PNGs to ``--out``: runs.png (the runs table), run_metrics.png (a
run's model metrics), system_metrics.png (when the run has them) and compare.png (two runs compared).

MLflow 3.17's UI picks its GenAI or its model-training pages by the sidebar switch (remembered per
browser, GenAI at first), not by the experiment's ``mlflow.experimentKind`` tag; the links opened
here carry ``workflowType=machine_learning``, as does the link ``make ui`` prints
(``stance.tracking.ui_url``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAIT_S = 90  # the UI's first load on a busy 2-core machine takes tens of seconds


class UIError(RuntimeError):
    """A check failed or the UI could not be reached; the message says which."""


def fill_temp_store(folder: Path) -> str:
    """A SQLite store in ``folder`` with two tiny tf-idf runs trained by ``python -m stance.train``."""
    uri = f"sqlite:///{folder / 'mlflow.db'}"
    runs = [("tfidf_logreg", 0, ["tracking.system_metrics=true", "tracking.system_metrics_interval=1"]),
            ("tfidf_svm", 1, [])]
    for i, (model, seed, extra) in enumerate(runs):
        cmd = [sys.executable, "-m", "stance.train", f"model={model}", f"seed={seed}", f"tracking.uri={uri}",
               "data.limit=300", "n_boot=100", "explain.sample=0", f"hydra.run.dir={folder}/outputs/{i}", *extra]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            raise UIError(f"training a run for the temporary store failed: {proc.stderr.strip().splitlines()[-1:]}")
    return uri


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def mlflow_server(uri: str, workdir: Path):
    """``mlflow server`` on a free loopback port over ``uri``; yields its base URL."""
    port = free_port()
    log = open(workdir / "server.log", "w")
    # cwd: the server's default artifact folder (./mlartifacts) must not land in the checkout
    proc = subprocess.Popen([sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", "1", "--backend-store-uri", uri], cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise UIError(f"mlflow server did not start (see {workdir / 'server.log'})") from None
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextlib.contextmanager
def headless_chromium(width: int = 1680, height: int = 1000):
    """Selenium's Chrome driver on the system Chromium, headless."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise UIError("selenium is not installed: pip install -e '.[ui]' (or make ui-browser)") from None
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        raise UIError("no chromium and chromedriver on PATH: make ui-browser (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def body_text(driver) -> str:
    try:
        return driver.find_element("tag name", "body").text
    except Exception:  # the page is being replaced
        return ""


def wait_for(driver, what: str, ok, timeout: float = WAIT_S) -> str:
    """Poll the page's text until ``ok(text)``; a ``UIError`` naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = body_text(driver)
        if ok(text):
            return text
        time.sleep(0.5)
    raise UIError(f"{what} did not appear within {timeout:.0f} s at {driver.current_url}; the page showed: "
                  + " | ".join(text.splitlines()[:25]))


def close_assistant(driver) -> None:
    """Close the MLflow Assistant side panel (it covers a third of every screenshot) when shown."""
    from selenium.webdriver.common.by import By

    for button in driver.find_elements(By.CSS_SELECTOR, "button[aria-label]"):
        label = (button.get_attribute("aria-label") or "").lower()
        if "close" in label and "assistant" in (button.find_element(By.XPATH, "./ancestor::*[5]").text or "").lower():
            button.click()
            time.sleep(0.5)
            return


def expand_rows(driver) -> None:
    """Tick the runs table's "Expand rows", which lists every dataset input of a run, not the first."""
    from selenium.webdriver.common.by import By

    for element in driver.find_elements(By.XPATH, "//*[normalize-space(text())='Expand rows']"):
        with contextlib.suppress(Exception):  # a cosmetic step: the screenshot is taken either way
            element.click()
            time.sleep(1.5)
        return


def check_runs_table(driver, base: str, exp_id: str, runs) -> str:
    """Open the experiment as ``make ui``'s link does and check the runs table is what shows: its
    column headers, the runs' names, a dataset name in the Dataset column, no GenAI overview."""
    from stance.tracking import ui_url

    driver.get(ui_url(base, exp_id))
    names = [r.info.run_name for r in runs]
    datasets = sorted({i.dataset.name for r in runs for i in r.inputs.dataset_inputs})
    text = wait_for(driver, "the runs table", lambda t: "Run Name" in t and all(n in t for n in names))
    if "Token Usage" in text or "No data available for the selected time range" in text:
        raise UIError("the experiment opened on MLflow's GenAI overview, not on its runs table")
    if "Dataset" not in text.splitlines():
        raise UIError("the runs table has no Dataset column")
    if datasets:
        text = wait_for(driver, "a dataset name in the Dataset column", lambda t: any(d in t for d in datasets))
    shown = [d for d in datasets if d in text]
    return f"runs table shown: {len(names)} run(s) {names}; Dataset column shows {shown or 'nothing (no dataset inputs)'}"


def save_png(driver, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(driver.get_screenshot_as_png())
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="tracking store URI or SQLite file (default: the project's mlflow.db if present)")
    parser.add_argument("--experiment", default="quote-stance")
    parser.add_argument("--out", default=str(ROOT / "experiments" / "results" / "ui"))
    parser.add_argument("--temp", action="store_true", help="use a temporary store with two tiny tf-idf runs")
    parser.add_argument("--check-only", action="store_true", help="check the runs table in the DOM, save no PNGs")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # run from a checkout without an install
    try:
        print(run(args))
    except UIError as exc:
        print(f"ui_screenshots: error: {exc}", file=sys.stderr)
        return 1
    return 0


def run(args) -> str:
    import mlflow

    from stance import tracking

    with tempfile.TemporaryDirectory(prefix="stance-ui-") as tmp:
        tmp = Path(tmp)
        store = args.store
        if store and "://" not in store:
            store = f"sqlite:///{Path(store).resolve()}"
        if not store and not args.temp and (tracking.project_root() / "mlflow.db").is_file():
            store = f"sqlite:///{tracking.project_root() / 'mlflow.db'}"
        if not store:
            print("filling a temporary store with two tiny tf-idf runs ...", flush=True)
            store = fill_temp_store(tmp)
        client = mlflow.MlflowClient(store)
        exp = client.get_experiment_by_name(args.experiment)
        if exp is None:
            raise UIError(f"{store} has no experiment {args.experiment!r}; give --experiment or train a run first")
        mlflow.set_tracking_uri(store)
        tracking.mark_model_training(exp)  # what the package does when it first touches an experiment
        runs = client.search_runs([exp.experiment_id], "attributes.status = 'FINISHED' and tags.`stance.run_type` = 'train'",
                                  order_by=["attributes.start_time DESC"], max_results=2)
        if not runs:
            raise UIError(f"experiment {args.experiment!r} has no finished training run to show")
        with mlflow_server(store, tmp) as base, headless_chromium() as driver:
            report = [check_runs_table(driver, base, exp.experiment_id, runs)]
            if args.check_only:
                return "\n".join(report)
            out = Path(args.out)
            close_assistant(driver)
            expand_rows(driver)
            save_png(driver, out / "runs.png")
            run_page = f"{base}/#/experiments/{exp.experiment_id}/runs/{runs[-1].info.run_id}"
            driver.get(f"{run_page}/model-metrics?workflowType=machine_learning")
            wait_for(driver, "the model metrics charts", lambda t: "Add chart" in t)
            # the run has ~160 metrics: show the macro-F1 charts, the ones a researcher looks for first
            search = driver.find_element("css selector", "input[placeholder='Search metric charts']")
            search.send_keys("validation_macro_f1")
            metric = sorted(k for k in runs[-1].data.metrics if k.endswith("validation_macro_f1"))[0]
            wait_for(driver, f"the chart of {metric}", lambda t: metric in t)
            time.sleep(3)  # the charts draw after their titles
            close_assistant(driver)
            save_png(driver, out / "run_metrics.png")
            saved = ["runs.png", "run_metrics.png"]
            def shot(url: str, what: str, ready, name: str, settle: float) -> None:
                driver.get(url)
                wait_for(driver, what, ready)
                time.sleep(settle)  # the charts draw after their titles
                close_assistant(driver)
                save_png(driver, out / name)
                saved.append(name)

            with_system = [r for r in runs if any(k.startswith("system/") for k in r.data.metrics)]
            if with_system:
                shot(f"{base}/#/experiments/{exp.experiment_id}/runs/{with_system[0].info.run_id}"
                     "/system-metrics?workflowType=machine_learning",
                     "the system metrics charts", lambda t: "cpu_utilization_percentage" in t, "system_metrics.png", 3)
            if len(runs) == 2:
                ids = json.dumps([r.info.run_id for r in runs])
                shot(f"{base}/#/compare-runs?runs={ids}&experiments={json.dumps([exp.experiment_id])}"
                     "&workflowType=machine_learning",
                     "the comparison of two runs", lambda t: "Comparing 2 Runs" in t, "compare.png", 2)
            report.append(f"saved {', '.join(saved)} in {out}")
            return "\n".join(report)


if __name__ == "__main__":
    sys.exit(main())
