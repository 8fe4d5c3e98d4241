"""Stage 5, exports: open data (JSON, CSV, HSDS 3.0) and reports on the data (entries not checked for a year)."""
