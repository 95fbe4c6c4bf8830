package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import scala.Tuple3;

/**
 * The per-primary closure of inner edges, checked without Spark against hand-computed cases and
 * against a breadth-first oracle on random graphs with cycles, diamonds and parallel edges.
 */
class PrimaryReachabilityTest {
  private static final long PRIMARY = 42L;

  private static Set<String> close(long[][] edges) {
    List<Tuple3<Long, Long, Long>> rows = new ArrayList<>();
    for (long[] edge : edges) {
      rows.add(new Tuple3<>(PRIMARY, edge[0], edge[1]));
    }
    Iterator<Tuple3<Long, Long, Long>> pairs =
        new PrimaryReachability.CloseOnePrimary().call(PRIMARY, rows.iterator());
    Set<String> result = new TreeSet<>();
    while (pairs.hasNext()) {
      Tuple3<Long, Long, Long> pair = pairs.next();
      assertEquals(PRIMARY, pair._1());
      String text = pair._2() + ">" + pair._3();
      assertFalse(result.contains(text), "pair handed out twice: " + text);
      result.add(text);
    }
    assertThrows(NoSuchElementException.class, pairs::next);
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
