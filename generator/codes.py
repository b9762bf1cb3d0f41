"""Every diagnostic code in one table: code -> (default severity, one-line meaning).

docs/diagnostics.md documents each with an example page; tests check that the table and the
document agree.

Severity rule: an error is kept for what would make the output wrong or unsafe (a rendered file
that is not valid Python, an unsafe OUT, overwriting a file the user owns), and an error writes
nothing. A problem in a page, even a page that cannot be read at all, is a warning: the page is
read as well as it can be (or skipped) and every other page is generated; `--strict` makes
warnings fail the run.
"""

from __future__ import annotations

from typing import Final, Literal

Severity = Literal["error", "warning", "info"]

CODES: Final[dict[str, tuple[Severity, str]]] = {
    # load
    "GG001": ("warning", "page skipped, or read with its bad bytes replaced"),
    "GG002": ("warning", "front matter has no usable doc_type"),
    "GG003": ("warning", "page looks like an API page but sits outside api/, or the reverse"),
    "GG004": ("warning", "page sits outside the API-version folders and is not read"),
    "GG005": ("warning", "link leads into another API version and is not followed"),
    "GG006": ("warning", "API-version folders below the top of DOCS are read as one model"),
    # parse
    "GG010": ("warning", "TODO placeholder in documentation text"),
    "GG011": ("warning", "annotation comment is not valid JSON"),
    "GG012": ("warning", "example body is not valid JSON"),
    "GG013": ("warning", "table row has a different number of cells than its header"),
    "GG014": ("warning", "HTTP request block line is not a request"),
    "GG015": ("warning", "API page has no HTTP request block"),
    "GG016": ("info", "example could not be matched with a request or response"),
    # build
    "GG020": ("warning", "type reference cannot be resolved"),
    "GG021": ("info", "type has no page: inferred from an example's JSON"),
    "GG022": ("info", "type has no resource page: properties taken from a request-body table"),
    "GG023": ("info", "enum has no value table: members taken from 'Possible values' text"),
    "GG024": ("warning", "sources disagree; the documented precedence chose one"),
    "GG025": ("warning", "base type cannot be resolved"),
    "GG026": ("warning", "inheritance cycle broken"),
    "GG027": ("warning", "response status or type not found"),
    "GG028": ("warning", "duplicate definition ignored"),
    "GG032": ("info", "a property written String is typed as the enum its page shows"),
    "GG033": ("info", "enum members differ between sources; members are the union"),
    "GG034": ("info", "a type cell offers alternatives; the property has the base they share"),
    "GG035": ("info", "several pages document one request; another page owns it"),
    "GG036": ("warning", "the page's response type differs from the type its path leads to"),
    "GG037": ("info", "neither the page nor the model says what a request answers: Any"),
    # render
    "GG040": ("warning", "names collide after conversion to Python; one was renamed"),
    "GG041": ("error", "rendered file is not valid Python"),
    "GG042": ("warning", "a template override replaces a module that is no longer a template"),
    # verify (--verify-against: the model compared with a CSDL)
    "GG060": ("warning", "a type of the CSDL is not in the docs model"),
    "GG061": ("warning", "a property of the CSDL is not in the docs model"),
    "GG062": ("warning", "a property's type differs from the CSDL"),
    "GG063": ("warning", "a base type differs from the CSDL"),
    "GG064": ("warning", "an enum of the CSDL is not in the docs model"),
    "GG065": ("warning", "an enum member of the CSDL is not in the docs model"),
    "GG066": ("info", "a type of the docs model is not in the CSDL"),
    # write / cli
    "GG050": ("error", "output folder is unsafe or holds files the generator did not write"),
    "GG051": ("error", "a generated file was edited by hand and is left in place"),
}


def severity_of(code: str) -> Severity:
    return CODES[code][0]
