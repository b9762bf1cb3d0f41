"""Benchmark: generated models against pydantic v2 (and msgspec, for the record), measured in one
run, printed as ratios with the goals of issue 17; msgraph-sdk (Kiota) too when it is installed.

Run it from the repository root; pydantic, msgspec and (optionally) msgraph-sdk are
benchmark-only dependencies, deliberately not in pyproject's extras:

    python3 -m pip install pydantic msgspec
    python3 -m generator "${GEN_GRAPH_CORPUS:-../shared/corpus}/graph-docs-2021-07/v1.0" -o /tmp/bench/graph -q
    python3 bench/models.py --package /tmp/bench/graph --docs "${GEN_GRAPH_CORPUS:-../shared/corpus}/graph-docs-2021-07/v1.0"

Without `--package` it uses the committed `generated/` (built from docs_input/, the default
`--docs`). The peers' classes are mirrors built by bench/mirrors.py from the generated classes
themselves, field for field (same names, wire names as aliases, same types and nesting, unknown
properties allowed). The bodies, read from the docs the package was generated from:

* OnlineMeeting: the response example of the create page
* User: the first response example of user-get.md (GET /users/{id})
* Meeting+50: the OnlineMeeting with 50 attendees (a collection of 50 nested objects)

Steady state: from_dict (pydantic `model_validate`, msgspec `convert`) and to_dict (pydantic
`model_dump(by_alias=True, exclude_unset=True, mode="json")`, msgspec `to_builtins`), all in one
process, interleaved, best of REPEAT rounds each. Memory: the peak RSS added by holding 100k
decoded Users, each in a fresh interpreter. State tracking (`changes()`, issue 15): from_dict
against from_dict of a copy of the package whose runtime does not remember what it read
(`_UNTRACKED`), in the same process, goal at most 10% more. Imports: every import is measured in a fresh
interpreter, REPEAT times, interleaved, median reported (a ratio is the median of the ratios of
each round, whose interpreters ran back to back); the package is byte-compiled first:

* floor: `import dataclasses, datetime, enum, typing` (the standard library the models use)
* import one model: `from PKG.models.online_meeting import OnlineMeeting`
* model_for: `from PKG import model_for; model_for("microsoft.graph.onlineMeeting")`
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs_input"
EXAMPLE = DOCS / "api" / "create-onlinemeetings.md"
# the create page: its name in docs_input, and in the corpus
_MEETING_PAGES = ("api/create-onlinemeetings.md", "api/application-post-onlinemeetings.md")
GOAL_SPEED = 0.7  # ours / pydantic, from_dict and to_dict, every body
GOAL_IMPORT = 1.25  # import the package + model_for one type / stdlib floor
GOAL_TRACKING = 1.10  # from_dict / from_dict of the same package without state tracking
# what remembers a decoded object for `changes()` in _runtime.py, and what the copy of the
# package the tracking is measured against has instead (each must be found, or the bench stops)
_UNTRACKED = (
    ("        self._state = data  # what was read: `changes()` compares with it\n", ""),
    ("    self._state = data  # what was read: `changes()` compares with it\n", ""),
    ("value if cls is str or cls not in _CONTAINERS else _copy(value)", "value"),
    ("        return _copy(value)\n", "        return value\n"),  # _JsonCodec.decode
    ("return value.copy() if value.__class__ is list else value", "return value"),  # SCALARS
)

_ENTITY_STATE = "        self._state = data\n"

_CHILD = r"""
import json, resource, sys, time
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
_OURS_MODEL_FOR = 'from {package} import model_for\nmodel_for("microsoft.graph.onlineMeeting")'
_KIOTA_IMPORT = "from msgraph.generated.models.online_meeting import OnlineMeeting"

