"""stance.spark.label on a real local Spark session (local[2], Java 17) against stance.load(...).predict."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

import stance
from stance.labels import TASKS, output_columns

pytest.importorskip("pyspark", reason="pyspark is in the spark extra (pip install 'stance[spark]')")
if shutil.which("java") is None:  # pragma: no cover - these machines have Java 17
    pytest.skip("Spark needs Java 17 or later on PATH", allow_module_level=True)

ROWS = 50_000


@pytest.fixture(scope="module")
def logged_model(tmp_path_factory, corpus_records):
    """A small tf-idf model logged as the MLflow pyfunc the commands log (a real SQLite store)."""
    import mlflow

    from stance import tracking
    from stance.models.tfidf import TfidfClassifier

    uri = f"sqlite:///{tmp_path_factory.mktemp('spark') / 'mlflow.db'}"
    recs = corpus_records["train"][::8]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {t: [r[t] for r in recs] for t in TASKS})
    tracking.connect(uri)
    mlflow.set_experiment("spark-test")
    with mlflow.start_run():
        info = tracking.log_model(model)
    return info.model_uri, uri


@pytest.fixture(scope="module")
def spark():
    from stance.spark import local_session

    session = local_session("local[2]", memory="1g")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.slow
def test_spark_udf_gives_the_same_labels_as_load_predict(spark, logged_model, corpus_records):
    from stance.spark import label

    model_uri, tracking_uri = logged_model
    texts = [r["text"] for r in corpus_records["test"]]
    rows = pd.DataFrame({"id": range(ROWS), "text": [f"{texts[i % len(texts)]} ({i})" for i in range(ROWS)]})
    rows.loc[[10, 20, 30], "text"] = [None, "", "\u200b \u200b"]  # rows that cannot be labelled get nulls
    df = spark.createDataFrame(rows).repartition(2)
    got = label(df, model_uri, tracking_uri=tracking_uri).toPandas().sort_values("id").reset_index(drop=True)
    assert len(got) == ROWS and list(got.columns) == ["id", "text", *output_columns()]
    assert got.loc[[10, 20, 30], list(TASKS)].isna().all().all()

    ok = ~got["id"].isin([10, 20, 30])
    expected = stance.load(model_uri, tracking_uri=tracking_uri).predict_frame(list(rows.loc[ok, "text"]))
    for task in TASKS:
        assert list(got.loc[ok, task]) == list(expected[task])
    probs = [c for c in output_columns() if c not in TASKS]
    np.testing.assert_allclose(got.loc[ok, probs].to_numpy(float), expected[probs].to_numpy(float), atol=1e-9)


def test_spark_label_refuses_a_missing_column(spark, logged_model):
    from stance.errors import ConfigError
    from stance.spark import label

    df = spark.createDataFrame(pd.DataFrame({"body": ["Rozmowy były konstruktywne."]}))
    with pytest.raises(ConfigError, match="no 'text' column.*body.*text_col="):
        label(df, logged_model[0], tracking_uri=logged_model[1])
    with pytest.raises(ConfigError, match="already has the output column"):
        renamed = df.withColumnRenamed("body", "text")
        label(renamed.withColumn("stance", renamed["text"]), logged_model[0], tracking_uri=logged_model[1])


@pytest.mark.slow
def test_spark_udf_follows_a_models_own_label_set(spark, tmp_path, corpus_records):
    """A one-task model with SemEval labels (``labels=``) gets its own columns, not the codebook's."""
    import mlflow

    from stance import tracking
    from stance.labels import LabelSpace
    from stance.models.tfidf import TfidfClassifier
    from stance.spark import label

    names = {"conciliatory": "favor", "hardline": "against", "neutral": "none"}
    recs = corpus_records["train"][::8]
    model = TfidfClassifier(seed=0).fit([r["text"] for r in recs], {"stance": [names[r["stance"]] for r in recs]},
                                        label_space=LabelSpace.from_config({"stance": ["favor", "against", "none"]}))
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    tracking.connect(uri)
    mlflow.set_experiment("spark-own-labels")
    with mlflow.start_run():
        info = tracking.log_model(model)
    texts = [r["text"] for r in corpus_records["test"][:200]]
    got = label(spark.createDataFrame(pd.DataFrame({"text": texts})), info.model_uri, tracking_uri=uri).toPandas()
    assert list(got.columns) == ["text", "stance", "stance_p_favor", "stance_p_against", "stance_p_none"]
    assert got["stance"].tolist() == [p["stance"] for p in model.predict(texts)]
