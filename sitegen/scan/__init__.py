"""Stage 4, scan bundle: scan data, the scan page, scan_core's wheel and Pyodide's files under site/scan/ and site/pyodide/."""
