"""Worst cases for generation cost: pathological pages at two sizes, timed through the stages.

Each case builds one page of size n and of size 2n and runs load -> parse -> build (and render +
format for the cases that make many types). A linear stage doubles its time when n doubles; the
ratio column shows it: linear when it is close to the `size x` column (how much the page grew;
4 for nested-lists, whose indentation grows with depth), quadratic near its square. Times are
measured in this run only, so the ratios compare like with like on any machine.

    .venv/bin/python bench/hostile.py            # every case
    .venv/bin/python bench/hostile.py request    # the cases whose name contains 'request'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.extract import build_model
from generator.load import read_page
from generator.parse import parse_page
from generator.render import render_files

API_HEAD = "---\ndoc_type: apiPageType\n---\n\n# Do a thing\n\n"
RESOURCE_HEAD = "---\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\n"


def table(rows: int) -> str:
    head = "## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n"
    return RESOURCE_HEAD + head + "".join(f"| p{i} | String | The p{i}. |\n" for i in range(rows))


def wide_table(cols: int) -> str:
    head = "## Properties\n\n| Property | Type | " + " | ".join(f"c{i}" for i in range(cols))
    return RESOURCE_HEAD + head + "\n|" + "--|" * (cols + 2) + "\n| a | String |" + " x |" * cols


def example_keys(keys: int) -> str:
    body = ",\n".join(f'  "k{i}": "v"' for i in range(keys))
    return (
        API_HEAD + '## Example\n\n<!-- {"blockType": "response"} -->\n```http\n'
        'HTTP/1.1 200 OK\n\n{\n  "@odata.type": "#microsoft.graph.thing",\n' + body + "\n}\n```\n"
    )


def many_types(count: int) -> str:
    blocks = "".join(
        f'\n<!-- {{"blockType": "response"}} -->\n```http\nHTTP/1.1 200 OK\n\n'
        f'{{"@odata.type": "#microsoft.graph.t{i}", "name{i}": "x"}}\n```\n'
        for i in range(count)
    )
    return API_HEAD + "## Example\n" + blocks


# name -> (page text of size n, n, also render and format)
CASES: dict[str, tuple[Callable[[int], str], int, bool]] = {
    "table-rows": (table, 10_000, False),
    "table-columns": (wide_table, 5_000, False),
    "request-line-spaces": (
        lambda n: API_HEAD + "## HTTP request\n\n```http\nGET /a" + " " * n + "b\n```\n",
        20_000,
        False,
    ),
    "request-path-braces": (
        lambda n: API_HEAD + "## HTTP request\n\n```http\nGET /" + "{ " * n + "\n```\n",
        20_000,
        False,
    ),
    "open-brackets-in-cell": (
        lambda n: table(1).replace("The p0.", "[" * n),
        20_000,
        False,
    ),
    "open-ref-links-in-cell": (
        lambda n: table(1).replace("The p0.", "[a]" * n),
        20_000,
        False,
    ),
    "open-brackets-in-type": (
        lambda n: table(1).replace("| String |", "| " + "[" * n + " |"),
        20_000,
        False,
    ),
    "link-text-spaces-in-type": (
        lambda n: table(1).replace("| String |", "| collection(a" + " " * n + "b |"),
        20_000,
        False,
    ),
    "unclosed-comments": (lambda n: API_HEAD + "<!--{" * n + "\n", 20_000, False),
    "unclosed-emphasis": (lambda n: API_HEAD + "*a**_" * n + "\n", 20_000, False),
    "nested-quotes": (lambda n: API_HEAD + ">" * n + " x\n", 2_000, False),
    "nested-lists": (
        lambda n: API_HEAD + "".join("  " * i + "- x\n" for i in range(n)),
        1_000,
        False,
    ),
    "nested-json": (
        lambda n: API_HEAD + '## Example\n\n<!-- {"blockType": "response"} -->\n```http\n'
        "HTTP/1.1 200 OK\n\n" + "[" * n + "\n```\n",
        50_000,
        False,
    ),
    "json-wide-list": (
        lambda n: API_HEAD + '## Example\n\n<!-- {"blockType": "response"} -->\n```http\n'
        "HTTP/1.1 200 OK\n\n[" + "{}," * n + "{}]\n```\n",
        50_000,
        False,
    ),
    "example-keys": (example_keys, 5_000, False),
    "backticks-and-pipes": (
        lambda n: table(1).replace("The p0.", "`|" * n),
        20_000,
        False,
    ),
    "delimiter-spaces": (
        lambda n: RESOURCE_HEAD + "## Properties\n\n| a |\n|" + "   |" * n + "x\n",
        20_000,
        False,
    ),
    "heading-spaces": (lambda n: "# a" + " " * n + "b\n", 20_000, False),
    "possible-values": (
        lambda n: table(1).replace("The p0.", "Possible values are: " + "`a`, " * n),
        20_000,
        False,
    ),
    "many-types-rendered": (many_types, 100, True),
}


def run(text: str, render: bool) -> dict[str, float]:
    diagnostics = Diagnostics()
    times: dict[str, float] = {}
    start = time.perf_counter()
    page = read_page("api/page.md", text.encode("utf-8"), diagnostics)
    doc = parse_page(page, diagnostics)
    times["parse"] = time.perf_counter() - start
    start = time.perf_counter()
    model = build_model([doc], diagnostics)
    times["build"] = time.perf_counter() - start
    if render:
        start = time.perf_counter()
        files = render_files(model, "pkg", diagnostics)
        format_files(files, diagnostics)
        times["render+format"] = time.perf_counter() - start
    return times


def main(argv: list[str]) -> int:
    wanted = [name for name in CASES if not argv or any(a in name for a in argv)]
    print(
        f"{'case':26} {'n':>7} {'bytes 2n':>9} {'size x':>6} {'time n':>8} {'time 2n':>8} {'ratio':>6}"
    )
    worst = ("", 0.0)
    for name in wanted:
        make, n, render = CASES[name]
        small, large = make(n), make(2 * n)
        t1 = sum(run(small, render).values())
        t2 = sum(run(large, render).values())
        ratio = t2 / t1 if t1 > 0 else float("nan")
        grown = len(large) / len(small)
        print(f"{name:26} {n:>7} {len(large):>9} {grown:>6.2f} {t1:>8.3f} {t2:>8.3f} {ratio:>6.2f}")
        if t2 > worst[1]:
            worst = (name, t2)
    print(f"slowest: {worst[0]} at 2n, {worst[1]:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
