"""UploadSession: generated from resources/uploadsession.md:11 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class UploadSession(_rt.GraphModel):
    """
    The UploadSession resource provides information about how to upload large files
    to OneDrive, OneDrive for Business, or SharePoint document libraries, or as file
    attachments to Outlook event and message objects.
    """

    odata_name: ClassVar[str] = "microsoft.graph.uploadSession"

    expiration_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    """
    The date and time in UTC that the upload session will expire. The complete file
    must be uploaded before this expiration time is reached.
    """

    next_expected_ranges: list[str] | None | _rt.Unset = _rt.UNSET
    """
    A collection of byte ranges that the server is missing for the file. These
    ranges are zero indexed and of the format \"start-end\" (e.g. \"0-26\" to
    indicate the first 27 bytes of the file). When uploading files as Outlook
    attachments, instead of a collection of ranges, this property always indicates a
    single value \"{start}\", the location in the file where the next upload should
    begin.
    """

    upload_url: str | None | _rt.Unset = _rt.UNSET
    """
    The URL endpoint that accepts PUT requests for byte ranges of the file.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("expiration_date_time", "expirationDateTime"),
        ("next_expected_ranges", "nextExpectedRanges"),
        ("upload_url", "uploadUrl"),
    )
    _lazy: ClassVar[tuple[_rt.LazySpec, ...]] = (
        ("expiration_date_time", _rt.TIMESTAMP),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        _EXPIRATION_DATE_TIME.put(
            self, (data["expirationDateTime"],) if "expirationDateTime" in data else u
        )
        self.next_expected_ranges = (
            data["nextExpectedRanges"] if "nextExpectedRanges" in data else u
        )
        self.upload_url = data["uploadUrl"] if "uploadUrl" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        _EXPIRATION_DATE_TIME.write(self, out)
        if (v := self.next_expected_ranges) is not u:
            out["nextExpectedRanges"] = v
        if (v := self.upload_url) is not u:
            out["uploadUrl"] = v


_EXPIRATION_DATE_TIME = _rt.lazy(UploadSession, "expiration_date_time")
