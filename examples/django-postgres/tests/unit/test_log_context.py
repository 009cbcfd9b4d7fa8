import logging

from core.log_context import RequestIdFilter, request_id


def make_record() -> logging.LogRecord:
    return logging.LogRecord("app", logging.INFO, __file__, 1, "hello", None, None)


def test_log_records_get_the_current_request_id():
    token = request_id.set("trace-42")
    try:
        record = make_record()
        assert RequestIdFilter().filter(record)
        assert record.request_id == "trace-42"
    finally:
        request_id.reset(token)


def test_outside_a_request_the_id_is_a_dash():
    record = make_record()
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_a_record_about_a_request_gets_that_requests_id():
    record = make_record()
    record.request = type("Request", (), {"request_id": "from-request"})()
    RequestIdFilter().filter(record)
    assert record.request_id == "from-request"
