package org.commonsimpact.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sub-category edges E of SPEC §3 held in memory as compressed sparse rows: the categories
 * that have an edge get dense numbers 0..n-1 (in the order of their page ids), and the children
 * of node {@code u} are {@code children[firstChild[u] .. firstChild[u + 1])}, sorted, without
 * duplicates and without self-loops.
 *
 * <p>Why: the category graph is small next to files, usage and pageviews (all of Commons: about
 * 10 M categories and 15–20 M edges), so it fits one JVM as primitive arrays, where a search over
 * it costs microseconds per category instead of one Spark job per level. Memory: 8 bytes per
 * node id, 4 per node offset and 4 per edge, i.e. {@code 12·|C_E| + 4·|E|} bytes, where C_E are
 * the categories with at least one edge (docs/architecture.md gives the figure for Commons). The
 * object is {@link Serializable} so that it can be broadcast to the tasks that walk it.
 */
public final class SubcategoryGraph implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] ids;
  private final int[] firstChild;
  private final int[] children;

  private SubcategoryGraph(long[] ids, int[] firstChild, int[] children) {
    this.ids = ids;
    this.firstChild = firstChild;
    this.children = children;
  }

  /**
   * Builds the graph from chunks of interleaved {@code (parent, child)} page ids: chunk {@code k}
   * holds edges {@code chunk[2i] → chunk[2i + 1]}. Duplicate edges collapse and self-loops are
   * dropped, so the graph is the set E whatever the input's repetitions.
   */
  public static SubcategoryGraph of(List<long[]> edgeChunks) {
    int edgeCount = 0;
    for (long[] chunk : edgeChunks) {
      if (chunk.length % 2 != 0) {
        throw new IllegalArgumentException("an edge chunk holds pairs; length " + chunk.length);
      }
      edgeCount = Math.addExact(edgeCount, chunk.length / 2);
    }
    long[] ids = distinctEndpoints(edgeChunks, edgeCount);
    int nodes = ids.length;
    int[] firstChild = new int[nodes + 1];
    for (long[] chunk : edgeChunks) {
      for (int i = 0; i < chunk.length; i += 2) {
        firstChild[Arrays.binarySearch(ids, chunk[i]) + 1]++;
      }
    }
    for (int u = 0; u < nodes; u++) {
      firstChild[u + 1] += firstChild[u];
    }
    int[] next = Arrays.copyOf(firstChild, nodes);
    int[] children = new int[edgeCount];
    for (long[] chunk : edgeChunks) {
      for (int i = 0; i < chunk.length; i += 2) {
        int parent = Arrays.binarySearch(ids, chunk[i]);
        children[next[parent]++] = Arrays.binarySearch(ids, chunk[i + 1]);
      }
    }
    return compact(ids, firstChild, children);
  }

  /** The graph of {@code (parent, child)} pairs, each a {@code long[2]}. */
  public static SubcategoryGraph of(long[][] edges) {
    long[] chunk = new long[edges.length * 2];
    for (int e = 0; e < edges.length; e++) {
      chunk[2 * e] = edges[e][0];
      chunk[2 * e + 1] = edges[e][1];
    }
    return of(List.of(chunk));
  }

  /**
   * Collects the edge rows {@code (parent_id BIGINT, child_id BIGINT)} onto the driver, one
   * primitive array per partition (16 bytes per edge while the graph is built, no row objects),
   * and builds the graph.
   */
  public static SubcategoryGraph collect(Dataset<Row> edges) {
    List<long[]> chunks =
        edges.selectExpr("parent_id", "child_id").javaRDD().mapPartitions(new ToPairArray()).collect();
    return of(chunks);
  }

  /** The number of categories with at least one edge. */
  public int nodeCount() {
    return ids.length;
  }

  /** The number of distinct edges. */
  public int edgeCount() {
    return children.length;
  }

  /** The dense number of a category, or -1 when it has no edge. */
  public int nodeOf(long categoryId) {
    int node = Arrays.binarySearch(ids, categoryId);
    return node >= 0 ? node : -1;
  }

  /** The page id of a node. */
  public long idOf(int node) {
    return ids[node];
  }

  /** Index in {@link #child} of the node's first child. */
  public int firstChild(int node) {
    return firstChild[node];
  }

  /** Index in {@link #child} just after the node's last child. */
  public int endChild(int node) {
    return firstChild[node + 1];
  }

  /** The child at an index between {@link #firstChild} and {@link #endChild}. */
  public int child(int index) {
    return children[index];
  }

  private static long[] distinctEndpoints(List<long[]> edgeChunks, int edgeCount) {
    long[] all = new long[Math.multiplyExact(edgeCount, 2)];
    int at = 0;
    for (long[] chunk : edgeChunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** Sorts each node's children, drops repeats and self-loops, and packs the arrays. */
  private static SubcategoryGraph compact(long[] ids, int[] firstChild, int[] children) {
    int nodes = ids.length;
    int[] packedFirst = new int[nodes + 1];
    int kept = 0;
    for (int u = 0; u < nodes; u++) {
      int from = firstChild[u];
      int to = firstChild[u + 1];
      Arrays.sort(children, from, to);
      packedFirst[u] = kept;
      for (int i = from; i < to; i++) {
        int child = children[i];
        if (child != u && (i == from || child != children[i - 1])) {
          children[kept++] = child;
        }
      }
    }
    packedFirst[nodes] = kept;
    return new SubcategoryGraph(ids, packedFirst, Arrays.copyOf(children, kept));
  }

  /** One partition's edge rows as one interleaved array. */
  private static final class ToPairArray implements FlatMapFunction<Iterator<Row>, long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<long[]> call(Iterator<Row> rows) {
      long[] pairs = new long[64];
      int size = 0;
      while (rows.hasNext()) {
        Row row = rows.next();
        if (size + 2 > pairs.length) {
          pairs = Arrays.copyOf(pairs, Math.multiplyExact(pairs.length, 2));
        }
        pairs[size++] = row.getLong(0);
        pairs[size++] = row.getLong(1);
      }
      List<long[]> one = new ArrayList<>(1);
      one.add(Arrays.copyOf(pairs, size));
      return one.iterator();
    }
  }
}
