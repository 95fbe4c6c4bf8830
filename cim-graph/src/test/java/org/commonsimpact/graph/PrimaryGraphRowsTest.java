package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The in-memory graph algorithm ({@link PrimaryGraphRows} over {@link SubcategoryGraph}, without
 * Spark): trees with shortest-path depth, inner edges and inner reachability of SPEC §3, on
 * hand-made cases (cycles, the depth bound, diamonds, primaries inside other trees, a cycle back
 * into a primary) and on random graphs against an oracle that follows the SPEC's definitions.
 */
class PrimaryGraphRowsTest {
  private static final long P = 100;
  private static final long Q = 200;

  /** Rows as "kind primary a b" strings: T = tree (a at depth b), E = inner edge, R = reaches. */
  private static Set<String> rows(long[][] edges, int maxDepth, long... primaries) {
    List<Long> ids = new ArrayList<>();
    for (long primary : primaries) {
      ids.add(primary);
    }
    PrimaryGraphRows.RowIterator iterator =
        new PrimaryGraphRows.RowIterator(SubcategoryGraph.of(edges), maxDepth, ids.iterator());
    Set<String> result = new TreeSet<>();
    while (iterator.hasNext()) {
      Row row = iterator.next();
      String text = "TER".charAt(row.getInt(0)) + " " + row.getLong(1) + " " + row.getLong(2)
          + " " + row.getLong(3);
      assertFalse(result.contains(text), "row handed out twice: " + text);
      result.add(text);
    }
    assertThrows(NoSuchElementException.class, iterator::next);
    return result;
  }

  private static Set<String> set(String... rows) {
    return new TreeSet<>(List.of(rows));
  }

  @Test
  void cycleBackIntoThePrimaryGivesItAParentAndNeverLoops() {
    // P -> 1 -> 2 -> P
    assertEquals(
        set("T 100 100 0", "T 100 1 1", "T 100 2 2",
            "E 100 100 1", "E 100 1 2", "E 100 2 100",
            "R 100 100 1", "R 100 100 2", "R 100 1 2", "R 100 1 100", "R 100 2 100", "R 100 2 1"),
        rows(new long[][] {{P, 1}, {1, 2}, {2, P}}, 7, P));
  }

  @Test
  void depthBoundCutsTheTreeAndTheEdgesOutOfItsLastLevel() {
    // P -> 1 -> 2 -> 3, D = 2: 2 is in the tree, its edge to 3 is not inner.
    assertEquals(
        set("T 100 100 0", "T 100 1 1", "T 100 2 2",
            "E 100 100 1", "E 100 1 2",
            "R 100 100 1", "R 100 100 2", "R 100 1 2"),
        rows(new long[][] {{P, 1}, {1, 2}, {2, 3}}, 2, P));
  }

  @Test
  void depthIsTheShortestPathWhateverTheOrder() {
    // P -> 1 -> 2 -> 3 and P -> 3: 3 is at depth 1.
    Set<String> rows = rows(new long[][] {{P, 1}, {1, 2}, {2, 3}, {P, 3}}, 7, P);
    assertTrue(rows.contains("T 100 3 1"), rows.toString());
    assertFalse(rows.contains("T 100 3 3"), rows.toString());
  }

  @Test
  void diamondGivesEachCategoryAndPairOnce() {
    // P -> 1, P -> 2, 1 -> 3, 2 -> 3, 3 -> 4
    assertEquals(
        set("T 100 100 0", "T 100 1 1", "T 100 2 1", "T 100 3 2", "T 100 4 3",
            "E 100 100 1", "E 100 100 2", "E 100 1 3", "E 100 2 3", "E 100 3 4",
            "R 100 100 1", "R 100 100 2", "R 100 100 3", "R 100 100 4",
            "R 100 1 3", "R 100 1 4", "R 100 2 3", "R 100 2 4", "R 100 3 4"),
        rows(new long[][] {{P, 1}, {P, 2}, {1, 3}, {2, 3}, {3, 4}}, 7, P));
  }

  @Test
  void primaryInsideAnotherTreeHasItsOwnTree() {
    // P -> Q -> 1: Q's tree does not hold P.
    assertEquals(
        set("T 100 100 0", "T 100 200 1", "T 100 1 2",
            "E 100 100 200", "E 100 200 1",
            "R 100 100 200", "R 100 100 1", "R 100 200 1",
            "T 200 200 0", "T 200 1 1", "E 200 200 1", "R 200 200 1"),
        rows(new long[][] {{P, Q}, {Q, 1}}, 7, P, Q));
  }

