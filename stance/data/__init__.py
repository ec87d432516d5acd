"""The labelled corpus: reading, validating and splitting statements.

``load_corpus(path)`` gives a ``datasets.DatasetDict`` with a ``ClassLabel`` feature per task
(stance and tone unless ``spec`` names other label sets; -1 where a statement has no label);
``read_records(path)`` gives the validated records as dicts. Formats: ``stance.data.formats``;
column mapping and label sets: ``stance.data.io.read_spec``.
"""

from stance.data.io import FIELDS_REQUIRED, fingerprint, read_records, records_to_dataset
from stance.data.corpus import load_corpus, load_eval_set

__all__ = [
    "FIELDS_REQUIRED",
    "fingerprint",
    "load_corpus",
    "load_eval_set",
    "read_records",
    "records_to_dataset",
]
