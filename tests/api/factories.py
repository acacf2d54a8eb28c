from api.services import api_key_create
from tests.factories import make_user


def make_api_key(*, name="Partner", rate_limit=600, by=None):
    """(key object, plain key)."""
    return api_key_create(name=name, rate_limit=rate_limit, by=by or make_user(is_staff=True))
