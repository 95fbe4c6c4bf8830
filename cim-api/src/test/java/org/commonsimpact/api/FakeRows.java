package org.commonsimpact.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An in-memory {@link RowSource} for tests: answers each query with a function, records them. */
final class FakeRows implements RowSource {
  final List<PartitionQuery> queries = new ArrayList<>();
  private final Function<PartitionQuery, List<List<Object>>> answer;
  boolean reachable = true;

  FakeRows(Function<PartitionQuery, List<List<Object>>> answer) {
    this.answer = answer;
  }

  @Override
  public synchronized List<List<Object>> read(PartitionQuery query) {
    queries.add(query);
    return answer.apply(query);
  }

  @Override
  public Health health() {
    return new Health(reachable, "fake", reachable ? "" : "no node answered");
  }
}
