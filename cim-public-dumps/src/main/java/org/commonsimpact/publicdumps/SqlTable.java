package org.commonsimpact.publicdumps;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.commonsimpact.common.InvalidInputException;

/**
 * The MediaWiki SQL table dumps the import reads, each with the columns it takes (found by name in
 * the file's {@code CREATE TABLE}) and the row it makes of a tuple. Rows start with {@code wiki_db}.
 *
 * <p>{@code categorylinks} and {@code imagelinks} rows carry both the link target id and the
 * legacy title column ({@code cl_to}, {@code il_to}), whichever the file has, so that legacy,
 * transitional and current layouts all import; {@link PublicDumpsImporter} resolves titles to ids.
 */
enum SqlTable {
  PAGE("page", new String[] {"page_id", "page_namespace", "page_title", "page_is_redirect"},
      new String[0][],
      "page_id", "BIGINT", "page_namespace", "INT", "page_title", "STRING",
      "page_is_redirect", "BOOLEAN") {
    @Override
    Object[] values(SqlDumpReader r) {
      Long redirect = r.number("page_is_redirect");
      return new Object[] {r.number("page_id"), integer(r, "page_namespace"),
          r.string("page_title"), redirect == null ? null : redirect != 0};
    }
  },
  LINKTARGET("linktarget", new String[] {"lt_id", "lt_namespace", "lt_title"}, new String[0][],
      "lt_id", "BIGINT", "lt_namespace", "INT", "lt_title", "STRING") {
    @Override
    Object[] values(SqlDumpReader r) {
      return new Object[] {r.number("lt_id"), integer(r, "lt_namespace"), r.string("lt_title")};
    }
  },
  CATEGORYLINKS("categorylinks", new String[] {"cl_from", "cl_type"},
      new String[][] {{"cl_target_id", "cl_to"}},
      "cl_from", "BIGINT", "cl_target_id", "BIGINT", "cl_to", "STRING", "cl_type", "STRING") {
    @Override
    Object[] values(SqlDumpReader r) {
      return new Object[] {r.number("cl_from"), optionalNumber(r, "cl_target_id"),
          optionalString(r, "cl_to"), r.string("cl_type")};
    }
  },
  IMAGELINKS("imagelinks", new String[] {"il_from", "il_from_namespace"},
      new String[][] {{"il_target_id", "il_to"}},
      "il_from", "BIGINT", "il_from_namespace", "INT", "il_target_id", "BIGINT",
      "il_to", "STRING") {
    @Override
    Object[] values(SqlDumpReader r) {
      return new Object[] {r.number("il_from"), integer(r, "il_from_namespace"),
          optionalNumber(r, "il_target_id"), optionalString(r, "il_to")};
    }
  },
  IMAGE("image", new String[] {"img_name", "img_media_type"}, new String[0][],
      "img_name", "STRING", "img_media_type", "STRING") {
    @Override
    Object[] values(SqlDumpReader r) {
      return new Object[] {r.string("img_name"), r.string("img_media_type")};
    }
  },
  GLOBALIMAGELINKS("globalimagelinks",
      new String[] {"gil_wiki", "gil_page", "gil_page_namespace_id", "gil_page_title", "gil_to"},
      new String[0][],
      "gil_wiki", "STRING", "gil_page", "BIGINT", "gil_page_namespace_id", "INT",
      "gil_page_title", "STRING", "gil_to", "STRING") {
    @Override
    Object[] values(SqlDumpReader r) {
      return new Object[] {r.string("gil_wiki"), r.number("gil_page"),
          integer(r, "gil_page_namespace_id"), r.string("gil_page_title"), r.string("gil_to")};
    }
  };

  private final String dumpName;
  private final String[] required;
  private final String[][] oneOf;
  private final StructType schema;
  private final List<String> wanted = new ArrayList<>();

  SqlTable(String dumpName, String[] required, String[][] oneOf, String... columnsAndTypes) {
    this.dumpName = dumpName;
    this.required = required;
    this.oneOf = oneOf;
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("wiki_db", DataTypes.StringType, true));
    for (int i = 0; i < columnsAndTypes.length; i += 2) {
      String type = columnsAndTypes[i + 1];
      fields.add(DataTypes.createStructField(columnsAndTypes[i],
          type.equals("BIGINT") ? DataTypes.LongType
              : type.equals("INT") ? DataTypes.IntegerType
              : type.equals("BOOLEAN") ? DataTypes.BooleanType : DataTypes.StringType, true));
      wanted.add(columnsAndTypes[i]);
    }
    this.schema = DataTypes.createStructType(fields);
  }

  /** The table's name in dump file names: {@code <wiki>-<date>-<dumpName>.sql.gz}. */
  String dumpName() {
    return dumpName;
  }

  /** wiki_db followed by the columns taken from the dump. */
  StructType schema() {
    return schema;
  }

  /** Column names the reader keeps. */
  List<String> wanted() {
    return wanted;
  }

  /** Fails naming the file when a required column (or every one of a set of alternatives) is missing. */
  void check(SqlDumpReader reader, String file) {
    reader.require(required);
    for (String[] alternatives : oneOf) {
      boolean any = false;
      for (String column : alternatives) {
        any |= reader.hasColumn(column);
      }
      if (!any) {
        throw new InvalidInputException(file + ": missing required column "
            + String.join(" or ", alternatives) + " in CREATE TABLE `" + reader.table() + "`");
      }
    }
  }

  /** The current tuple's row, wiki_db first. */
  Row row(String wiki, SqlDumpReader reader) {
    Object[] taken = values(reader);
    Object[] row = new Object[taken.length + 1];
    row[0] = wiki;
    System.arraycopy(taken, 0, row, 1, taken.length);
    return RowFactory.create(row);
  }

  abstract Object[] values(SqlDumpReader reader);

  static Integer integer(SqlDumpReader r, String column) {
    return r.integer(column);
  }

  static Long optionalNumber(SqlDumpReader r, String column) {
    return r.hasColumn(column) ? r.number(column) : null;
  }

  static String optionalString(SqlDumpReader r, String column) {
    return r.hasColumn(column) ? r.string(column) : null;
  }
}
