"""Benchmark: generated models against msgraph-sdk (Kiota), measured in one run, printed as ratios.

Run it from the repository root with msgraph-sdk installed in the SAME environment (it is a
benchmark-only dependency, deliberately not in pyproject's extras):

    .venv/bin/pip install msgraph-sdk
    .venv/bin/python -m generator "${GEN_GRAPH_CORPUS:-../shared/corpus}/graph-docs-2021-07/v1.0" -o /tmp/bench/graph -q
    .venv/bin/python bench/models.py --package /tmp/bench/graph

Without `--package` it uses the committed `generated/` (built from docs_input/). Both packages
are byte-compiled first (as an installed package would be), then every import is measured in a
fresh interpreter, REPEAT times, interleaved, and the median is reported:

* import floor: `import dataclasses, datetime, enum, typing` (the standard library the models use)
* import one model: `from PKG.models.online_meeting import OnlineMeeting` vs msgraph-sdk's
* import + first from_dict: the above plus one parse of the OnlineMeeting example; peak RSS too
* from_dict / to_dict of the OnlineMeeting example, steady state, in one process each

Times inside the child are taken with perf_counter around the statement itself (interpreter
start-up excluded); the wall time of the whole process is printed beside it.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs_input" / "api" / "create-onlinemeetings.md"

_CHILD = r"""
import json, resource, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
{statement}
t1 = time.perf_counter()
try:  # the peak of this process (ru_maxrss would also count the parent, before exec)
    with open("/proc/self/status") as status:
        rss = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": t1 - t0, "rss_kb": rss}}))
"""

_FLOOR = "import dataclasses, datetime, enum, typing"
_OURS_IMPORT = "from {package}.models.online_meeting import OnlineMeeting"
_OURS_FIRST = _OURS_IMPORT + "\nOnlineMeeting.from_dict(json.loads(text))"
_KIOTA_IMPORT = "from msgraph.generated.models.online_meeting import OnlineMeeting"
_KIOTA_FIRST = (
    _KIOTA_IMPORT
    + "\nfrom kiota_serialization_json.json_parse_node import JsonParseNode"
    + "\nJsonParseNode(json.loads(text)).get_object_value(OnlineMeeting)"
)

_STEADY = r"""
import json, sys, timeit
text = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(text)
{setup}
def best(fn):
    number = 1
    while timeit.timeit(fn, number=number) < 0.05:
        number *= 2
    return min(timeit.repeat(fn, number=number, repeat=7)) / number
print(json.dumps({{"from_dict": best(parse), "to_dict": best(write), "to_json": best(to_json)}}))
"""

_OURS_STEADY = """
from {package}.models.online_meeting import OnlineMeeting
model = OnlineMeeting.from_dict(data)
assert model.to_dict() == data
parse = lambda: OnlineMeeting.from_dict(data)
write = lambda: model.to_dict()
to_json = lambda: json.dumps(model.to_dict())
"""

_KIOTA_STEADY = """
from msgraph.generated.models.online_meeting import OnlineMeeting
from kiota_serialization_json.json_parse_node import JsonParseNode
from kiota_serialization_json.json_serialization_writer import JsonSerializationWriter
model = JsonParseNode(data).get_object_value(OnlineMeeting)
parse = lambda: JsonParseNode(data).get_object_value(OnlineMeeting)
def to_json():
    writer = JsonSerializationWriter()
    writer.write_object_value(None, model)
    return writer.get_serialized_content()
