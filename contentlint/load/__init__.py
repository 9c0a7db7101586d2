"""Bytes to Document: discovery, decoding, front matter, Markdown tokens, typed views, intended structure."""
