"""The command line: `contentlint check | groups | report | rules | rule`."""

from contentlint.cli.main import main  # noqa: F401  (the console script `contentlint.cli:main`)
