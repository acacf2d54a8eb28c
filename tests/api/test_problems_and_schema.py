import json

import pytest
from openapi_spec_validator import validate

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_not_found_is_a_problem_document(client):
    response = client.get("/api/v1/articles/999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["status"] == 404
    assert body["title"] == "Not found"
    assert body["instance"] == "/api/v1/articles/999999"
    assert "no-store" in response["Cache-Control"]


def test_problems_are_in_the_readers_language(client):
    by_parameter = client.get("/api/v1/articles/999999?lang=ar").json()
    by_header = client.get("/api/v1/articles/999999", headers={"Accept-Language": "ar"}).json()
    assert by_parameter["title"] == by_header["title"] == "غير موجود"
    assert by_parameter["detail"] and by_parameter["detail"] != "Nothing is published here."


def test_invalid_parameters_are_named(client):
    response = client.get("/api/v1/articles?lang=fr&limit=0", headers={"Accept-Language": "ar"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_parameters"
    assert {error["name"] for error in body["errors"]} == {"lang", "limit"}
    assert response["Content-Language"] == "ar"


def test_the_openapi_document_is_valid_and_describes_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    validate(document)
    paths = set(document["paths"])
    assert {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/sections",
        "/api/v1/tags",
        "/api/v1/authors",
        "/api/v1/search",
    } <= paths
    assert "X-API-Key" in json.dumps(document["components"]["securitySchemes"])


def test_interactive_docs_run_no_inline_script(client):
    make_article()
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "<script>" not in html.replace(" ", "")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_writes_are_refused_with_a_problem_naming_the_allowed_method(client):
    response = client.post("/api/v1/articles", headers={"Accept-Language": "ar"})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET"
    assert response.json()["code"] == "method_not_allowed"
    assert response["Content-Language"] == "ar"


def test_an_unknown_api_address_is_a_problem(client):
    response = client.get("/api/v2/articles")
    assert response.status_code == 404
    assert response.json()["code"] == "no_such_endpoint"


def test_head_is_answered_like_get(client):
    make_article()
    get, head = client.get("/api/v1/articles"), client.head("/api/v1/articles")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
