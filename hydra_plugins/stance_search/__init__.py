"""Hydra plugins of the stance project (Hydra 1.3 loads plugin classes only from ``hydra_plugins``)."""
