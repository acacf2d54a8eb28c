from tests.wordpress.conftest import fixtures, import_polylang  # noqa: F401
