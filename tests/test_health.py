import pytest
from django.db import OperationalError


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django turns any database access here into an error.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readyz_answers_when_the_database_does(client):
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_fails_when_the_database_does_not(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    assert client.get("/readyz").status_code == 503
