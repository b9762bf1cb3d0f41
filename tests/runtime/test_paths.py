"""`_paths` from the source tree: a path parameter is always exactly one segment."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.runtime._paths import PathParameterError, function_segment, segment, split_raw

BASE = "https://graph.microsoft.com/v1.0"


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_a_segment_that_would_not_stay_one_is_refused(value: str) -> None:
    with pytest.raises(PathParameterError, match="cannot be"):
        segment("id", value)


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("x?y#z", "x%3Fy%23z"),
        ("50%", "50%25"),
        ("ü", "%C3%BC"),
    ],
)
def test_separators_are_percent_encoded_inside_the_segment(value: str, encoded: str) -> None:
    assert segment("id", value) == encoded
    assert "/" not in segment("id", value)


def test_a_parameter_that_is_not_text_is_refused() -> None:
    with pytest.raises(PathParameterError, match="must be a str, not int"):
        segment("id", 5)


def test_function_arguments_are_quoted_odata_style() -> None:
    text = function_segment("f", {"s": "it's", "n": 2, "b": True})
    assert text == "f(s='it''s',n=2,b=true)"
    with pytest.raises(PathParameterError, match="has type list"):
        function_segment("f", {"x": []})


def test_dates_times_and_timestamps_are_bare_as_odata_writes_them() -> None:
    """`getOffice365ActiveUserDetail(date=2016-06-30)`: the service refuses a quoted date."""
    assert function_segment("f", {"date": dt.date(2016, 6, 30)}) == "f(date=2016-06-30)"
    assert function_segment("f", {"t": dt.time(9, 30)}) == "f(t=09%3A30%3A00)"
    stamp = dt.datetime(2021, 7, 1, 8, 0, tzinfo=dt.UTC)
    assert function_segment("f", {"at": stamp}) == "f(at=2021-07-01T08%3A00%3A00Z)"
    east = dt.datetime(2021, 7, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert function_segment("f", {"at": east}) == "f(at=2021-07-01T08%3A00%3A00%2B02%3A00)"
    with pytest.raises(PathParameterError, match="needs a timezone"):
        function_segment("f", {"at": dt.datetime(2021, 7, 1)})


def test_a_function_written_in_several_forms_takes_the_arguments_of_one() -> None:
    forms = (("period",), ("date",))
    assert function_segment("r", {"period": "D7", "date": None}, forms) == "r(period='D7')"
    day = dt.date(2021, 7, 1)
    assert function_segment("r", {"period": None, "date": day}, forms) == "r(date=2021-07-01)"
    with pytest.raises(TypeError, match=r"r takes \(period\) or \(date\), not \(period, date\)"):
        function_segment("r", {"period": "D7", "date": day}, forms)
    with pytest.raises(TypeError, match="not \\(\\)"):
        function_segment("r", {"period": None, "date": None}, forms)


def test_split_raw_drops_the_version_and_keeps_the_query() -> None:
    segments, query = split_raw("/v1.0/users/a b/events?$top=5&$select=a,b", BASE)
    assert segments == ("users", "a%20b", "events")
    assert query == (("$top", "5"), ("$select", "a,b"))


@pytest.mark.parametrize(
    "raw", ["/users/../admin", "/users/%2E%2E/admin", "/users/./x", "https://evil.test/v1.0/me"]
)
def test_split_raw_refuses_dot_segments_and_other_hosts(raw: str) -> None:
    with pytest.raises(PathParameterError):
        split_raw(raw, BASE)
