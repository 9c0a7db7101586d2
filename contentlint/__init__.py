"""contentlint: lint multilingual Markdown articles and their translations."""

__version__ = "0.1.0"
