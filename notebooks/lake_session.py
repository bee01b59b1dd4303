"""Reading the lake's Delta tables: marts into pandas without Spark, big tables with Spark.

A mart is small (one row per flow, result, day or segment), so `read_mart` reads it with delta-rs
(`deltalake`, one of the readers docs/readers.md tests against Spark's read) in well under a
second; a notebook that charts only marts starts no JVM. `runs` and `run_values` grow with the
workspace: `read_table` reads them with Spark, which scales.

flowlake's shaded jar (jobs/target/flowlake-jobs-0.1.0-SNAPSHOT-spark.jar) already holds Delta
Lake 4.4.0 and the `rapidpro` data source, so putting it on `spark.jars` is all the set-up Delta
needs: nothing is downloaded at run time (configure_spark_with_delta_pip would fetch jars from
Maven Central through ivy, which fails offline).
"""

import os
import re
import warnings
from pathlib import Path

import pandas as pd
from deltalake import DeltaTable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOG_CONFIG = Path(__file__).resolve().parent / "log4j2.properties"
SHADED_JAR = PROJECT_ROOT / "jobs" / "target" / "flowlake-jobs-0.1.0-SNAPSHOT-spark.jar"
# Extra JVM flags for the Spark driver, appended to the project's; run_notebooks.py --quick-jvm
# sets it. Unset for people: their notebook 4 may scan millions of runs, where C2 pays off.
EXTRA_JVM_FLAGS = "FLOWLAKE_NOTEBOOK_JVM_FLAGS"


def pom_property(name):
    """A property of the project's pom.xml, whitespace folded: the one place JVM flags are kept."""
    pom = (PROJECT_ROOT / "pom.xml").read_text(encoding="utf-8")
    found = re.search(rf"<{re.escape(name)}>(.*?)</{re.escape(name)}>", pom, re.DOTALL)
    if not found:
        raise RuntimeError(f"no <{name}> property in {PROJECT_ROOT / 'pom.xml'}")
    return " ".join(found.group(1).split())


def jvm_flags():
    """Spark's --add-opens list for JDK 17, then any flags from $FLOWLAKE_NOTEBOOK_JVM_FLAGS."""
    extra = os.environ.get(EXTRA_JVM_FLAGS, "")
    return " ".join([pom_property("spark.jvm.flags"), *extra.split()])


def start_spark(app_name="flowlake-notebook"):
    """A local Spark session with Delta and the `rapidpro` source, in UTC like the marts."""
    if not SHADED_JAR.is_file():
        raise FileNotFoundError(
            f"{SHADED_JAR} is missing: build it with 'mvn -B -DskipTests package' in {PROJECT_ROOT}"
        )
    # Loopback only: a notebook's Spark never listens on a public interface.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # pyspark 4.2 warns on every pandas conversion that it has not caught up with pandas 3;
    # the conversions the notebooks make (numbers, strings, timestamps) are unaffected.
    warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
    from pyspark.sql import SparkSession  # here: a notebook over marts only never loads pyspark

    return (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.jars", str(SHADED_JAR))
        .config(
            "spark.driver.extraJavaOptions",
            f"{jvm_flags()} -Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}",
        )
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"
        )
        .config("spark.sql.session.timeZone", "UTC")
        # The marts are small: a few partitions keep reads quick on a laptop.
        .config("spark.sql.shuffle.partitions", "4")
        # Delta rebuilds a table's state from its log in 50 tasks by default: 20 s and more for
        # the first read of a small table on a laptop, where 2 tasks take a second (the jobs set
        # the same, see Sparks.java).
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )


def check_lake(lake):
    """Fails with one line saying what to do when `lake` holds no marts."""
    marts = Path(lake) / "marts"
    if not (marts / "flow_summary").is_dir():
        raise FileNotFoundError(
            f"no marts under {Path(lake).resolve()}: run 'bin/flowlake demo' at the project root, "
            "or set `lake` to a folder that 'flowlake transform' has written"
        )
    return Path(lake)


def read_table(spark, lake, name):
    """A lake table (runs, run_values) or a mart (marts/<name>) as a Spark DataFrame."""
    folder = Path(lake) / name
    if not folder.is_dir():
        folder = Path(lake) / "marts" / name
    return spark.read.format("delta").load(str(folder))


def read_mart(lake, name):
    """A mart (marts/<name>) as a pandas DataFrame, read with delta-rs: no Spark needed.

    Timestamps come as Spark's toPandas gives them in a UTC session (naive, in UTC), so a mart
    reads the same whichever way it was read.
    """
    frame = DeltaTable(str(Path(lake) / "marts" / name)).to_pandas()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
            frame[column] = frame[column].dt.tz_convert("UTC").dt.tz_localize(None)
    return frame
