"""Output formats (one module each, found by writers.py), the HTML report, the baseline."""
