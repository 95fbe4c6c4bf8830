package org.commonsimpact.graph;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The categories that one category reaches through inner edges of a primary (SPEC §3, Deep(c)):
 * a breadth-first search that follows the edges out of the nodes the primary's tree expands
 * (depth ≤ D − 1) and stops at the others.
 *
 * <p>The search excludes its source, even when a cycle leads back to it, and reaches each node
 * once however many paths lead there (diamonds). Its arrays are sized by the graph and reused
 * from one search to the next, so a task can search from every category of every primary of its
 * share with one allocation; the caller reads one source's result before the next search.
 */
final class InnerReachability {
  private final SubcategoryGraph graph;
  private final int[] visitedBy;
  private final int[] reached;
  private int stamp;
  private int reachedCount;

  InnerReachability(SubcategoryGraph graph) {
    this.graph = graph;
    int nodes = graph.nodeCount();
    this.visitedBy = new int[nodes];
    this.reached = new int[nodes];
    Arrays.fill(visitedBy, -1);
  }

  /**
   * Searches from {@code source}, following the edges out of the nodes that {@code expands}
   * accepts (the source included), and returns how many nodes other than the source it reaches;
   * they are {@link #reached(int)} 0 .. count − 1, in breadth-first order.
   */
  int search(int source, IntPredicate expands) {
    nextStamp();
    reachedCount = 0;
    visitedBy[source] = stamp;
    if (!expands.test(source)) {
      return 0;
    }
    visitChildren(source);
    for (int queued = 0; queued < reachedCount; queued++) {
      int node = reached[queued];
      if (expands.test(node)) {
        visitChildren(node);
      }
    }
    return reachedCount;
  }

  /** The i-th node reached by the last search. */
  int reached(int i) {
    return reached[i];
  }

  private void visitChildren(int node) {
    for (int e = graph.firstChild(node); e < graph.endChild(node); e++) {
      int child = graph.child(e);
      if (visitedBy[child] != stamp) {
        visitedBy[child] = stamp;
        reached[reachedCount++] = child;
      }
    }
  }

  private void nextStamp() {
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(visitedBy, -1);
      stamp = 0;
    }
    stamp++;
  }
}
