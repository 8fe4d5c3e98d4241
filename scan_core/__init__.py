"""The self-scan of seed 000 Bijlage 2: place a firm on the ladder and say what fits next.

Pure Python, standard library only: it runs unchanged in CPython and in Pyodide (the browser).
It reads only the scan data JSON that the build emits, and never the clock: today is an input.
"""
from .answers import decode_code, encode_code, parse_answers
from .errors import ScanInputError
from .compare import compare, compare_json
from .evaluate import evaluate, evaluate_json
from .result import ScanResult

__version__ = "1.0.0"
__all__ = ["evaluate", "evaluate_json", "compare", "compare_json", "ScanResult", "ScanInputError", "encode_code", "decode_code",
           "parse_answers", "__version__"]
