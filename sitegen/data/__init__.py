"""Stage 1, data: read data/*.yaml with line numbers, validate it against the models, check references."""