  @Test
  void primaryWithoutEdgesIsItsOwnTree() {
    assertEquals(set("T 100 100 0", "T 200 200 0", "E 200 200 1", "R 200 200 1", "T 200 1 1"),
        rows(new long[][] {{Q, 1}}, 7, P, Q));
  }

  @Test
  void depthZeroKeepsOnlyThePrimaries() {
    assertEquals(set("T 100 100 0"), rows(new long[][] {{P, 1}, {1, P}}, 0, P));
  }

  @Test
  void selfLoopsAndRepeatedEdgesAreIgnored() {
    assertEquals(rows(new long[][] {{P, 1}}, 7, P),
        rows(new long[][] {{P, 1}, {P, 1}, {1, 1}, {P, P}}, 7, P));
  }

  @Test
  void noPrimariesNoRows() {
    assertEquals(set(), rows(new long[][] {{P, 1}}, 7));
  }

  @Test
  void randomGraphsAgreeWithTheSpecOracle() {
    Random random = new Random(20261201);
    for (int round = 0; round < 300; round++) {
      int nodes = 1 + random.nextInt(30);
      int edgeCount = random.nextInt(nodes * 3 + 1);
      long[][] edges = new long[edgeCount][];
      for (int e = 0; e < edgeCount; e++) {
        edges[e] = new long[] {1000 + random.nextInt(nodes), 1000 + random.nextInt(nodes)};
      }
      int primaryCount = random.nextInt(4);
      long[] primaries = new long[primaryCount];
      Set<Long> distinct = new HashSet<>();
      int kept = 0;
      for (int p = 0; p < primaryCount; p++) {
        long primary = 1000 + random.nextInt(nodes + 2); // sometimes a category without edges
        if (distinct.add(primary)) {
          primaries[kept++] = primary;
        }
      }
      long[] chosen = java.util.Arrays.copyOf(primaries, kept);
      int maxDepth = random.nextInt(6);
      assertEquals(oracle(edges, maxDepth, chosen), rows(edges, maxDepth, chosen),
          "round " + round);
    }
  }

  /**
   * SPEC §3 word for word: depth by repeated relaxation of distances, Tree(P) = depth ≤ D, inner
   * edges out of depth ≤ D − 1, reachability by depth-first search over the inner edges.
   */
  private static Set<String> oracle(long[][] edges, int maxDepth, long... primaries) {
    Set<List<Long>> edgeSet = new HashSet<>();
    for (long[] edge : edges) {
      if (edge[0] != edge[1]) {
        edgeSet.add(List.of(edge[0], edge[1]));
      }
    }
    Set<String> rows = new TreeSet<>();
    for (long primary : primaries) {
      Map<Long, Integer> depth = new HashMap<>();
      depth.put(primary, 0);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (List<Long> edge : edgeSet) {
          Integer from = depth.get(edge.get(0));
          if (from != null) {
            Integer to = depth.get(edge.get(1));
            if (to == null || to > from + 1) {
              depth.put(edge.get(1), from + 1);
              changed = true;
            }
          }
        }
      }
      depth.values().removeIf(d -> d > maxDepth);
      Map<Long, List<Long>> inner = new HashMap<>();
      for (Map.Entry<Long, Integer> entry : depth.entrySet()) {
        rows.add("T " + primary + " " + entry.getKey() + " " + entry.getValue());
      }
      for (List<Long> edge : edgeSet) {
        Integer from = depth.get(edge.get(0));
        if (from != null && from <= maxDepth - 1) {
          rows.add("E " + primary + " " + edge.get(0) + " " + edge.get(1));
          inner.computeIfAbsent(edge.get(0), k -> new ArrayList<>()).add(edge.get(1));
        }
      }
      for (Long from : depth.keySet()) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> stack = new ArrayDeque<>(inner.getOrDefault(from, List.of()));
        while (!stack.isEmpty()) {
          Long node = stack.pop();
          if (seen.add(node)) {
            stack.addAll(inner.getOrDefault(node, List.of()));
          }
        }
        seen.remove(from);
        for (Long to : seen) {
          rows.add("R " + primary + " " + from + " " + to);
        }
      }
    }
    return rows;
  }
}
