"""Rebuilding the bundled toxicity model from labeled data (needs the `train` extra)."""
