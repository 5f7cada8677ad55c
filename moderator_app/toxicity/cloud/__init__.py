"""Optional cloud scorers (off by default): a second opinion on comments the local model flags."""
