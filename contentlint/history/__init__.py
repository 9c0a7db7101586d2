"""The repository's history of the corpus: which source state each translation follows, and
what changed in the source since (git.py reads it, model.py says what is substantive,
lag.py decides)."""
