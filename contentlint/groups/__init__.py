"""Which files are one article: explicit keys, path patterns, inference from fingerprints."""