_STEADY = r"""
import json, sys, timeit, warnings
warnings.simplefilter("ignore")  # pydantic: mirrored field names that shadow BaseModel's
import msgspec
from bench.mirrors import msgspec_mirror, pydantic_mirror
from {package} import models
import {package}_untracked.models as untracked
bodies = json.loads(open(sys.argv[1], encoding="utf-8").read())


def read_all(value):
    # every property, nested ones too: what a caller that uses the whole body pays (ours
    # decodes timestamps on first read; pydantic when it validates)
    if isinstance(value, list):
        for item in value:
            read_all(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            read_all(getattr(value, name))
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            read_all(getattr(value, name))
    return value


cases = {{}}
for label, (cls_name, data) in bodies.items():
    cls = getattr(models, cls_name)
    pyd, spec = pydantic_mirror({package!r}, cls), msgspec_mirror({package!r}, cls)
    ours = cls.from_dict(data)
    assert ours.to_dict() == data, label  # lossless, or the comparison means nothing
    p, m = pyd.model_validate(data), msgspec.convert(data, spec)
    bare = getattr(untracked, cls_name)
    assert bare.from_dict(data).to_dict() == data and not hasattr(bare.from_dict(data), "_state")
    cases[label] = {{
        "ours from_dict": lambda cls=cls, data=data: cls.from_dict(data),
        "untracked from_dict": lambda bare=bare, data=data: bare.from_dict(data),
        "pydantic from_dict": lambda pyd=pyd, data=data: pyd.model_validate(data),
        "msgspec from_dict": lambda spec=spec, data=data: msgspec.convert(data, spec),
        "ours from_dict+read": lambda cls=cls, data=data: read_all(cls.from_dict(data)),
        "pydantic from_dict+read": lambda pyd=pyd, data=data: read_all(pyd.model_validate(data)),
        "ours to_dict": ours.to_dict,
        "pydantic to_dict": lambda p=p: p.model_dump(by_alias=True, exclude_unset=True, mode="json"),
        "msgspec to_dict": lambda m=m: msgspec.to_builtins(m),
    }}
numbers = {{}}
for label, fns in cases.items():
    for key, fn in fns.items():
        number = 1
        while timeit.timeit(fn, number=number) < 0.02:
            number *= 2
        numbers[label, key] = number
best = {{}}
for _ in range({repeat}):  # interleaved: a slow moment of the machine hits every library
    for label, fns in cases.items():
        for key, fn in fns.items():
            n = numbers[label, key]
            t = timeit.timeit(fn, number=n) / n
            best[label, key] = min(best.get((label, key), t), t)
print(json.dumps({{f"{{label}}|{{key}}": t for (label, key), t in best.items()}}))
"""

_MEMORY = r"""
import gc, json, sys, warnings
warnings.simplefilter("ignore")
def rss(field):
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith(field))
from {package} import models
data = json.loads(open(sys.argv[1], encoding="utf-8").read())["User"][1]
cls = models.User
if {peer!r} == "pydantic":
    from bench.mirrors import pydantic_mirror
    cls = pydantic_mirror({package!r}, cls)
    read = cls.model_validate
else:
    read = cls.from_dict
read(data)
gc.collect()
before = rss("VmRSS:")
held = [read(data) for _ in range(100_000)]
print(json.dumps({{"kb": rss("VmHWM:") - before}}))
"""


def _response_body(page: Path, status_line: str) -> dict[str, object]:
    """The first JSON response body after `status_line` on a docs page."""
    sys.path.insert(0, str(ROOT))
    from generator.parse.lenient_json import loads

    text = page.read_text(encoding="utf-8")
    after = text.split(status_line, 1)[1].split("```", 1)[0]
    body: dict[str, object] = loads(after[after.index("{") :])
    return body


def example_body(docs: Path = DOCS) -> str:
    """The 201 response body of the OnlineMeeting create page's example, as JSON text."""
    page = next((docs / p for p in _MEETING_PAGES if (docs / p).is_file()), EXAMPLE)
    return json.dumps(_response_body(page, "HTTP/1.1 201 Created"))


def user_body(docs: Path = DOCS) -> str:
    """A User as GET /users/{id} shows it (the first response of user-get.md), as JSON text."""
    return json.dumps(_response_body(docs / "api" / "user-get.md", "HTTP/1.1 200 OK"))


