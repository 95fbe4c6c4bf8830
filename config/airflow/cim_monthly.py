"""Commons Impact Metrics: the monthly run on YARN, as an example Apache Airflow (2.x) DAG.

One DAG run per month (the run for month M starts once M is over):

  wait_for_<table>  sensors on the month's source partitions (MediaWiki snapshot tables, and the
                    pageview partitions of every day of the month)
  run_month         spark-submit ... cim run --month M (graph, metrics, dumps, serving) on YARN;
                    the run report goes to HDFS, also when the run fails
  check_report      reads the report: fails (and so alerts) unless status is "succeeded"; logs
                    warnings and row counts that fell sharply from the previous month's report
  load_cassandra    spark-submit ... cim load-cassandra --month M

Paths and hosts come from config/cim-paths.env (read below); Spark settings from
config/yarn.properties plus one config/catalog-*.properties plus config/hive-metastore.properties
(the data lake's source tables, bound by config/sources-wmf.properties at $CIM_SOURCES). Adapt the
sensor paths to the layout of your source tables (or use Hive partition sensors).

Alerting: every task has email_on_failure and an on_failure_callback; replace the callback with
your paging hook. A failed run_month still leaves its report, so check_report runs with
trigger_rule="all_done" and fails with the report's error line.
"""

import calendar
import json
import logging
import os
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowFailException
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.sensors.bash import BashSensor
from airflow.sensors.python import PythonSensor

CONFIG_DIR = os.environ.get("CIM_CONFIG_DIR", "/srv/cim/config")


def _read_env(path):
    """KEY=VALUE lines of config/cim-paths.env (comments and blank lines skipped)."""
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


ENV = _read_env(os.path.join(CONFIG_DIR, "cim-paths.env"))
SPARK_PROPERTIES = "/tmp/cim-spark-{{ ds_nodash }}.properties"
# The month the DAG run is for: data_interval_start of a @monthly schedule.
MONTH = "{{ data_interval_start.strftime('%Y-%m') }}"
REPORT = ENV["CIM_REPORTS"] + "/" + MONTH + ".json"

MEDIAWIKI_TABLES = [
    "mediawiki_page",
    "mediawiki_categorylinks",
    "mediawiki_linktarget",
    "mediawiki_imagelinks",
    "mediawiki_image",
    "mediawiki_revision",
    "mediawiki_actor",
]

SPARK_SUBMIT = (
    "cat {config}/yarn.properties {config}/catalog-hive.properties "
    "{config}/hive-metastore.properties > " + SPARK_PROPERTIES + " && "
    "spark-submit --properties-file " + SPARK_PROPERTIES + " "
).format(config=CONFIG_DIR)


def alert(context):
    """Failure hook: replace with your paging or chat integration."""
    ti = context["task_instance"]
    logging.error("CIM ALERT: %s failed for %s: %s", ti.task_id, context["ds"], context.get("exception"))


def pageview_days_present(**context):
    """Sensor body: a _SUCCESS marker for every day of the month under the pageview root."""
    start = context["data_interval_start"]
    days = calendar.monthrange(start.year, start.month)[1]
    for day in range(1, days + 1):
        path = "{}/year={}/month={}/day={}/_SUCCESS".format(
            ENV["CIM_PAGEVIEWS_ROOT"], start.year, start.month, day)
        if subprocess.run(["hdfs", "dfs", "-test", "-e", path]).returncode != 0:
            logging.info("waiting for %s", path)
            return False
    return True


def _read_report(path):
    result = subprocess.run(["hdfs", "dfs", "-cat", path], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)


def check_report(**context):
    """Fails unless the month's report says succeeded; logs warnings and sharp row-count drops."""
    start = context["data_interval_start"]
    month = start.strftime("%Y-%m")
    report = _read_report(ENV["CIM_REPORTS"] + "/" + month + ".json")
    if report is None:
        raise AirflowFailException("no run report for %s: the driver died before writing it" % month)
    if report.get("status") != "succeeded":
        raise AirflowFailException("run of %s failed (exit %s, at %s): %s" % (
            month, report.get("exit_status"), report.get("failed_at"), report.get("error")))
    for warning in report.get("warnings", []):
        logging.warning("CIM %s: %s", month, warning)
    previous_month = (start.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    previous = _read_report(ENV["CIM_REPORTS"] + "/" + previous_month + ".json")
    if previous:
        for field in ("input_row_counts", "row_counts", "serving_row_counts"):
            for table, rows in report.get(field, {}).items():
                before = previous.get(field, {}).get(table)
                if before and rows < 0.5 * before:
                    logging.warning("CIM %s: %s %s fell from %d to %d rows", month, field, table,
                                    before, rows)
    logging.info("CIM %s: succeeded in %s s on %s", month, report.get("total_seconds"),
                 report.get("spark_application_id"))


default_args = {
    "owner": "commons-impact-metrics",
    "retries": 0,  # a failed month is fixed and re-run by a person (docs/operations.md)
    "email_on_failure": True,
    "on_failure_callback": alert,
}

with DAG(
    dag_id="cim_monthly",
    description="Commons Impact Metrics: one month on YARN, then the Cassandra load",
    schedule="@monthly",
    start_date=datetime(2024, 1, 1),
    catchup=True,  # one run per month, in order: a back-fill
    max_active_runs=1,  # two runs of the pipeline must not overlap
    default_args=default_args,
    tags=["cim"],
) as dag:
    sensors = []
    for table in MEDIAWIKI_TABLES:
        sensors.append(BashSensor(
            task_id="wait_for_" + table,
            bash_command="hdfs dfs -test -e {}/{}/snapshot={}/_SUCCESS".format(
                ENV["CIM_MEDIAWIKI_ROOT"], table, MONTH),
            mode="reschedule", poke_interval=3600, timeout=14 * 24 * 3600,
        ))
    sensors.append(PythonSensor(
        task_id="wait_for_pageview_days",
        python_callable=pageview_days_present,
        mode="reschedule", poke_interval=3600, timeout=14 * 24 * 3600,
    ))

    run_month = BashOperator(
        task_id="run_month",
        bash_command=SPARK_SUBMIT
        + "--class org.commonsimpact.app.Cim {jar} run --month {month} --allow-list {allow} "
          "--warehouse {wh} --dumps-root {dumps} --report {report} --sources {sources}".format(
              jar=ENV["CIM_JAR"], month=MONTH, allow=ENV["CIM_ALLOW_LIST"],
              sources=ENV["CIM_SOURCES"],
              wh=ENV["CIM_WAREHOUSE"], dumps=ENV["CIM_DUMPS_ROOT"], report=REPORT),
    )

    report_check = PythonOperator(
        task_id="check_report",
        python_callable=check_report,
        trigger_rule="all_done",  # also after a failed run: its report says why
    )

    load_cassandra = BashOperator(
        task_id="load_cassandra",
        bash_command=SPARK_SUBMIT
        + "--packages com.datastax.spark:spark-cassandra-connector_2.12:3.5.1 "
          "--class org.commonsimpact.app.Cim {jar} load-cassandra --month {month} "
          "--warehouse {wh} --cassandra {cassandra}".format(
              jar=ENV["CIM_JAR"], month=MONTH, wh=ENV["CIM_WAREHOUSE"],
              cassandra=ENV["CIM_CASSANDRA"]),
    )

    sensors >> run_month >> report_check >> load_cassandra
