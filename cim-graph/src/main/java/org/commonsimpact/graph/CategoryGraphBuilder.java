package org.commonsimpact.graph;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.SqlScript;

/**
 * Builds the month's category graph (SPEC §3) as temp views of the session: the per-primary trees
 * by level-synchronous breadth-first expansion (at most D joins, shortest-path depth by
 * construction), their inner edges, the reachability closure over inner edges that defines deep
 * membership ({@link PrimaryReachability}), and the two outputs {@code category_graph} and {@code
 * category_file_membership}.
 *
 * <p>Each expansion level is a distributed join of the frontier with the edge list, checkpointed
 * so that lineage stays short; the anti-join reads the union of the checkpointed levels. No step
 * collects the graph on the driver. See docs/architecture.md for the cost model.
 */
public final class CategoryGraphBuilder {
  private static final String STAGE = "graph";

  private final SparkSession session;
  private final Month month;
  private final int maxDepth;

  public CategoryGraphBuilder(SparkSession session, Month month, int maxDepth) {
    this.session = session;
    this.month = month;
    this.maxDepth = maxDepth;
  }

  /** Result of {@link #build}: which allow-listed titles are categories this month. */
  public record Result(List<String> found, List<String> notFound) {}

  /**
   * Registers every view of the graph for the allow-listed titles; afterwards {@code
   * category_graph} and {@code category_file_membership} are ready to be written.
   */
  public Result build(List<String> allowList) {
    materialize("graph_categories");
    checkUniqueTitles();
    register("category_link_targets");
    materialize("subcategory_edges");
    materialize("category_file_links");

    session.createDataset(allowList, Encoders.STRING()).toDF("title").createOrReplaceTempView("allow_list");
    Dataset<Row> primaries = sql("primary_categories").localCheckpoint(true);
    primaries.createOrReplaceTempView("primary_categories");
    List<String> foundTitles =
        primaries.select("primary_title").as(Encoders.STRING()).collectAsList();
    List<String> found = allowList.stream().filter(foundTitles::contains).toList();
    List<String> notFound = allowList.stream().filter(t -> !foundTitles.contains(t)).toList();
    Progress.step(STAGE, "{} primary categories found, {} allow-list entries not found",
        found.size(), notFound.size());

    expandTrees(primaries);
    materialize("primary_inner_edges");
    closeReachability();
    return new Result(found, notFound);
  }

  /** The month's graph rows, in the column order of {@code commons.category_graph}. */
  public Dataset<Row> categoryGraph() {
    return sql("category_graph");
  }

  /** The month's deep membership rows, in the column order of the membership table. */
  public Dataset<Row> categoryFileMembership() {
    return sql("category_file_membership");
  }

  private void checkUniqueTitles() {
    List<Row> duplicates = sql("duplicate_category_titles").collectAsList();
    if (!duplicates.isEmpty()) {
      throw new InvalidInputException("source.mediawiki_page: " + month + " has several "
          + "commonswiki category pages titled " + duplicates.stream()
              .map(r -> "'" + r.getString(0) + "'").toList()
          + "; the category graph would be ambiguous");
    }
  }

  private void expandTrees(Dataset<Row> primaries) {
    Dataset<Row> frontier =
        primaries.selectExpr("primary_id", "primary_id AS category_id", "0 AS depth");
    Dataset<Row> reached = frontier;
    for (int depth = 1; depth <= maxDepth; depth++) {
      frontier.createOrReplaceTempView("tree_frontier");
      reached.select("primary_id", "category_id").createOrReplaceTempView("tree_reached");
      frontier = sql("primary_tree_expansion").localCheckpoint(true);
      if (frontier.isEmpty()) {
        break;
      }
      reached = reached.union(frontier);
      Progress.step(STAGE, "trees expanded to depth {}", depth);
    }
    // One copy of the whole tree: later joins read it with fresh column ids.
    reached.localCheckpoint(true).createOrReplaceTempView("primary_category_trees");
  }

  private void closeReachability() {
    Dataset<Row> pairs =
        PrimaryReachability.of(session.table("primary_inner_edges")).localCheckpoint(true);
    pairs.createOrReplaceTempView("primary_reachable_pairs");
    register("category_reachability");
    Progress.step(STAGE, "deep membership: {} pairs of categories reaching another one",
        pairs.count());
  }

  private void register(String name) {
    sql(name).createOrReplaceTempView(name);
  }

  /** Registers a view computed once: every expansion round reads it again. */
  private void materialize(String name) {
    sql(name).localCheckpoint(true).createOrReplaceTempView(name);
  }

  private Dataset<Row> sql(String name) {
    return SqlScript.load(STAGE, name)
        .run(session, Map.of("month", month.toString(), "max_depth", maxDepth));
  }
}
