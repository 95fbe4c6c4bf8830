package org.commonsimpact.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;

/**
 * The parameters of one synthetic world: how many entities of each kind it has at a scale, and the
 * id layout shared by every table (so that a page id, a link target id or a file index drawn in one
 * table denotes the same thing in another).
 *
 * <p>Every count is a per-unit figure times the scale (with small floors so that tiny test worlds
 * still have every feature); all fractions (extra parents, cycles, NULLs, boundary timestamps...)
 * are probabilities applied per row, so row counts grow linearly with the scale.
 *
 * <p>Id layout. Commons categories have key {@code c} (page id and link target id {@code c + 1});
 * the mega-category tree has keys from {@link #MEGA_CATEGORY_KEY}. Files have an index {@code g}:
 * regular files {@code [0, files)}, mega files from {@link #MEGA_FILE_G}, files that exist only on
 * a local wiki (not on Commons) from {@link #LOCAL_FILE_G}; a Commons file page has id
 * {@code FILE_PAGE_BASE + 1 + g}, and a file link target has that id on Commons and {@code 1 + g}
 * on the other wikis (so link target ids of different wikis overlap, as in MediaWiki). Article
 * {@code j} has page id {@code 1 + j} on its wiki (overlapping Commons category ids), or
 * {@code GALLERY_BASE + 1 + j} when the wiki is Commons.
 */
public final class WorldPlan {
  /** Per unit of scale. */
  static final long CATEGORIES = 40_000;
  static final long FILES = 100_000;
  static final long ARTICLES = 80_000;
  static final long TEMPLATES = 2_000;
  static final long IMAGELINKS = 100_000;
  static final long REVISIONS = 120_000;
  static final long ACTORS = 10_000;
  static final long PAGEVIEWS = 220_000;
  static final long SMALL_PRIMARIES = 400;
  static final long CHAINS = 10;
  static final long LOCAL_FILES = 500;
  /** Mega-category figures per unit of scale: at scale 4, 5,000,000 leveraging pages. */
  static final long MEGA_PAGES = 1_250_000;
  static final long MEGA_FILES = 2_000;
  static final long MEGA_CATEGORIES = 40;
  /** Categories per deep chain; depths 1..12 below the chain's anchor, so deeper than 7. */
  public static final int CHAIN_LENGTH = 12;

  static final long MISSING_LT_BASE = 50_000_000L;
  static final long WRONG_NS_LT_BASE = 60_000_000L;
  static final long LOCAL_FILE_G = 70_000_000L;
  static final long MEGA_FILE_G = 80_000_000L;
  static final long MEGA_CATEGORY_KEY = 90_000_000L;
  static final long NO_PAGE_CL_FROM = 99_000_000L;
  static final long FILE_PAGE_BASE = 100_000_000L;
  static final long GALLERY_BASE = 300_000_000L;
  static final long MEGA_PAGE_BASE = 400_000_000L;
  static final long NO_PAGE_IL_FROM = 450_000_000L;
  static final long TEMPLATE_BASE = 500_000_000L;
  static final long MEGA_REV_BASE = 900_000_000L;
  static final long MISSING_ACTOR_BASE = 10_000_000L;

  public final double scale;
  public final long seed;
  public final Month month;
  public final boolean mega;

  /** Regular Commons categories, chains included: keys {@code [0, categories)}. */
  public final long categories;
  /** First key of the deep chains: {@code [chainBase, categories)} are chain categories. */
  public final long chainBase;
  public final long chains;
  public final long files;
  public final long articles;
  public final long templates;
  public final long imagelinks;
  public final long revisions;
  public final long actors;
  public final long pageviews;
  public final long smallPrimaries;
  public final long localFiles;
  public final long missingTargets;
  public final long wrongNamespaceTargets;
  public final long oddLinks;
  public final long megaPages;
  public final long megaFiles;
  public final long megaCategories;

  /** Multiplier of the scrambling bijection {@code k -> (k * m + o) mod n} over file ranks. */
  final long fileScramble;
  final long articleScramble;
  final long categoryScramble;
  final long primaryScramble;
  final long offset;

