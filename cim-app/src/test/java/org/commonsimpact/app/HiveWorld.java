package org.commonsimpact.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.SourceTables;

/**
 * The golden world in the shape of the Wikimedia data lake's tables, in a Hive metastore: the
 * MediaWiki tables as Avro tables partitioned by snapshot and wiki_db with production's extra
 * columns (NULL where production has NULL), {@code private_linktarget} and {@code private_actor},
 * {@code file} + {@code filetypes} instead of {@code image}, {@code wmf.pageview_hourly} as Parquet
 * partitioned by year/month/day/hour with its extra columns, and {@code canonical_data.wikis} with
 * seven more columns.
 *
 * <p>Built from the golden sources in the warehouse ({@code source.*}, imported from the fixture).
 * Decoy partitions that a month's run must never read are added: snapshot 2023-12 of every
 * MediaWiki table, and wiki {@code decoywiki} at the month in the tables the stages read for
 * commonswiki only. {@link #corruptUnreadPartitions} then makes every partition outside the month
 * unreadable, so that a run reading one fails.
 */
final class HiveWorld {
  static final String MONTH = "2024-02";
  /** Tables the stages read for commonswiki only: a decoy wiki's partition must be pruned. */
  static final List<String> COMMONS_ONLY = List.of("mediawiki_categorylinks",
      "mediawiki_revision", "mediawiki_private_actor", "mediawiki_file", "mediawiki_filetypes");

  private final SparkSession session;
  private final Path hiveWarehouse;

  HiveWorld(SparkSession session, Path hiveWarehouse) {
    this.session = session;
    this.hiveWarehouse = hiveWarehouse;
  }

  /** Creates the databases and tables and fills them from {@code source.*}. */
  void build() {
    sql("SET hive.exec.dynamic.partition=true");
    sql("SET hive.exec.dynamic.partition.mode=nonstrict");
    for (String db : List.of("wmf_raw", "wmf", "canonical_data")) {
      sql("CREATE DATABASE IF NOT EXISTS spark_catalog." + db);
    }
    mediawiki("mediawiki_page",
        "page_id BIGINT, page_namespace INT, page_title STRING, page_is_redirect BOOLEAN, "
            + "page_is_new BOOLEAN, page_random DOUBLE, page_touched STRING, "
            + "page_links_updated STRING, page_latest BIGINT, page_len BIGINT, "
            + "page_content_model STRING",
        "page_id, page_namespace, page_title, page_is_redirect, false, 0.5D, '20240201000000', "
            + "NULL, page_id * 10, 100L, 'wikitext'",
        SourceTables.MEDIAWIKI_PAGE);
    mediawiki("mediawiki_categorylinks",
        "cl_from BIGINT, cl_to STRING, cl_sortkey STRING, cl_timestamp STRING, "
            + "cl_sortkey_prefix STRING, cl_collation STRING, cl_type STRING, "
            + "cl_collation_id INT, cl_target_id BIGINT",
        "cl_from, NULL, 'KEY', '2024-02-01 00:00:00', '', NULL, cl_type, 1, cl_target_id",
        SourceTables.MEDIAWIKI_CATEGORYLINKS);
    mediawiki("mediawiki_private_linktarget",
        "lt_id BIGINT, lt_namespace INT, lt_title STRING",
        "lt_id, lt_namespace, lt_title",
        SourceTables.MEDIAWIKI_LINKTARGET);
    mediawiki("mediawiki_imagelinks",
        "il_from BIGINT, il_to STRING, il_from_namespace INT, il_target_id BIGINT",
        "il_from, NULL, il_from_namespace, il_target_id",
        SourceTables.MEDIAWIKI_IMAGELINKS);
    mediawiki("mediawiki_revision",
        "rev_id BIGINT, rev_page BIGINT, rev_text_id BIGINT, rev_comment STRING, "
            + "rev_user BIGINT, rev_user_text STRING, rev_actor BIGINT, rev_timestamp STRING, "
            + "rev_minor_edit BOOLEAN, rev_deleted INT, rev_len BIGINT, rev_parent_id BIGINT, "
            + "rev_sha1 STRING, rev_content_model STRING, rev_content_format STRING",
        "rev_id, rev_page, NULL, NULL, NULL, NULL, rev_actor, rev_timestamp, false, rev_deleted, "
            + "NULL, rev_parent_id, 'sha1', NULL, NULL",
        SourceTables.MEDIAWIKI_REVISION);
    mediawiki("mediawiki_private_actor",
        "actor_id BIGINT, actor_user BIGINT, actor_name STRING",
        "actor_id, actor_user, actor_name",
        SourceTables.MEDIAWIKI_ACTOR);
    // image (img_name, img_media_type) becomes file + filetypes: one type row per media type.
    sql("CREATE OR REPLACE TEMPORARY VIEW golden_types AS SELECT wiki_db, snapshot, "
        + "img_media_type AS ft_media_type, CAST(DENSE_RANK() OVER (PARTITION BY wiki_db, snapshot "
        + "ORDER BY img_media_type NULLS FIRST) AS BIGINT) AS ft_id "
        + "FROM (SELECT DISTINCT wiki_db, snapshot, img_media_type FROM source.mediawiki_image)");
    sql("CREATE OR REPLACE TEMPORARY VIEW golden_file AS SELECT i.*, t.ft_id, "
        + "ROW_NUMBER() OVER (ORDER BY i.wiki_db, i.img_name) AS file_id "
        + "FROM source.mediawiki_image i JOIN golden_types t ON t.wiki_db = i.wiki_db "
        + "AND t.snapshot = i.snapshot AND t.ft_media_type <=> i.img_media_type");
    mediawiki("mediawiki_file",
        "file_id BIGINT, file_name STRING, file_latest BIGINT, file_type INT, file_deleted INT",
        "CAST(file_id AS BIGINT), img_name, file_id * 7, CAST(ft_id AS INT), 0",
        "golden_file");
    mediawiki("mediawiki_filetypes",
        "ft_id BIGINT, ft_media_type STRING, ft_major_mime STRING, ft_minor_mime STRING",
        "ft_id, ft_media_type, 'image', 'unknown'",
        "golden_types");
    sql("CREATE TABLE spark_catalog.wmf.pageview_hourly (project STRING, "
        + "language_variant STRING, page_title STRING, access_method STRING, "
        + "zero_carrier STRING, agent_type STRING, referer_class STRING, continent STRING, "
        + "country_code STRING, country STRING, subdivision STRING, city STRING, "
        + "user_agent_map MAP<STRING, STRING>, record_version STRING, view_count BIGINT, "
        + "page_id BIGINT, namespace_id INT) "
        + "PARTITIONED BY (year INT, month INT, day INT, hour INT) STORED AS PARQUET");
    sql("INSERT OVERWRITE TABLE spark_catalog.wmf.pageview_hourly "
        + "PARTITION (year, month, day, hour) SELECT project, NULL, page_title, 'desktop', NULL, "
        + "agent_type, 'internal', 'Europe', 'FR', 'France', NULL, NULL, "
        + "map('browser_family', 'Firefox'), '0.0.1', view_count, NULL, namespace_id, "
        + "year, month, day, hour FROM source.pageview_hourly");
    sql("CREATE TABLE spark_catalog.canonical_data.wikis (database_code STRING, "
        + "domain_name STRING, database_group STRING, language_code STRING, "
        + "language_name STRING, status STRING, visibility STRING, editability STRING, "
        + "english_name STRING) STORED AS PARQUET");
    sql("INSERT INTO spark_catalog.canonical_data.wikis SELECT database_code, domain_name, "
        + "'wikipedia', 'xx', NULL, 'open', 'public', 'public', NULL FROM source.wikis");
  }

