package org.commonsimpact.publicdumps;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One file to parse in one Spark task, and the lazy iterator of rows it gives: the file is
 * streamed, never held whole in memory.
 */
final class ParseTask implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind { SQL, STUB, PAGEVIEWS_MONTHLY, PAGEVIEWS_HOURLY }

  /** Revisions as the stub reader gives them, before actor ids are made up. */
  static final StructType REVISION_SCHEMA = new StructType()
      .add("wiki_db", DataTypes.StringType).add("rev_id", DataTypes.LongType)
      .add("rev_page", DataTypes.LongType).add("rev_timestamp", DataTypes.StringType)
      .add("rev_parent_id", DataTypes.LongType).add("rev_deleted", DataTypes.IntegerType)
      .add("actor_name", DataTypes.StringType).add("actor_user", DataTypes.LongType);

  /** Pageview counts as the files give them, before codes are mapped to projects. */
  static final StructType VIEW_SCHEMA = new StructType()
      .add("code", DataTypes.StringType).add("page_title", DataTypes.StringType)
      .add("day", DataTypes.IntegerType).add("hour", DataTypes.IntegerType)
      .add("views", DataTypes.LongType);

  final Kind kind;
  final SqlTable table;
  final String wiki;
  final String file;
  final Integer day;
  final Integer hour;

  ParseTask(Kind kind, SqlTable table, String wiki, Path file, Integer day, Integer hour) {
    this.kind = kind;
    this.table = table;
    this.wiki = wiki;
    this.file = file.toString();
    this.day = day;
    this.hour = hour;
  }

  static ParseTask sql(SqlTable table, String wiki, Path file) {
    return new ParseTask(Kind.SQL, table, wiki, file, null, null);
  }

  /** The rows of the file, read as the iterator advances; the file is closed at its end. */
  Iterator<Row> rows() {
    Path path = Path.of(file);
    switch (kind) {
      case SQL: {
        SqlDumpReader reader = new SqlDumpReader(DumpStreams.open(path), file, table.wanted());
        table.check(reader, file);
        return new Lazy(reader::close) {
          @Override
          Row advance() {
            return reader.next() ? table.row(wiki, reader) : null;
          }
        };
      }
      case STUB: {
        StubHistoryReader reader = new StubHistoryReader(DumpStreams.open(path), file);
        return new Lazy(reader::close) {
          @Override
          Row advance() {
            return reader.next()
                ? RowFactory.create(wiki, reader.revId, reader.revPage, reader.timestamp,
                    reader.parentId, reader.deleted, reader.actorName, reader.actorUser)
                : null;
          }
        };
      }
      default: {
        PageviewReader reader = new PageviewReader(DumpStreams.open(path), file,
            kind == Kind.PAGEVIEWS_HOURLY ? PageviewReader.Format.HOURLY
                : PageviewReader.Format.COMPLETE_MONTHLY, day, hour);
        return new Lazy(reader::close) {
          @Override
          Row advance() {
            return reader.next()
                ? RowFactory.create(reader.code, reader.title, reader.day, reader.hour,
                    reader.views)
                : null;
          }
        };
      }
    }
  }

  /** An iterator that reads one row ahead and closes its file at the end. */
  private abstract static class Lazy implements Iterator<Row> {
    interface Closer {
      void close() throws IOException;
    }

    private final Closer closer;
    private Row ahead;
    private boolean done;

    Lazy(Closer closer) {
      this.closer = closer;
    }

    abstract Row advance();

    @Override
    public boolean hasNext() {
      if (ahead == null && !done) {
        ahead = advance();
        if (ahead == null) {
          done = true;
          try {
            closer.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return ahead != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = ahead;
      ahead = null;
      return row;
    }
  }
}