def meeting_with_attendees(meeting: dict[str, object], count: int = 50) -> dict[str, object]:
    """The meeting with `count` attendees, each a participant with a nested identity set."""
    body = json.loads(json.dumps(meeting))
    participants = body.setdefault("participants", {})
    participants["attendees"] = [
        {
            "identity": {"user": {"id": f"id-{i:04}", "displayName": f"Attendee {i}"}},
            "upn": f"attendee{i}@contoso.com",
        }
        for i in range(count)
    ]
    return body  # type: ignore[no-any-return]


def run_child(
    code: str, cwd: Path, arg: Path, extra_path: Path | None = None
) -> tuple[dict[str, float], float]:
    start = time.perf_counter()
    path = [str(cwd), str(ROOT)] + ([str(extra_path)] if extra_path else [])
    done = subprocess.run(
        [sys.executable, "-c", code, str(arg)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(path)},
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{code}\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1]), wall


def untracked_copy(package_dir: Path, into: Path) -> None:
    """The package as `<name>_untracked` beside the bodies, its runtime without the state
    tracking that `changes()` reads (the lines of _UNTRACKED), to measure what it costs."""
    copy = into / f"{package_dir.name}_untracked"
    shutil.copytree(package_dir, copy, ignore=shutil.ignore_patterns("__pycache__"))
    runtime = copy / "_runtime.py"
    text = runtime.read_text(encoding="utf-8")
    for old, new in _UNTRACKED:
        if old not in text:
            raise SystemExit(f"{package_dir}/_runtime.py has no {old.strip()!r}: update _UNTRACKED")
        text = text.replace(old, new)
    runtime.write_text(text, encoding="utf-8")
    for model in (copy / "models").glob("*.py"):  # a root entity's `_read` remembers its data
        source = model.read_text(encoding="utf-8")
        if _ENTITY_STATE in source:
            model.write_text(source.replace(_ENTITY_STATE, ""), encoding="utf-8")
    compileall.compile_dir(copy, quiet=1)


