"""Toxicity scoring: a protocol, and the offline scorers that ship with the app."""
