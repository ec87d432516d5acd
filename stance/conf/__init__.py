"""The Hydra configs (train.yaml, evaluate.yaml, evaluate_extraction.yaml and the groups data/, model/,
encoder/, tracking/). A package so Hydra finds them as ``pkg://stance.conf`` wherever stance is
installed; the entry points name them relative to themselves (``config_path="conf"``)."""
