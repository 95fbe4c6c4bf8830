package org.commonsimpact.common;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The nine source tables of SPEC §2.1: names, column types and partitioning. */
public enum SourceTables {
  MEDIAWIKI_PAGE(
      "mediawiki_page",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "page_id", "BIGINT", "page_namespace", "INT",
      "page_title", "STRING", "page_is_redirect", "BOOLEAN"),
  MEDIAWIKI_CATEGORYLINKS(
      "mediawiki_categorylinks",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "cl_from", "BIGINT", "cl_target_id", "BIGINT",
      "cl_type", "STRING"),
  MEDIAWIKI_LINKTARGET(
      "mediawiki_linktarget",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "lt_id", "BIGINT", "lt_namespace", "INT",
      "lt_title", "STRING"),
  MEDIAWIKI_IMAGELINKS(
      "mediawiki_imagelinks",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "il_from", "BIGINT", "il_from_namespace", "INT",
      "il_target_id", "BIGINT"),
  MEDIAWIKI_IMAGE(
      "mediawiki_image",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "img_name", "STRING", "img_media_type", "STRING"),
  MEDIAWIKI_REVISION(
      "mediawiki_revision",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "rev_id", "BIGINT", "rev_page", "BIGINT",
      "rev_actor", "BIGINT", "rev_timestamp", "STRING", "rev_parent_id", "BIGINT",
      "rev_deleted", "INT"),
  MEDIAWIKI_ACTOR(
      "mediawiki_actor",
      List.of("snapshot", "wiki_db"),
      "wiki_db", "STRING", "snapshot", "STRING", "actor_id", "BIGINT", "actor_user", "BIGINT",
      "actor_name", "STRING"),
  PAGEVIEW_HOURLY(
      "pageview_hourly",
      List.of("year", "month"),
      "project", "STRING", "page_title", "STRING", "namespace_id", "INT", "agent_type", "STRING",
      "view_count", "BIGINT", "year", "INT", "month", "INT", "day", "INT", "hour", "INT"),
  WIKIS("wikis", List.of(), "database_code", "STRING", "domain_name", "STRING");

  private final String tableName;
  private final List<String> partitionColumns;
  private final StructType schema;

  SourceTables(String tableName, List<String> partitionColumns, String... columnsAndTypes) {
    this.tableName = tableName;
    this.partitionColumns = partitionColumns;
    StructField[] fields = new StructField[columnsAndTypes.length / 2];
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          DataTypes.createStructField(columnsAndTypes[2 * i], type(columnsAndTypes[2 * i + 1]), true);
    }
    this.schema = DataTypes.createStructType(fields);
  }

  private static DataType type(String sqlType) {
    switch (sqlType) {
      case "STRING":
        return DataTypes.StringType;
      case "BIGINT":
        return DataTypes.LongType;
      case "INT":
        return DataTypes.IntegerType;
      case "BOOLEAN":
        return DataTypes.BooleanType;
      default:
        throw new IllegalArgumentException(sqlType);
    }
  }

  /** Unqualified name, e.g. {@code mediawiki_page}; also the TSV file's base name. */
  public String tableName() {
    return tableName;
  }

  /** Qualified name in the catalog, e.g. {@code source.mediawiki_page}. */
  public String qualifiedName() {
    return Tables.SOURCE + "." + tableName;
  }

  public StructType schema() {
    return schema;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  /** Whether the table is a monthly MediaWiki snapshot (has a {@code snapshot} column). */
  public boolean isSnapshot() {
    return partitionColumns.contains("snapshot");
  }
}
