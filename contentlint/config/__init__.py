"""The settings of one run: defaults, configuration files, rule selectors."""
