package org.commonsimpact.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple3;

/**
 * The pairs "category c reaches category x through inner edges of primary P" with c ≠ x, the
 * basis of deep membership (SPEC §3: Deep(c)).
 *
 * <p>The inner edges are grouped by primary, and each primary's edges are closed in one task by a
 * breadth-first search from every category that has an inner edge. A primary's inner edges are a
 * few per category of its tree, so one task holds them easily; the pairs are produced one source
 * category at a time, never all at once. The whole closure is one shuffle and one pass, where a
 * join-per-step closure costs a Spark job and a shuffle of every pair known so far per step of
 * the longest inner path. Cycles end a search where it meets a category it already reached.
 */
public final class PrimaryReachability {
  private static final Encoder<Tuple3<Long, Long, Long>> TRIPLES =
      Encoders.tuple(Encoders.LONG(), Encoders.LONG(), Encoders.LONG());

  private PrimaryReachability() {}

  /**
   * Closes the inner edges of every primary.
   *
   * @param innerEdges rows {@code (primary_id, parent_id, child_id)}, parent ≠ child
   * @return rows {@code (primary_id, from_id, to_id)}, distinct, with {@code from_id ≠ to_id}
   */
  public static Dataset<Row> of(Dataset<Row> innerEdges) {
    return innerEdges
        .selectExpr("primary_id AS _1", "parent_id AS _2", "child_id AS _3")
        .as(TRIPLES)
        .groupByKey((MapFunction<Tuple3<Long, Long, Long>, Long>) Tuple3::_1, Encoders.LONG())
        .flatMapGroups(new CloseOnePrimary(), TRIPLES)
        .toDF("primary_id", "from_id", "to_id");
  }

  /** Closes one primary's inner edges, streaming the pairs of one source category at a time. */
  static final class CloseOnePrimary
      implements FlatMapGroupsFunction<Long, Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>> {
    @Override
    public Iterator<Tuple3<Long, Long, Long>> call(
        Long primaryId, Iterator<Tuple3<Long, Long, Long>> edges) {
      InnerGraph graph = InnerGraph.of(edges);
      return new PairIterator(primaryId, graph);
    }
  }

  /** One primary's inner edges as adjacency arrays over dense node numbers. */
  static final class InnerGraph {
    final long[] nodeIds;
    final int[] firstEdge;
    final int[] targets;

    private InnerGraph(long[] nodeIds, int[] firstEdge, int[] targets) {
      this.nodeIds = nodeIds;
      this.firstEdge = firstEdge;
      this.targets = targets;
    }

    static InnerGraph of(Iterator<Tuple3<Long, Long, Long>> edges) {
      NodeNumbers numbers = new NodeNumbers();
      int[] parents = new int[16];
      int[] children = new int[16];
      int edgeCount = 0;
      while (edges.hasNext()) {
        Tuple3<Long, Long, Long> edge = edges.next();
        if (edgeCount == parents.length) {
          parents = Arrays.copyOf(parents, edgeCount * 2);
          children = Arrays.copyOf(children, edgeCount * 2);
        }
        parents[edgeCount] = numbers.of(edge._2());
        children[edgeCount] = numbers.of(edge._3());
        edgeCount++;
      }
      int nodes = numbers.size();
      int[] firstEdge = new int[nodes + 1];
      for (int e = 0; e < edgeCount; e++) {
        firstEdge[parents[e] + 1]++;
      }
      for (int n = 0; n < nodes; n++) {
        firstEdge[n + 1] += firstEdge[n];
      }
      int[] next = Arrays.copyOf(firstEdge, nodes);
      int[] targets = new int[edgeCount];
      for (int e = 0; e < edgeCount; e++) {
        targets[next[parents[e]]++] = children[e];
      }
      return new InnerGraph(numbers.ids(), firstEdge, targets);
    }

    int size() {
      return nodeIds.length;
    }
  }

  /** Dense numbers 0, 1, 2, ... for category ids, in order of first appearance. */
  static final class NodeNumbers {
    private final Map<Long, Integer> numbers = new HashMap<>();
    private long[] ids = new long[16];

    int of(long id) {
      Integer known = numbers.get(id);
      if (known != null) {
        return known;
      }
      int number = numbers.size();
      if (number == ids.length) {
        ids = Arrays.copyOf(ids, number * 2);
      }
      ids[number] = id;
      numbers.put(id, number);
      return number;
    }

    int size() {
      return numbers.size();
    }

    long[] ids() {
      return Arrays.copyOf(ids, numbers.size());
    }
  }

  /**
   * The pairs of one primary: for each node with an inner edge, a breadth-first search collects
   * what it reaches (the list of reached nodes is also the search's queue), and the pairs are
   * handed out before the next node is searched.
   */
  static final class PairIterator implements Iterator<Tuple3<Long, Long, Long>> {
    private final Long primaryId;
    private final InnerGraph graph;
    private final int[] visitedBy;
    private final int[] reached;
    private int source = -1;
    private int reachedCount;
    private int handedOut;

    PairIterator(Long primaryId, InnerGraph graph) {
      this.primaryId = primaryId;
      this.graph = graph;
      this.visitedBy = new int[graph.size()];
      this.reached = new int[graph.size()];
      Arrays.fill(visitedBy, -1);
      advance();
    }

    @Override
    public boolean hasNext() {
      return handedOut < reachedCount;
    }

    @Override
    public Tuple3<Long, Long, Long> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Tuple3<Long, Long, Long> pair = new Tuple3<>(
          primaryId, graph.nodeIds[source], graph.nodeIds[reached[handedOut++]]);
      if (handedOut == reachedCount) {
        advance();
      }
      return pair;
    }

    /** Searches from the next source that reaches at least one other node. */
    private void advance() {
      reachedCount = 0;
      handedOut = 0;
      while (reachedCount == 0 && ++source < graph.size()) {
        searchFromSource();
      }
    }

    private void searchFromSource() {
      visitedBy[source] = source;
      visitChildren(source);
      for (int queued = 0; queued < reachedCount; queued++) {
        visitChildren(reached[queued]);
      }
    }

    private void visitChildren(int node) {
      for (int e = graph.firstEdge[node]; e < graph.firstEdge[node + 1]; e++) {
        int target = graph.targets[e];
        if (visitedBy[target] != source) {
          visitedBy[target] = source;
          reached[reachedCount++] = target;
        }
      }
    }
  }
}
