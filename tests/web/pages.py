"""Helpers for tests of the public page cache."""


def cached_page(client, url):
    """Fetch ``url`` until it is a HIT, so a later MISS can only come from invalidation."""
    client.get(url)
    response = client.get(url)
    assert response.headers["X-Cache"] == "HIT"
    return response
