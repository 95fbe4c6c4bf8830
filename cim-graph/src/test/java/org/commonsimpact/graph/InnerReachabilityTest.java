package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The closure of inner edges ({@link InnerReachability} over a {@link SubcategoryGraph}), checked
 * without Spark against hand-computed cases and against a breadth-first oracle on random graphs
 * with cycles, diamonds and parallel edges; and the search's stop at nodes it must not expand.
 */
class InnerReachabilityTest {

  /** Every pair (from, to) of a graph where every node's edges are followed. */
  private static Set<String> close(long[][] edges) {
    SubcategoryGraph graph = SubcategoryGraph.of(edges);
    InnerReachability reach = new InnerReachability(graph);
    Set<String> result = new TreeSet<>();
    for (int source = 0; source < graph.nodeCount(); source++) {
      int count = reach.search(source, node -> true);
      for (int i = 0; i < count; i++) {
        String text = graph.idOf(source) + ">" + graph.idOf(reach.reached(i));
        assertFalse(result.contains(text), "pair handed out twice: " + text);
        result.add(text);
      }
    }
    return result;
  }

  @Test
  void chainReachesEverythingBelow() {
    assertEquals(Set.of("1>2", "1>3", "2>3"), close(new long[][] {{1, 2}, {2, 3}}));
  }

  @Test
  void cycleReachesItsOtherMembersButNeverItself() {
    assertEquals(
        Set.of("1>2", "1>3", "2>1", "2>3", "3>1", "3>2", "1>4", "2>4", "3>4"),
        close(new long[][] {{1, 2}, {2, 3}, {3, 1}, {3, 4}}));
  }

  @Test
  void diamondAndRepeatedEdgesGiveEachPairOnce() {
    assertEquals(
        Set.of("1>2", "1>3", "1>4", "2>4", "3>4"),
        close(new long[][] {{1, 2}, {1, 3}, {2, 4}, {3, 4}, {2, 4}}));
  }

  @Test
  void noEdgesNoPairs() {
    assertEquals(Set.of(), close(new long[0][]));
  }

  @Test
  void largeIdsAreKeptExactly() {
    long big = Long.MAX_VALUE - 1;
    assertEquals(Set.of("7>" + big, big + ">-3", "7>-3"), close(new long[][] {{7, big}, {big, -3}}));
  }

  @Test
  void randomGraphsAgreeWithBreadthFirstOracle() {
    Random random = new Random(20241123);
    for (int round = 0; round < 200; round++) {
      int nodes = 1 + random.nextInt(40);
      int edgeCount = random.nextInt(nodes * 3);
      long[][] edges = new long[edgeCount][];
      for (int e = 0; e < edgeCount; e++) {
        long parent = 1000 + random.nextInt(nodes);
        long child = 1000 + random.nextInt(nodes);
        if (parent == child) {
          child = 1000 + (child - 1000 + 1) % Math.max(2, nodes);
        }
        edges[e] = new long[] {parent, child};
      }
      assertEquals(oracle(edges), close(edges), "round " + round);
    }
  }

  @Test
  void nodesThatDoNotExpandAreReachedButNotFollowed() {
    SubcategoryGraph graph = SubcategoryGraph.of(new long[][] {{1, 2}, {2, 3}, {3, 4}, {3, 1}});
    InnerReachability reach = new InnerReachability(graph);
    int three = graph.nodeOf(3);
    int count = reach.search(graph.nodeOf(1), node -> node != three);
    Set<Long> reached = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      reached.add(graph.idOf(reach.reached(i)));
    }
    assertEquals(Set.of(2L, 3L), reached);
    assertEquals(0, reach.search(three, node -> node != three));
  }

  /** Reachability by breadth-first search from every node, excluding the node itself. */
  private static Set<String> oracle(long[][] edges) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (long[] edge : edges) {
      children.computeIfAbsent(edge[0], k -> new ArrayList<>()).add(edge[1]);
    }
    Set<String> pairs = new TreeSet<>();
    for (Long from : children.keySet()) {
      Set<Long> seen = new HashSet<>();
      ArrayDeque<Long> queue = new ArrayDeque<>(children.get(from));
      while (!queue.isEmpty()) {
        Long node = queue.poll();
        if (seen.add(node)) {
          queue.addAll(children.getOrDefault(node, List.of()));
        }
      }
      seen.remove(from);
      for (Long to : seen) {
        pairs.add(from + ">" + to);
      }
    }
    return pairs;
  }
}
