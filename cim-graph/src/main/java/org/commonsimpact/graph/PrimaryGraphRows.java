package org.commonsimpact.graph;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every primary's tree, inner edges and inner reachability (SPEC §3), computed from the in-memory
 * {@link SubcategoryGraph} and handed back to Spark as one DataFrame of tagged rows.
 *
 * <p>The graph is broadcast once; the primaries are split into slices, and each task walks the
 * graph for its primaries with arrays sized by the graph ({@link PrimaryTree}, {@link
 * InnerReachability}), streaming the rows of one tree category at a time. So one Spark job
 * replaces the D expansion joins, the inner-edge join and the closure shuffle, and no task holds
 * more than the category graph plus one category's reach, whatever the size of the trees.
 *
 * <p>Rows are {@code (kind INT, primary_id BIGINT, a BIGINT, b BIGINT)}:
 *
 * <ul>
 *   <li>{@link #TREE}: {@code a} = a category of Tree(P), {@code b} = depth_P(a);
 *   <li>{@link #INNER_EDGE}: the inner edge {@code a → b} of P;
 *   <li>{@link #REACHES}: {@code a} reaches {@code b ≠ a} through inner edges of P.
 * </ul>
 *
 * Each kind's rows are distinct. A primary without sub-category edges has one row: itself at
 * depth 0.
 */
public final class PrimaryGraphRows {
  public static final int TREE = 0;
  public static final int INNER_EDGE = 1;
  public static final int REACHES = 2;
  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.IntegerType, false)
      .add("primary_id", DataTypes.LongType, false)
      .add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false);

  private PrimaryGraphRows() {}

  /**
   * The rows of every primary, computed now by one Spark job and kept (local checkpoint); the
   * broadcast graph is released from the executors afterwards.
   */
  public static Dataset<Row> compute(
      SparkSession session, SubcategoryGraph graph, List<Long> primaryIds, int maxDepth) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(session.sparkContext());
    Broadcast<SubcategoryGraph> shared = context.broadcast(graph);
    int slices = Math.max(1, Math.min(primaryIds.size(), 4 * context.defaultParallelism()));
    JavaRDD<Row> rows =
        context.parallelize(primaryIds, slices).mapPartitions(new RowsOfSlice(shared, maxDepth));
    Dataset<Row> computed = session.createDataFrame(rows, SCHEMA).localCheckpoint(true);
    shared.unpersist();
    return computed;
  }

  /** The rows of one slice of primaries, read from the broadcast graph. */
  private static final class RowsOfSlice implements FlatMapFunction<Iterator<Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SubcategoryGraph> graph;
    private final int maxDepth;

    RowsOfSlice(Broadcast<SubcategoryGraph> graph, int maxDepth) {
      this.graph = graph;
      this.maxDepth = maxDepth;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> primaries) {
      return new RowIterator(graph.value(), maxDepth, primaries);
    }
  }

  /**
   * Streams the rows of a sequence of primaries: for each category of a tree, in breadth-first
   * order, its tree row, its inner edges, then the categories it reaches.
   */
  static final class RowIterator implements Iterator<Row> {
    private final SubcategoryGraph graph;
    private final PrimaryTree tree;
    private final InnerReachability reach;
    private final Iterator<Long> primaries;
    private long primaryId;
    private int treeIndex;
    private int treeSize;
    private final RowBuffer buffer = new RowBuffer();

    RowIterator(SubcategoryGraph graph, int maxDepth, Iterator<Long> primaries) {
      this.graph = graph;
      this.tree = new PrimaryTree(graph, maxDepth);
      this.reach = new InnerReachability(graph);
      this.primaries = primaries;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty()) {
        if (treeIndex < treeSize) {
          fillCategory(tree.node(treeIndex++));
        } else if (primaries.hasNext()) {
          startPrimary(primaries.next());
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.take();
    }

    private void startPrimary(long id) {
      primaryId = id;
      treeIndex = 0;
      treeSize = 0;
      int root = graph.nodeOf(id);
      if (root < 0) {
        buffer.add(TREE, id, id, 0);
        return;
      }
      tree.grow(root);
      treeSize = tree.size();
    }

    private void fillCategory(int node) {
      long id = graph.idOf(node);
      buffer.add(TREE, primaryId, id, tree.depthOf(node));
      if (!tree.expands(node)) {
        return;
      }
      for (int e = graph.firstChild(node); e < graph.endChild(node); e++) {
        buffer.add(INNER_EDGE, primaryId, id, graph.idOf(graph.child(e)));
      }
      int count = reach.search(node, tree::expands);
      for (int i = 0; i < count; i++) {
        buffer.add(REACHES, primaryId, id, graph.idOf(reach.reached(i)));
      }
    }
  }

  /** Rows waiting to be handed out, as primitive columns. */
  private static final class RowBuffer {
    private int[] kinds = new int[64];
    private long[] primaries = new long[64];
    private long[] as = new long[64];
    private long[] bs = new long[64];
    private int size;
    private int taken;

    boolean isEmpty() {
      return taken == size;
    }

    void add(int kind, long primary, long a, long b) {
      if (taken == size) {
        taken = 0;
        size = 0;
      }
      if (size == kinds.length) {
        int grown = Math.multiplyExact(size, 2);
        kinds = java.util.Arrays.copyOf(kinds, grown);
        primaries = java.util.Arrays.copyOf(primaries, grown);
        as = java.util.Arrays.copyOf(as, grown);
        bs = java.util.Arrays.copyOf(bs, grown);
      }
      kinds[size] = kind;
      primaries[size] = primary;
      as[size] = a;
      bs[size] = b;
      size++;
    }

    Row take() {
      int i = taken++;
      return RowFactory.create(kinds[i], primaries[i], as[i], bs[i]);
    }
  }
}