write = to_json  # Kiota has no dict form: serialising is its to_dict
"""


def example_body() -> str:
    """The 201 response body of the OnlineMeeting example, as JSON text."""
    sys.path.insert(0, str(ROOT))
    from generator.parse.lenient_json import loads

    text = EXAMPLE.read_text(encoding="utf-8")
    body = text.split("HTTP/1.1 201 Created\nContent-Type: application/json\n", 1)[1]
    return json.dumps(loads(body.split("```", 1)[0]))


def run_child(code: str, cwd: Path, example: Path) -> tuple[dict[str, float], float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(example)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{code}\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1]), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, default=ROOT / "generated")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    package_dir = args.package.resolve()
    package, cwd = package_dir.name, package_dir.parent
    try:
        import msgraph  # noqa: F401
    except ImportError:
        raise SystemExit("msgraph-sdk is not installed here: .venv/bin/pip install msgraph-sdk")
    compileall.compile_dir(package_dir, quiet=1)

    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "online_meeting.json"
        example.write_text(example_body(), encoding="utf-8")
        cases = {
            "floor": _FLOOR,
            "ours import": _OURS_IMPORT.format(package=package),
            "kiota import": _KIOTA_IMPORT,
            "ours first": _OURS_FIRST.format(package=package),
            "kiota first": _KIOTA_FIRST,
        }
        samples: dict[str, list[tuple[dict[str, float], float]]] = {k: [] for k in cases}
        for name, statement in cases.items():  # warm the file cache once
            run_child(_CHILD.format(statement=statement), cwd, example)
        for _ in range(args.repeat):
            for name, statement in cases.items():
                samples[name].append(run_child(_CHILD.format(statement=statement), cwd, example))
        ours_steady, _ = run_child(
            _STEADY.format(setup=_OURS_STEADY.format(package=package)), cwd, example
        )
        kiota_steady, _ = run_child(_STEADY.format(setup=_KIOTA_STEADY), cwd, example)

    def median(name: str, key: str) -> float:
        return statistics.median(s[key] for s, _ in samples[name])

    def wall(name: str) -> float:
        return statistics.median(w for _, w in samples[name])

    ms = 1e3
    print(f"package: {package_dir}  (median of {args.repeat} fresh interpreters)")
    print(f"{'case':<14}{'import ms':>12}{'process ms':>12}{'peak RSS MB':>13}")
    for name in cases:
        print(
            f"{name:<14}{median(name, 'seconds') * ms:>12.1f}{wall(name) * ms:>12.1f}"
            f"{median(name, 'rss_kb') / 1024:>13.1f}"
        )
    print(f"{'':<14}{'ours us':>12}{'kiota us':>12}")
    for key in ("from_dict", "to_dict", "to_json"):
        print(f"{key:<14}{ours_steady[key] * 1e6:>12.1f}{kiota_steady[key] * 1e6:>12.1f}")
    print()
    print("ratios (goal in brackets)")
    floor, ours, kiota = (
        median("floor", "seconds"),
        median("ours import", "seconds"),
        median("kiota import", "seconds"),
    )
    print(f"  import one model / stdlib floor        {ours / floor:7.2f}x  [<= 1.25]")
    print(f"  same, whole process                    {wall('ours import') / wall('floor'):7.2f}x")
    print(f"  msgraph-sdk import / ours              {kiota / ours:7.1f}x  [>= 7]")
    first = median("kiota first", "seconds") / median("ours first", "seconds")
    rss = median("ours first", "rss_kb") / median("kiota first", "rss_kb")
    print(f"  msgraph-sdk import+first from_dict / ours {first:5.1f}x  [>= 20]")
    print(f"  peak RSS ours / msgraph-sdk            {rss:7.2f}x  [<= 0.5]")
    print(
        f"  msgraph-sdk from_dict / ours           "
        f"{kiota_steady['from_dict'] / ours_steady['from_dict']:7.1f}x  [>= 100]"
    )
    print(
        f"  msgraph-sdk serialise / ours to_dict   "
        f"{kiota_steady['to_dict'] / ours_steady['to_dict']:7.1f}x  [> 1]"
    )
    print(
        f"  msgraph-sdk serialise / ours to JSON   "
        f"{kiota_steady['to_json'] / ours_steady['to_json']:7.1f}x  [> 1]"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
