"""Build-time code: load and validate data/*.yaml, write pages and exports, bundle the scan."""