  public WorldPlan(double scale, long seed, Month month, boolean mega) {
    if (!(scale > 0) || scale > 1000) {
      throw new InvalidInputException("invalid --scale " + scale + ": expected a number in (0, 1000]");
    }
    this.scale = scale;
    this.seed = seed;
    this.month = month;
    this.mega = mega;
    this.chains = atLeast(2, CHAINS);
    long chainCategories = chains * CHAIN_LENGTH;
    this.categories = Math.max(atLeast(200, CATEGORIES), 10 * chainCategories);
    this.chainBase = categories - chainCategories;
    this.files = atLeast(300, FILES);
    this.articles = atLeast(200, ARTICLES);
    this.templates = atLeast(10, TEMPLATES);
    this.imagelinks = atLeast(300, IMAGELINKS);
    this.revisions = atLeast(300, REVISIONS);
    this.actors = atLeast(30, ACTORS);
    this.pageviews = Math.max(atLeast(100, PAGEVIEWS), 2L * 24 * month.lengthInDays());
    this.smallPrimaries = atLeast(5, SMALL_PRIMARIES);
    this.localFiles = atLeast(5, LOCAL_FILES);
    this.missingTargets = atLeast(5, CATEGORIES / 100);
    this.wrongNamespaceTargets = atLeast(5, CATEGORIES / 200);
    this.oddLinks = atLeast(5, CATEGORIES / 200);
    this.megaPages = mega ? atLeast(1000, MEGA_PAGES) : 0;
    this.megaFiles = mega ? atLeast(20, MEGA_FILES) : 0;
    this.megaCategories = mega ? atLeast(4, MEGA_CATEGORIES) : 0;
    this.offset = Math.floorMod(seed * 0x9E3779B97F4A7C15L, 1_000_003L);
    this.fileScramble = coprime(files, 7_919L);
    this.articleScramble = coprime(articles, 104_729L);
    this.categoryScramble = coprime(chainBase, 15_485_863L);
    this.primaryScramble = coprime(chainBase - 4, 1_299_709L);
    if (chainBase - 4 < smallPrimaries) {
      throw new IllegalStateException("too few categories for the primaries");
    }
  }

  private long atLeast(long floor, long perUnit) {
    return Math.max(floor, Math.round(perUnit * scale));
  }

  /** The smallest {@code m >= start} coprime with {@code n}. */
  private static long coprime(long n, long start) {
    long m = Math.max(1, start);
    while (!BigInteger.valueOf(m).gcd(BigInteger.valueOf(n)).equals(BigInteger.ONE)) {
      m++;
    }
    return m;
  }

  /** Key of the k-th small primary category (0 &le; k &lt; smallPrimaries), distinct for each k. */
  public long smallPrimary(long k) {
    return 4 + Math.floorMod(k * primaryScramble + offset, chainBase - 4);
  }

  /** SQL for {@link #smallPrimary} of a BIGINT expression. */
  String smallPrimarySql(String k) {
    return "(4 + pmod(" + k + " * " + primaryScramble + "L + " + offset + "L, " + (chainBase - 4)
        + "L))";
  }

  /**
   * Category the k-th chain hangs from: chain 0 from primary 1, chain 1 from primary 2, the others
   * from small primaries.
   */
  public long chainAnchor(long k) {
    if (k == 0) {
      return 1;
    }
    if (k == 1) {
      return 2;
    }
    return smallPrimary(Math.floorMod(k - 2, smallPrimaries));
  }

  /** Keys of the allow-listed categories: the three big primaries, then the small ones, then mega. */
  public List<Long> primaryKeys() {
    List<Long> keys = new ArrayList<>(List.of(1L, 2L, 3L));
    for (long k = 0; k < smallPrimaries; k++) {
      keys.add(smallPrimary(k));
    }
    if (mega) {
      keys.add(MEGA_CATEGORY_KEY);
    }
    return keys;
  }

  /** Page id (= link target id) of the category with a key. */
  public static long categoryPageId(long key) {
    return key + 1;
  }

  /** Commons page id of the file with index g. */
  public static long filePageId(long g) {
    return FILE_PAGE_BASE + 1 + g;
  }

  @Override
  public String toString() {
    return "world(scale=" + scale + ", seed=" + seed + ", month=" + month + ", mega=" + mega
        + ": " + categories + " categories, " + files + " files, " + articles + " articles, "
        + smallPrimaries + " small primaries, " + chains + " chains"
        + (mega ? ", mega " + megaPages + " pages/" + megaFiles + " files" : "") + ")";
  }
}
