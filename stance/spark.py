"""A logged model as a Spark UDF, for archives too large for one process.

    from stance.spark import label, local_session
    spark = local_session()                      # or your cluster's SparkSession
    labelled = label(spark.read.parquet("archive/"), "models:/quote-stance@champion", text_col="text")

Built on ``mlflow.pyfunc.spark_udf``: each executor loads the MLflow model (its pyfunc, with the
package copy the model carries in ``code/stance``) and labels Arrow batches of rows. pyspark is in
the ``spark`` extra (``pip install "stance[spark]"``; Spark needs Java 17 or later).
"""

from __future__ import annotations

import os
import sys

from stance.labels import TASKS, output_columns
from stance.models.base import MAX_TEXT_CHARS

# The characters stance.data.io.is_blank ignores, as a Java regular expression.
_INVISIBLE = r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+"


def model_outputs(model_uri: str) -> list[tuple[str, bool]]:
    """The logged model's output columns as ``(name, is_label)``, from its MLflow signature, so a
    model trained with its own label set (``labels=``) gets its own columns; the codebook's when
    the model has no output signature."""
    from mlflow.models import get_model_info

    signature = get_model_info(str(model_uri)).signature
    if signature is None or signature.outputs is None:
        return [(c, c in TASKS) for c in output_columns()]
    return [(c.name, c.type.name == "string") for c in signature.outputs.inputs]


def result_schema(outputs: list[tuple[str, bool]]):
    """The pyfunc's output as a Spark struct: the labels as strings, the probabilities as doubles."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(c, T.StringType() if is_label else T.DoubleType()) for c, is_label in outputs])


def label(df, model_uri: str, text_col: str = "text", tracking_uri: str | None = None, env_manager: str = "local",
          max_text_chars: int = MAX_TEXT_CHARS):
    """``df`` with the model's columns added (``stance``, ``tone``, ``<task>_p_<label>``).

    ``model_uri``: an MLflow model URI (``models:/<name>@<alias>``, ``models:/<name>/<version>``,
    ``runs:/<run_id>/model``) or a local MLflow model folder (one with an ``MLmodel`` file).
    A row whose text is null, empty or invisible-only, or longer than ``max_text_chars``, gets null
    labels instead of failing the job (``stance.label`` lists such rows; here they are the nulls).
    ``env_manager="local"`` uses the executors' own Python; ``"virtualenv"`` builds the model's
    environment from its ``requirements.txt`` on each executor.
    """
    import mlflow.pyfunc
    from pyspark.sql import functions as F

    from stance import tracking
    from stance.errors import ConfigError

    if text_col not in df.columns:
        raise ConfigError(f"the DataFrame has no {text_col!r} column (columns: {', '.join(df.columns[:10])}); "
                          "pass text_col=<the column with the statements>")
    if str(model_uri).startswith(("models:/", "runs:/")):
        tracking.connect(tracking_uri)
    outputs = model_outputs(model_uri)
    columns = [c for c, _ in outputs]
    clash = sorted(set(columns) & set(df.columns))
    if clash:
        raise ConfigError(f"the DataFrame already has the output column(s) {clash}; drop or rename them first")
    udf = mlflow.pyfunc.spark_udf(df.sparkSession, str(model_uri), result_type=result_schema(outputs), env_manager=env_manager)
    text = F.col(text_col)
    usable = text.isNotNull() & (F.regexp_replace(text, _INVISIBLE, "") != "") & (F.length(text) <= max_text_chars)
    # Spark evaluates a Python UDF on every row even inside when(): rows it cannot label get a
    # placeholder text, and their results are replaced by nulls.
    struct = "__stance_labels"
    labelled = df.withColumn(struct, F.when(usable, udf(F.when(usable, text).otherwise(F.lit("-")))))
    return labelled.select("*", *[F.col(f"{struct}.{c}").alias(c) for c in columns]).drop(struct)


def local_session(master: str = "local[2]", app_name: str = "stance", memory: str = "2g"):
    """A SparkSession on this machine (tests, benchmarks, a laptop), with Arrow transfers on and
    the executors running this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.driver.memory", memory)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate())
