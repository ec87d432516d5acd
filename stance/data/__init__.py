"""The labelled corpus: reading, validating and splitting statements.

``load_corpus(path)`` gives a ``datasets.DatasetDict`` with ``ClassLabel`` features for
stance and tone; ``read_records(path)`` gives the validated records as dicts.
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
