package org.commonsimpact.common;

import org.apache.spark.sql.SparkSession;

/** Everything a stage needs for one month: the session, the month, the run options, the report. */
public record StageContext(SparkSession session, Month month, RunOptions options, RunReport report) {}
