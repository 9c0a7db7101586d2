"""One run: the pipeline, workers, cache, records, the finding stream, fixes."""
