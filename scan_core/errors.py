"""One error type for every bad input, with a Dutch message a person can act on."""


class ScanInputError(ValueError):
    """Bad answers, a bad answer code, an unknown gemeente or a bad date."""
