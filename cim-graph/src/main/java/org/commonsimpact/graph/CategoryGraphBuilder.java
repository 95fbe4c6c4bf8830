package org.commonsimpact.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.SqlScript;

/**
 * Builds the month's category graph (SPEC §3) as temp views of the session: the per-primary trees
 * (shortest-path depth), their inner edges, the reachability over inner edges that defines deep
 * membership, and the two outputs {@code category_graph} and {@code category_file_membership}.
 *
 * <p>Each source table is read once: the commonswiki pages ({@code commons_pages}) and the counted
 * categorylinks ({@code counted_category_links}) are cached while the queries that share them run,
 * and the link targets are computed once. The sub-category edges are collected onto the driver as
 * a {@link SubcategoryGraph} (primitive arrays, bounded by the size of the category graph), and
 * one Spark job walks it for every primary ({@link PrimaryGraphRows}); SQL keeps the set logic
 * (loading the edges, the file links, the final rows). See docs/architecture.md for the bound.
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
    Dataset<Row> pages = cache("commons_pages");
    materialize("graph_categories");
    checkUniqueTitles();
    materialize("category_link_targets");
    Dataset<Row> links = cache("counted_category_links");

    session.createDataset(allowList, Encoders.STRING()).toDF("title").createOrReplaceTempView("allow_list");
    Dataset<Row> primaries = sql("primary_categories").localCheckpoint(true);
    primaries.createOrReplaceTempView("primary_categories");
    List<Long> primaryIds = new ArrayList<>();
    List<String> foundTitles = new ArrayList<>();
    for (Row row : primaries.collectAsList()) {
      primaryIds.add(row.getLong(0));
      foundTitles.add(row.getString(1));
    }
    List<String> found = allowList.stream().filter(foundTitles::contains).toList();
    List<String> notFound = allowList.stream().filter(t -> !foundTitles.contains(t)).toList();
    Progress.step(STAGE, "{} primary categories found, {} allow-list entries not found",
        found.size(), notFound.size());

    SubcategoryGraph graph = SubcategoryGraph.collect(sql("subcategory_edges"));
    Progress.step(STAGE, "sub-category graph in memory: {} categories with edges, {} edges",
        graph.nodeCount(), graph.edgeCount());
    registerPrimaryGraph(graph, primaryIds);
    register("category_reachability");
    materialize("category_file_links");
    Progress.step(STAGE, "file links of the graph's categories computed");
    links.unpersist();
    pages.unpersist();
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

  /**
   * Computes every primary's tree, inner edges and reachability in one job, and registers them as
   * the views {@code primary_category_trees}, {@code primary_inner_edges} and {@code
   * primary_reachable_pairs}.
   */
  private void registerPrimaryGraph(SubcategoryGraph graph, List<Long> primaryIds) {
    Dataset<Row> rows = PrimaryGraphRows.compute(session, graph, primaryIds, maxDepth);
    rows.where("kind = " + PrimaryGraphRows.TREE)
        .selectExpr("primary_id", "a AS category_id", "CAST(b AS INT) AS depth")
        .createOrReplaceTempView("primary_category_trees");
    rows.where("kind = " + PrimaryGraphRows.INNER_EDGE)
        .selectExpr("primary_id", "a AS parent_id", "b AS child_id")
        .createOrReplaceTempView("primary_inner_edges");
    Dataset<Row> pairs = rows.where("kind = " + PrimaryGraphRows.REACHES)
        .selectExpr("primary_id", "a AS from_id", "b AS to_id");
    pairs.createOrReplaceTempView("primary_reachable_pairs");
    Progress.step(STAGE, "trees, inner edges and deep reachability of {} primaries computed",
        primaryIds.size());
  }

  private void register(String name) {
    sql(name).createOrReplaceTempView(name);
  }

  /** Registers a view computed once: several later queries read it. */
  private void materialize(String name) {
    sql(name).localCheckpoint(true).createOrReplaceTempView(name);
  }

  /**
   * Registers a view over source rows, cached until {@link #build} has no more use for it: the
   * source table behind it is scanned once, however many queries read the view.
   */
  private Dataset<Row> cache(String name) {
    Dataset<Row> rows = sql(name).persist(StorageLevel.MEMORY_AND_DISK());
    rows.createOrReplaceTempView(name);
    rows.count();
    return rows;
  }

  private Dataset<Row> sql(String name) {
    return SqlScript.load(STAGE, name)
        .run(session, Map.of("month", month.toString(), "max_depth", maxDepth));
  }
}
