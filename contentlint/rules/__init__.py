"""Rules: one module each, named after its rule, found by the catalogue (catalogue.py)."""
