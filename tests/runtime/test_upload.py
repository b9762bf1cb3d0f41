"""Unit tests of the large file upload's decisions (generator/runtime/_upload.py), without I/O:
how `nextExpectedRanges` is read, which range goes next, and the whole conversation against a
simulated session that answers open, closed, several or partial ranges (hypothesis). The real
HTTP is in tests/functional/test_upload.py."""

from __future__ import annotations

import asyncio
import io
import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.runtime import _http, _upload

UNIT = _upload.CHUNK_UNIT
RETRY = _http.RetryPolicy(max_retries=3, backoff=0.0)


@pytest.mark.parametrize("size", [0, -UNIT, 1000, UNIT + 1, UNIT // 2, True, float(UNIT), "1"])
def test_a_chunk_size_not_a_positive_multiple_of_320_kib_is_refused(size: Any) -> None:
    with pytest.raises(ValueError, match="multiple of 327680"):
        _upload.check_chunk_size(size)


def test_multiples_of_320_kib_are_chunk_sizes() -> None:
    assert _upload.check_chunk_size(UNIT) == UNIT
    assert _upload.check_chunk_size(_upload.DEFAULT_CHUNK_SIZE) == 10 * UNIT


@pytest.mark.parametrize(
    ("ranges", "total", "expected"),
    [
        (["10-"], 100, [(10, 99)]),  # open: msgraph-sdk's LargeFileUploadTask crashes on it
        (["0-"], 5, [(0, 4)]),
        (["0-99"], 1000, [(0, 99)]),
        (["2097152"], 3000000, [(2097152, 2999999)]),  # Outlook's form: a start alone
        (["12345-55232", "77829-99375"], 100000, [(12345, 55232), (77829, 99375)]),
        (["0-4533321"], 1000, [(0, 999)]),  # a closed range past the end is cut at it
        (["50-60", "0-10", "5-20", "21-30"], 100, [(0, 30), (50, 60)]),  # sorted, merged
        (["200-"], 100, []),
        ([" 7-9 "], 100, [(7, 9)]),
        ([], 100, []),
    ],
)
def test_next_expected_ranges_are_read_as_disjoint_ranges_in_the_file(
    ranges: list[str], total: int, expected: list[tuple[int, int]]
) -> None:
    assert _upload.parse_ranges(ranges, total) == expected


@pytest.mark.parametrize("ranges", ["10-", ["abc"], ["10-5"], [10], ["-5"], ["1-2-3"], None])
def test_unreadable_next_expected_ranges_are_an_error_not_a_guess(ranges: Any) -> None:
    with pytest.raises(_http.GraphError) as caught:
        _upload.parse_ranges(ranges, 100)
    assert caught.value.code == "invalidNextExpectedRanges"


def test_the_next_range_starts_where_the_service_expects_and_stops_at_its_end() -> None:
    assert _upload.next_range([(10, 10**9)], UNIT) == (10, 10 + UNIT - 1)
    assert _upload.next_range([(0, 99), (500, 999)], UNIT) == (0, 99)
    assert _upload.next_range([], UNIT) is None
    assert _upload.without([(0, 99), (200, 299)], 0, 49) == [(50, 99), (200, 299)]
    assert _upload.without([(0, 99)], 20, 29) == [(0, 19), (30, 99)]
    assert _upload.content_range(0, 25, 128) == "bytes 0-25/128"


@pytest.mark.parametrize(
    "url", [None, "", "/up/123", "ftp://up.example/x", "file:///etc/passwd", "https://", 7]
)
def test_an_upload_url_must_be_absolute_http(url: Any) -> None:
    with pytest.raises(_http.GraphError) as caught:
        _upload.upload_url({"uploadUrl": url})
    assert caught.value.code == "invalidUploadUrl"
    assert _upload.upload_url({"uploadUrl": "https://up.example/s?t=1"}) == (
        "https://up.example/s?t=1"
    )


# --- the conversation against a simulated session --------------------------------------------


class Session:
    """A session that keeps the bytes it received and answers as Graph may: every missing range
    or only the first few, the last one open (`"N-"`) or closed."""

    def __init__(
        self,
        total: int,
        have: list[tuple[int, int]],
        listed: int,
        open_form: bool,
    ) -> None:
        self.total = total
        self.received = bytearray(total)
        for start, end in have:
            self.received[start : end + 1] = b"\x01" * (end - start + 1)
        self.listed = listed
        self.open_form = open_form
        self.puts: list[tuple[int, int]] = []
        self.announced: list[list[tuple[int, int]]] = []

    def missing(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        start = None
        for index, flag in enumerate([*self.received, 1]):
            if not flag and start is None:
                start = index
            elif flag and start is not None:
                out.append((start, index - 1))
                start = None
        return out

    def ranges(self) -> list[str]:
        shown = self.missing()[: self.listed]
        self.announced.append(_upload.parse_ranges(_text(shown, self.total, True), self.total))
        return _text(shown, self.total, self.open_form)

    def put(self, start: int, end: int) -> httpx.Response:
        assert 0 <= start <= end < self.total
        assert not any(self.received[start : end + 1]), "a byte the session already has"
        self.puts.append((start, end))
        self.received[start : end + 1] = b"\x01" * (end - start + 1)
        if all(self.received):
            return httpx.Response(201, json={"id": "item"})
        return httpx.Response(202, json={"nextExpectedRanges": self.ranges()})


def _text(ranges: list[tuple[int, int]], total: int, open_form: bool) -> list[str]:
    return [f"{a}-" if open_form and b == total - 1 else f"{a}-{b}" for a, b in ranges]


def _converse(
    session: Session, chunk: int, progress: Callable[[int, int], None] | None = None
) -> httpx.Response:
    first = {"uploadUrl": "https://up.example/s", "nextExpectedRanges": session.ranges()}
    steps = _upload.conversation(first, session.total, chunk, RETRY, progress)
    step = next(steps)
    while True:
        assert step.method == "PUT"
        try:
            step = steps.send(session.put(step.start, step.end))
        except StopIteration as stop:
            final: httpx.Response = stop.value
            return final


@st.composite
def sessions(draw: st.DrawFn) -> tuple[Session, int]:
    chunk = UNIT * draw(st.integers(1, 4))
    total = draw(st.integers(1, 6 * UNIT))
    cuts = sorted(draw(st.lists(st.integers(0, total - 1), max_size=6)))
    have = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a <= b]
    listed = draw(st.integers(1, 4))
    session = Session(total, have, listed, draw(st.booleans()))
    if not session.missing():  # a session with every byte is not one to upload to
        session = Session(total, [], listed, session.open_form)
    return session, chunk


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_ranges_never_overlap_cover_the_file_and_are_320_kib_multiples(
    case: tuple[Session, int],
) -> None:
    session, chunk = case
    calls: list[tuple[int, int]] = []
    final = _converse(session, chunk, lambda sent, total: calls.append((sent, total)))
    assert final.status_code == 201 and all(session.received)
    # never a byte twice (Session.put asserts it too): the ranges are disjoint
    spans = sorted(session.puts)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    for (start, end), announced in zip(session.puts, session.announced, strict=False):
        length = end - start + 1
        gap_end = next(b for a, b in announced if a <= start <= b)
        # a whole chunk, unless the range the session expects (or the file) ends first
        assert length == chunk or end == gap_end
        assert length % UNIT == 0 or end == gap_end
    assert calls == [
        (sum(b - a + 1 for a, b in session.puts[: i + 1]), session.total)
        for i in range(len(session.puts))
    ]


def test_an_open_range_from_the_docs_resumes_without_a_crash() -> None:
    """msgraph-sdk's LargeFileUploadTask splits `"10-"` into two numbers and crashes."""
    total = 2 * UNIT + 100
    session = Session(total, [(0, 9)], listed=1, open_form=True)
    _converse(session, UNIT)
    assert session.puts == [(10, UNIT + 9), (UNIT + 10, 2 * UNIT + 9), (2 * UNIT + 10, total - 1)]


def test_every_range_but_the_last_is_a_whole_chunk_from_a_fresh_session() -> None:
    total = 7 * UNIT + 5
    session = Session(total, [], listed=1, open_form=True)
    _converse(session, 2 * UNIT)
    assert [b - a + 1 for a, b in session.puts] == [2 * UNIT] * 3 + [UNIT + 5]


def _drive(
    steps: Any, answers: Callable[[_upload.Step], _upload.Answer]
) -> tuple[list[_upload.Step], httpx.Response]:
    seen = [next(steps)]
    while True:
        try:
            seen.append(steps.send(answers(seen[-1])))
        except StopIteration as stop:
            return seen, stop.value


def test_a_failed_range_asks_the_session_where_it_stands_then_goes_on() -> None:
    failed = {"done": False}

    def answers(step: _upload.Step) -> _upload.Answer:
        if step.method == "SLEEP":
            return None
        if step.method == "GET":
            return httpx.Response(200, json={"nextExpectedRanges": ["5-"]})
        if step.start == 0 and not failed["done"]:
            failed["done"] = True
            return httpx.ConnectError("dropped")
        return httpx.Response(201 if step.end == 9 else 202, json={})

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    seen, final = _drive(steps, answers)
    assert [(s.method, s.start, s.end) for s in seen] == [
        ("PUT", 0, 9),
        ("SLEEP", 0, -1),
        ("GET", 0, -1),
        ("PUT", 5, 9),
    ]
    assert final.status_code == 201


def test_a_range_the_session_already_has_416_is_resumed_without_waiting() -> None:
    def answers(step: _upload.Step) -> _upload.Answer:
        if step.method == "GET":
            return httpx.Response(200, json={"nextExpectedRanges": ["8-9"]})
        if step.start == 0:
            return httpx.Response(416)
        return httpx.Response(200, json={"id": "x"})

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    seen, final = _drive(steps, answers)
    assert [s.method for s in seen] == ["PUT", "GET", "PUT"] and seen[-1].start == 8
    assert final.json() == {"id": "x"}


def test_an_expired_session_404_is_raised() -> None:
    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    next(steps)
    with pytest.raises(_http.GraphError) as caught:
        steps.send(httpx.Response(404, json={"error": {"code": "itemNotFound"}}))
    assert caught.value.status == 404 and caught.value.code == "itemNotFound"


def test_failures_stop_after_the_retry_policy_s_count() -> None:
    def answers(step: _upload.Step) -> _upload.Answer:
        if step.method == "GET":
            return httpx.Response(200, json={"nextExpectedRanges": ["0-"]})
        return None if step.method == "SLEEP" else httpx.Response(500)

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    with pytest.raises(_http.GraphError) as caught:
        _drive(steps, answers)
    assert caught.value.status == 500


def test_a_session_that_never_moves_on_is_an_error_not_a_loop() -> None:
    def answers(step: _upload.Step) -> _upload.Answer:
        return httpx.Response(202, json={"nextExpectedRanges": ["0-"]})

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    with pytest.raises(_http.GraphError) as caught:
        _drive(steps, answers)
    assert caught.value.code == "uploadStalled"


def test_a_deferred_commit_is_posted_once_every_byte_is_there() -> None:
    def answers(step: _upload.Step) -> _upload.Answer:
        if step.method == "POST":
            return httpx.Response(201, json={"id": "done"})
        return httpx.Response(202, json={"nextExpectedRanges": []})

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 10, UNIT, RETRY)
    seen, final = _drive(steps, answers)
    assert [s.method for s in seen] == ["PUT", "POST"] and final.json() == {"id": "done"}


def test_an_answer_without_ranges_goes_on_after_the_range_sent() -> None:
    def answers(step: _upload.Step) -> _upload.Answer:
        return httpx.Response(201 if step.end == 2 * UNIT - 1 else 202)

    steps = _upload.conversation({"uploadUrl": "https://u.test/s"}, 2 * UNIT, UNIT, RETRY)
    seen, _ = _drive(steps, answers)
    assert [(s.start, s.end) for s in seen] == [(0, UNIT - 1), (UNIT, 2 * UNIT - 1)]


# --- what is read --------------------------------------------------------------------------


def test_a_source_is_read_range_by_range_from_bytes_a_path_or_a_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 10
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    handle = io.BytesIO(b"skip" + data)
    handle.seek(4)  # a file object is read from where it stands
    for source in (data, bytearray(data), memoryview(data), str(path), path, handle):
        reader = _upload.Reader(source)
        assert reader.size == len(data)
        assert reader.read(0, 9) == data[:10] and reader.read(2550, 2559) == data[2550:]
        reader.close()


def test_sources_that_cannot_be_uploaded_are_refused_before_anything_is_sent(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty").write_bytes(b"")
    with pytest.raises(ValueError, match="at least one byte"):
        _upload.Reader(b"")
    with pytest.raises(ValueError, match="at least one byte"):
        _upload.Reader(tmp_path / "empty")
    with pytest.raises(TypeError, match="bytes, a path or a binary file object"):
        _upload.Reader(12)  # type: ignore[arg-type]

    class Pipe(io.RawIOBase):
        def readable(self) -> bool:
            return True

    with pytest.raises(TypeError, match="seekable"):
        _upload.Reader(Pipe())  # type: ignore[arg-type]


def test_a_file_that_shrinks_during_the_upload_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 100)
    reader = _upload.Reader(path)
    path.write_bytes(b"x" * 10)
    with pytest.raises(ValueError, match="shorter"):
        reader.read(0, 99)
    reader.close()


class _Recording(io.BytesIO):
    """A file that records the thread each read runs in."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.threads: list[str] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.threads.append(threading.current_thread().name)
        return super().read(size)


def test_an_async_upload_reads_a_file_off_the_event_loop() -> None:
    """Each range of a file is read in a worker thread, so other tasks run meanwhile; bytes
    already in memory are sliced in place."""
    step = _upload.Step("PUT", 0, 9)
    source = _Recording(b"0123456789abc")
    reader = _upload.Reader(source)
    headers, content = asyncio.run(_upload._aread(step, reader))
    assert content == b"0123456789"
    assert headers is not None and headers["Content-Range"] == "bytes 0-9/13"
    assert source.threads and threading.main_thread().name not in source.threads
    in_memory = _upload.Reader(b"0123456789abc")
    assert asyncio.run(_upload._aread(step, in_memory))[1] == b"0123456789"
