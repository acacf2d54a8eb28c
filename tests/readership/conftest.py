# Read dedupes and "Most read" live in the cache, as the policy version does: the same clean slate.
from tests.consent.conftest import _fresh_cache  # noqa: F401