def _verdict(ratio: float, goal: float) -> str:
    return f"{ratio:7.2f}x  [<= {goal}] {'ok' if ratio <= goal else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, default=ROOT / "generated")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs PACKAGE was made from")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    package_dir = args.package.resolve()
    package, cwd = package_dir.name, package_dir.parent
    for needed in ("pydantic", "msgspec"):
        try:
            __import__(needed)
        except ImportError:
            raise SystemExit(f"{needed} is not installed here: python3 -m pip install {needed}")
    try:
        import msgraph  # noqa: F401

        kiota = True
    except ImportError:
        kiota = False
    compileall.compile_dir(package_dir, quiet=1)

    meeting = json.loads(example_body(args.docs))
    bodies = {
        "OnlineMeeting": ("OnlineMeeting", meeting),
        "User": ("User", json.loads(user_body(args.docs))),
        "Meeting+50": ("OnlineMeeting", meeting_with_attendees(meeting)),
    }
    with tempfile.TemporaryDirectory() as tmp:
        bodies_file = Path(tmp) / "bodies.json"
        bodies_file.write_text(json.dumps(bodies), encoding="utf-8")
        untracked_copy(package_dir, Path(tmp))
        cases = {
            "floor": _FLOOR,
            "import model": _OURS_IMPORT.format(package=package),
            "model_for": _OURS_MODEL_FOR.format(package=package),
        }
        if kiota:
            cases["kiota import"] = _KIOTA_IMPORT
        samples: dict[str, list[tuple[dict[str, float], float]]] = {k: [] for k in cases}
        for statement in cases.values():  # warm the file cache once
            run_child(_CHILD.format(statement=statement), cwd, bodies_file)
        for _ in range(args.repeat):
            for name, statement in cases.items():
                samples[name].append(
                    run_child(_CHILD.format(statement=statement), cwd, bodies_file)
                )
        steady, _ = run_child(
            _STEADY.format(package=package, repeat=args.repeat),
            cwd,
            bodies_file,
            extra_path=Path(tmp),
        )
        memory = {
            peer: run_child(_MEMORY.format(package=package, peer=peer), cwd, bodies_file)[0]["kb"]
            for peer in ("ours", "pydantic")
        }

    def median(name: str, key: str) -> float:
        return statistics.median(s[key] for s, _ in samples[name])

    def wall(name: str) -> float:
        return statistics.median(w for _, w in samples[name])

    def paired(name: str, base: str) -> float:
        """The median of the ratios of one round each: the interpreters of a round ran back to
        back, so a busy moment of the machine slows both (the median of each drifts apart)."""
        rounds = zip(samples[name], samples[base], strict=True)
        return statistics.median(a["seconds"] / b["seconds"] for (a, _), (b, _) in rounds)

    ms = 1e3
    print(f"package: {package_dir}  docs: {args.docs}")
    print(f"imports: median of {args.repeat} fresh interpreters")
    print(f"{'case':<14}{'import ms':>12}{'process ms':>12}{'peak RSS MB':>13}")
    for name in cases:
        print(
            f"{name:<14}{median(name, 'seconds') * ms:>12.2f}{wall(name) * ms:>12.1f}"
            f"{median(name, 'rss_kb') / 1024:>13.1f}"
        )
    print()
    print(f"steady state, best of {args.repeat} interleaved rounds (us)")
    print(f"{'body':<15}{'op':<11}{'ours':>9}{'pydantic':>10}{'msgspec':>9}{'ours/pydantic':>15}")
    verdicts = []
    tracking: list[tuple[str, float]] = []  # the cost of remembering what was read
    for label in bodies:
        for op in ("from_dict", "to_dict"):
            ours, pyd, spec = (
                steady[f"{label}|{peer} {op}"] for peer in ("ours", "pydantic", "msgspec")
            )
            print(
                f"{label:<15}{op:<11}{ours * 1e6:>9.2f}{pyd * 1e6:>10.2f}{spec * 1e6:>9.2f}"
                f"{ours / pyd:>14.2f}x"
            )
            verdicts.append((f"{label} {op} / pydantic", ours / pyd))
        ours, bare = (steady[f"{label}|{peer} from_dict"] for peer in ("ours", "untracked"))
        print(
            f"{label:<15}{'untracked':<11}{bare * 1e6:>9.2f}{'':>10}{'':>9}"
            f"{ours / bare:>14.2f}x  (from_dict without state tracking; ours/untracked)"
        )
        tracking.append((f"{label} from_dict / untracked", ours / bare))
        # no goal: what decoding timestamps on first read defers, shown beside the goals
        ours, pyd = (steady[f"{label}|{peer} from_dict+read"] for peer in ("ours", "pydantic"))
        print(
            f"{label:<15}{'+read all':<11}{ours * 1e6:>9.2f}{pyd * 1e6:>10.2f}{'':>9}"
            f"{ours / pyd:>14.2f}x  (from_dict, then every property read; no goal)"
        )
    print()
    print(
        f"peak memory per 100k decoded Users: ours {memory['ours'] / 1024:.1f} MB, "
        f"pydantic {memory['pydantic'] / 1024:.1f} MB "
        f"({memory['ours'] / max(memory['pydantic'], 1):.2f}x)"
    )
    print()
    print("ratios (goal in brackets)")
    for name, ratio in verdicts:
        print(f"  {name:<39}{_verdict(ratio, GOAL_SPEED)}")
    for name, ratio in tracking:
        print(f"  {name:<39}{_verdict(ratio, GOAL_TRACKING)}")
    model_for = paired("model_for", "floor")
    print(f"  {'import package + model_for / floor':<39}{_verdict(model_for, GOAL_IMPORT)}")
    print(f"  {'import one model / floor':<39}{paired('import model', 'floor'):7.2f}x")
    print(f"  {'same, whole process':<39}{wall('model_for') / wall('floor'):7.2f}x")
    if kiota:
        kiota_ratio = median("kiota import", "seconds") / median("import model", "seconds")
        print(f"  {'msgraph-sdk import / ours':<39}{kiota_ratio:7.1f}x")
    missed = [name for name, ratio in verdicts if ratio > GOAL_SPEED]
    missed += [name for name, ratio in tracking if ratio > GOAL_TRACKING]
    if model_for > GOAL_IMPORT:
        missed.append("import")
    print("all goals ok" if not missed else f"missed: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
