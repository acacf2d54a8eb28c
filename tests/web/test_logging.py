import logging

import pytest

from web.request_log import RedactPersonalData, redact

pytestmark = pytest.mark.django_db


def test_one_line_per_request_with_status_and_duration(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/en/?q=secret-search-term", REMOTE_ADDR="203.0.113.9")
    lines = [r.getMessage() for r in caplog.records if r.name == "newsroom.request"]
    assert len(lines) == 1
    assert lines[0].startswith("GET /en/ 200 ")
    assert "ms" in lines[0]
    assert "203.0.113.9" not in lines[0]
    assert "secret-search-term" not in lines[0]


def test_email_and_ip_addresses_are_masked_in_any_record():
    assert (
        redact("login failed for amal@example.org from 198.51.100.7") == "login failed for [email] from [ip]"
    )
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "user %s at %s", ("a@b.co", "2001:db8::1:2"), None
    )
    RedactPersonalData().filter(record)
    assert "a@b.co" not in record.getMessage()
