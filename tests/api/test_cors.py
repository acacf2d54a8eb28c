"""Cross-origin reads: any page may read the API anonymously; keyed requests are for servers."""

import pytest

from tests.api.factories import make_api_key
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ORIGIN = {"Origin": "https://app.example.net"}


def test_an_anonymous_read_is_readable_from_any_origin(client):
    make_article()
    response = client.get("/api/v1/articles", headers=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    # The same answer for every origin: nothing to vary a shared cache on, and never credentials.
    assert "Origin" not in response.get("Vary", "")
    assert "Access-Control-Allow-Credentials" not in response


def test_a_revalidation_and_a_problem_are_readable_cross_origin_too(client, settings):
    first = client.get("/api/v1/sections", headers=ORIGIN)
    not_modified = client.get("/api/v1/sections", headers={**ORIGIN, "If-None-Match": first["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == "*"
    missing = client.get("/api/v1/articles/999999", headers=ORIGIN)
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == "*"
    unknown = client.get("/api/v2/nothing", headers=ORIGIN)
    assert unknown.status_code == 404 and unknown["Access-Control-Allow-Origin"] == "*"


def test_a_rate_limited_script_can_read_when_to_retry(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60)}
    client.get("/api/v1/sections", headers=ORIGIN)
    limited = client.get("/api/v1/sections", headers=ORIGIN)
    assert limited.status_code == 429
    assert limited["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in limited["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("header", ["X-API-Key", "Authorization"])
def test_a_keyed_answer_is_not_shared_with_web_pages(client, header):
    _key, plain = make_api_key()
    value = plain if header == "X-API-Key" else f"Bearer {plain}"
    response = client.get("/api/v1/sections", headers={**ORIGIN, header: value})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_allows_get_head_and_revalidation_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.options(
            "/api/v1/articles?lang=ar",
            headers={
                **ORIGIN,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            },
        )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since"} <= allowed
    assert int(response["Access-Control-Max-Age"]) > 0


def test_a_preflight_does_not_let_a_web_page_send_a_key_or_write(client):
    response = client.options(
        "/api/v1/sections",
        headers={
            **ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key, authorization",
        },
    )
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert not allowed & {"x-api-key", "authorization"}
    assert "POST" not in response["Access-Control-Allow-Methods"]
    # The write itself stays refused, as a problem document a page can read.
    post = client.post("/api/v1/sections", headers=ORIGIN)
    assert post.status_code == 405 and post["Access-Control-Allow-Origin"] == "*"
