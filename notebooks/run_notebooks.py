"""Executes every notebook in this folder headless against a lake, the way CI does.

    python notebooks/run_notebooks.py --lake demo-lake --out build/notebooks \
        [--api URL --token-file FILE] [--readme-chart docs/flow-overview.png] \
        [--segments-chart docs/segments.png] [--jobs 2] [--quick-jvm]

Each notebook runs with papermill (the lake and the other options go into its `parameters` cell),
its executed copy is saved as <out>/<name>.ipynb and rendered to <out>/<name>.html, and the run
fails (exit 1) when a cell raised, when a cell tagged `chart` produced no image, or when a cell
draws with matplotlib without that tag (so no chart escapes the image check). Exit 2: bad usage.

The notebooks are independent: --jobs N runs N at once, each in a process and kernel of its own
(the ones over marts only finish in seconds beside one that waits on its Spark driver). --quick-jvm
starts each notebook's Spark driver with the tests' JVM flags (pom.xml `test.jvm.flags`: C1 only,
parallel GC): quicker for the short sessions a test runs over a small lake, slower on long scans
of a big one, so it is not the default.
"""

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

from lake_session import EXTRA_JVM_FLAGS, pom_property

HERE = Path(__file__).resolve().parent
CHART_TAG = "chart"
DRAWS = ("plt.", ".plot(", "ax.bar", "ax.hist")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lake", required=True, help="lake folder whose marts to chart")
    parser.add_argument("--out", required=True, help="folder for the executed notebooks and HTML")
    parser.add_argument("--api", help="RapidPro base URL for the live read (notebook 4)")
    parser.add_argument("--token-file", help="file holding the API token for the live read")
    parser.add_argument("--api-is-lake-source", action="store_true",
                        help="the lake was just pulled from --api: the live read must equal it")
    parser.add_argument("--readme-chart", help="also save the flow outcome chart to this PNG")
    parser.add_argument("--segments-chart", help="also save notebook 5's rates chart to this PNG")
    parser.add_argument("--only", help="run only the notebooks whose file name contains this")
    parser.add_argument("--jobs", type=int, default=1,
                        help="how many notebooks to run at once (default 1)")
    parser.add_argument("--quick-jvm", action="store_true",
                        help="start Spark drivers with pom.xml's test.jvm.flags (small lakes)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.exit(2, f"run_notebooks: --jobs {args.jobs} must be 1 or more\n")
    if not (Path(args.lake) / "marts").is_dir():
        parser.exit(2, f"run_notebooks: no marts under {args.lake}: run 'bin/flowlake demo' "
                       "or point --lake at a lake that 'flowlake transform' has written\n")
    return args


def parameters_for(notebook, args):
    """The notebook's declared parameters that this run sets; the others keep their defaults."""
    wanted = {
        "lake": str(Path(args.lake).resolve()),
        "readme_chart": str(Path(args.readme_chart).resolve()) if args.readme_chart else None,
        "segments_chart": str(Path(args.segments_chart).resolve()) if args.segments_chart else None,
        "api": args.api,
        "token_file": str(Path(args.token_file).resolve()) if args.token_file else None,
    }
    declared = papermill.inspect_notebook(str(notebook))
    chosen = {k: v for k, v in wanted.items() if k in declared and v is not None}
    if args.api and "live_days" in declared:
        chosen["live_days"] = None  # a test workspace is small: read all of it
        chosen["requests_per_hour"] = 3_600_000
        chosen["api_is_lake_source"] = args.api_is_lake_source
    return chosen


def chart_problems(executed):
    """Why the executed notebook's charts do not pass, one line each; empty when they do."""
    problems = []
    for index, cell in enumerate(executed.cells):
        if cell.cell_type != "code":
            continue
        tagged = CHART_TAG in cell.metadata.get("tags", [])
        if not tagged and any(d in cell.source for d in DRAWS):
            problems.append(f"cell {index} draws a chart but is not tagged '{CHART_TAG}'")
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if tagged and not images:
            problems.append(f"cell {index} is tagged '{CHART_TAG}' but produced no image")
    if not any(CHART_TAG in c.metadata.get("tags", []) for c in executed.cells):
        problems.append("no cell is tagged 'chart'")
    return problems


def run(notebook, args, out):
    executed_path = out / notebook.name
    problems = []
    try:
        papermill.execute_notebook(
            str(notebook), str(executed_path), parameters=parameters_for(notebook, args),
            cwd=str(HERE), kernel_name="python3", progress_bar=False, execution_timeout=1800)
    except papermill.PapermillExecutionError as error:
        problems.append(f"cell {error.exec_count} raised {error.ename}: {error.evalue}")
    executed = nbformat.read(executed_path, as_version=4)
    if not problems:
        problems = chart_problems(executed)
    html, _ = HTMLExporter().from_notebook_node(executed)
    executed_path.with_suffix(".html").write_text(html, encoding="utf-8")
    return problems


def main(argv):
    args = parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(p for p in HERE.glob("*.ipynb") if not args.only or args.only in p.name)
    if not notebooks:
        print(f"run_notebooks: no notebook in {HERE} matches", file=sys.stderr)
        return 2
    if args.quick_jvm:
        os.environ[EXTRA_JVM_FLAGS] = pom_property("test.jvm.flags")  # the kernels inherit it
    failed = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        runs = [(notebook, pool.submit(run, notebook, args, out)) for notebook in notebooks]
        for notebook, problems in runs:
            failed += report(notebook, problems.result(), out)
    return 1 if failed else 0


def report(notebook, problems, out):
    """Prints the notebook's line of the summary; true when it failed."""
    status = "ok" if not problems else "FAILED: " + "; ".join(problems)
    print(f"{notebook.name}: {status} ({out / notebook.with_suffix('.html').name})", flush=True)
    return bool(problems)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
