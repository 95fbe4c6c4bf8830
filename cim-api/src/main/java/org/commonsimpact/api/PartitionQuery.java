package org.commonsimpact.api;

import java.util.List;

/**
 * A validated request: the endpoint and the values to bind to its one query ({@link
 * Endpoint#cql}), in order: the partition key (strings; {@code year}/{@code month} as integers),
 * then for a series the {@code start} and {@code end} instants.
 *
 * @param endpoint the endpoint asked for
 * @param values the bind values
 */
public record PartitionQuery(Endpoint endpoint, List<Object> values) {
  public PartitionQuery {
    values = List.copyOf(values);
  }
}
