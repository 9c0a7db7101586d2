"""Each document's language: names and codes, language profiles, detection with lingua."""
