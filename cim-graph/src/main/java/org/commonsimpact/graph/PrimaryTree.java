package org.commonsimpact.graph;

import java.util.Arrays;

/**
 * Tree(P) of one primary P (SPEC §3): the categories at shortest-path distance at most D from P
 * along sub-category edges, found by a breadth-first search over a {@link SubcategoryGraph}.
 *
 * <p>Because the search takes the nodes in order of distance, a node is first reached at its
 * shortest depth; a node reached again (cycles, diamonds, edges back into P) is never queued
 * twice, so cycles end the search by themselves. The nodes of depth D are reached but not
 * expanded. One object serves many primaries in turn: its arrays, sized by the graph, are reused,
 * and a stamp per search tells the nodes of the current tree from those of earlier ones.
 */
final class PrimaryTree {
  private final SubcategoryGraph graph;
  private final int maxDepth;
  private final int[] depth;
  private final int[] inTreeOf;
  private final int[] order;
  private int stamp;
  private int size;

  PrimaryTree(SubcategoryGraph graph, int maxDepth) {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("max depth must be >= 0: " + maxDepth);
    }
    this.graph = graph;
    this.maxDepth = maxDepth;
    int nodes = graph.nodeCount();
    this.depth = new int[nodes];
    this.inTreeOf = new int[nodes];
    this.order = new int[nodes];
    Arrays.fill(inTreeOf, -1);
  }

  /** Replaces the tree with the one of the primary at node {@code root}. */
  void grow(int root) {
    nextStamp();
    inTreeOf[root] = stamp;
    depth[root] = 0;
    order[0] = root;
    size = 1;
    for (int at = 0; at < size; at++) {
      int node = order[at];
      int childDepth = depth[node] + 1;
      if (childDepth > maxDepth) {
        break; // breadth-first order: every later node is at depth D too
      }
      for (int e = graph.firstChild(node); e < graph.endChild(node); e++) {
        int child = graph.child(e);
        if (inTreeOf[child] != stamp) {
          inTreeOf[child] = stamp;
          depth[child] = childDepth;
          order[size++] = child;
        }
      }
    }
  }

  /** The number of categories in the tree, the primary included. */
  int size() {
    return size;
  }

  /** The i-th node of the tree in breadth-first order (node 0 is the primary). */
  int node(int i) {
    return order[i];
  }

  /** depth_P of a node of the current tree. */
  int depthOf(int node) {
    return depth[node];
  }

  /** Whether the node's outgoing edges are inner edges: it is in the tree at depth ≤ D − 1. */
  boolean expands(int node) {
    return inTreeOf[node] == stamp && depth[node] < maxDepth;
  }

  private void nextStamp() {
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(inTreeOf, -1);
      stamp = 0;
    }
    stamp++;
  }
}
