"""Reads Delta tables the way a Python analyst does and dumps their rows for a test to compare.

    dump_tables.py OUT NAME=PATH ...

For each table, in this one process:
  OUT/deltalake/NAME.jsonl  rows of deltalake.DeltaTable(PATH).to_pyarrow_table() (what to_pandas uses)
  OUT/polars/NAME.jsonl     rows of polars.read_delta(PATH)
  OUT/<reader>/NAME.error   instead, when that reader refuses the table: its one-line message
and OUT/plain_parquet_rows.json: the rows of every Parquet file in the table's folder read as plain
Parquet (as DuckDB's or pyarrow's read_parquet of the folder does), files Delta has removed included.

Rows are JSON objects, one per line, in a canonical form the Java side reproduces from Spark's rows:
timestamps as UTC ISO 8601 with microseconds and 'Z', dates ISO, decimals as plain strings, maps as
a list of {"key", "value"} objects (pyarrow returns (key, value) tuples, polars a dict).
"""

import datetime
import decimal
import json
import os
import sys

import deltalake
import polars
import pyarrow.parquet


def canonical(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, tuple) and len(value) == 2:  # a map entry as pyarrow returns it
        return {"key": canonical(value[0]), "value": canonical(value[1])}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def from_polars(value, dtype):
    """polars returns a map as a dict, like a struct: its schema tells which is which."""
    if value is None:
        return None
    if isinstance(dtype, polars.Map):
        return [
            {"key": from_polars(k, dtype.key), "value": from_polars(v, dtype.value)}
            for k, v in value.items()
        ]
    if isinstance(dtype, polars.Struct):
        return {f.name: from_polars(value.get(f.name), f.dtype) for f in dtype.fields}
    if isinstance(dtype, (polars.List, polars.Array)):
        return [from_polars(v, dtype.inner) for v in value]
    return value


def polars_rows(path):
    frame = polars.read_delta(path)
    return [
        {name: from_polars(row[name], dtype) for name, dtype in frame.schema.items()}
        for row in frame.iter_rows(named=True)
    ]


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(canonical(row), sort_keys=True, ensure_ascii=False))
            out.write("\n")


def dump(out, reader, name, read):
    os.makedirs(os.path.join(out, reader), exist_ok=True)
    try:
        rows = read()
    except Exception as e:  # the test reports the reader's own message
        message = " ".join(f"{type(e).__name__}: {e}".split())
        with open(os.path.join(out, reader, name + ".error"), "w", encoding="utf-8") as f:
            f.write(message)
        return
    write_rows(os.path.join(out, reader, name + ".jsonl"), rows)


def plain_parquet_rows(path):
    # what read_parquet('<table>/**/*.parquet') sees: every data file in the folder, live or removed
    files = [
        os.path.join(folder, f)
        for folder, _, names in os.walk(path)
        if "_delta_log" not in folder
        for f in names
        if f.endswith(".parquet")
    ]
    return sum(pyarrow.parquet.ParquetFile(f).metadata.num_rows for f in files)


def main(out, tables):
    plain = {}
    for name, path in tables:
        dump(out, "deltalake", name, lambda: deltalake.DeltaTable(path).to_pyarrow_table().to_pylist())
        dump(out, "polars", name, lambda: polars_rows(path))
        plain[name] = plain_parquet_rows(path)
    with open(os.path.join(out, "plain_parquet_rows.json"), "w", encoding="utf-8") as f:
        json.dump(plain, f, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], [arg.split("=", 1) for arg in sys.argv[2:]])