  private void mediawiki(String table, String columns, String select, SourceTables golden) {
    mediawiki(table, columns, select, golden.qualifiedName());
  }

  /** One Avro MediaWiki table: the golden rows, a decoy earlier snapshot, and a decoy wiki. */
  private void mediawiki(String table, String columns, String select, String from) {
    sql("CREATE TABLE spark_catalog.wmf_raw." + table + " (" + columns + ") "
        + "PARTITIONED BY (snapshot STRING, wiki_db STRING) STORED AS AVRO");
    String rows = "SELECT " + select + ", snapshot, wiki_db FROM " + from
        + " UNION ALL SELECT " + select + ", '2023-12', wiki_db FROM " + from;
    if (COMMONS_ONLY.contains(table)) {
      rows += " UNION ALL SELECT " + select + ", snapshot, 'decoywiki' FROM " + from
          + " WHERE wiki_db = 'commonswiki'";
    }
    sql("INSERT INTO TABLE spark_catalog.wmf_raw." + table + " PARTITION (snapshot, wiki_db) "
        + rows);
  }

  /**
   * Overwrites every data file of the partitions a run of {@link #MONTH} must not read with bytes
   * that are neither Avro nor Parquet; returns how many partitions were spoiled.
   */
  int corruptUnreadPartitions() {
    List<Path> spoiled = new ArrayList<>();
    try (Stream<Path> files = Files.walk(hiveWarehouse)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = hiveWarehouse.relativize(file).toString();
        if (path.contains("/.") || file.getFileName().toString().startsWith(".")
            || file.getFileName().toString().startsWith("_")) {
          continue;
        }
        boolean otherSnapshot = path.contains("/snapshot=") && !path.contains("/snapshot=" + MONTH);
        boolean decoyWiki = path.contains("/wiki_db=decoywiki/");
        boolean otherMonth = path.contains("/year=")
            && !(path.contains("/year=2024/") && path.contains("/month=2/"));
        if (otherSnapshot || decoyWiki || otherMonth) {
          Files.writeString(file, "not a data file: this partition must never be read\n");
          spoiled.add(file.getParent());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) spoiled.stream().distinct().count();
  }

  /** Every file of the Hive warehouse (relative path → SHA-256 and modification time). */
  Map<String, String> fileStates() {
    Map<String, String> states = new TreeMap<>();
    try (Stream<Path> files = Files.walk(hiveWarehouse)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        states.put(hiveWarehouse.relativize(file).toString(), HexFormat.of().formatHex(digest)
            + " " + Files.getLastModifiedTime(file).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return states;
  }

  /** The partitions of every Hive source table, as the metastore lists them. */
  Map<String, List<String>> partitions() {
    Map<String, List<String>> out = new TreeMap<>();
    for (String db : List.of("wmf_raw", "wmf")) {
      for (var row : session.sql("SHOW TABLES IN spark_catalog." + db).collectAsList()) {
        if (row.getBoolean(2)) {
          continue;
        }
        String table = "spark_catalog." + db + "." + row.getString(1);
        List<String> names = new ArrayList<>();
        session.sql("SHOW PARTITIONS " + table).collectAsList()
            .forEach(p -> names.add(p.getString(0)));
        out.put(table, names);
      }
    }
    return out;
  }

  private void sql(String statement) {
    session.sql(statement);
  }
}
