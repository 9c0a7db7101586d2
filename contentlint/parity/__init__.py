"""A translation against its source: section and block alignment, numbers, segments, blame."""
