package org.commonsimpact.dumps;

import java.io.File;
import java.net.URI;
import org.apache.hadoop.fs.Path;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;

/**
 * Where the dumps of a month live (SPEC §6): {@code <dumps-root>/<YYYY-MM>/<table>_<YYYY-MM>.tsv.bz2}
 * with {@code .md5} and {@code .sha256} files beside each, and {@code <YYYY-MM>/_manifest.json}.
 *
 * <p>A root without a scheme is a local folder (made absolute); a root with a scheme ({@code
 * hdfs://}, {@code s3a://}, {@code file:}) is used as given.
 */
public final class DumpLayout {
  public static final String MANIFEST = "_manifest.json";

  private DumpLayout() {}

  /** The folder of the month's dumps. */
  public static Path monthFolder(String dumpsRoot, Month month) {
    return new Path(qualify(dumpsRoot), month.toString());
  }

  /** The name of a table's dump for the month, e.g. {@code commons_edits_2024-02.tsv.bz2}. */
  public static String fileName(String table, Month month) {
    return table + "_" + month + ".tsv.bz2";
  }

  static Path qualify(String dumpsRoot) {
    if (dumpsRoot == null || dumpsRoot.isBlank()) {
      throw new InvalidInputException("--dumps-root is required by the dumps stage");
    }
    URI uri;
    try {
      uri = URI.create(dumpsRoot.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri != null && uri.getScheme() != null && uri.getScheme().length() > 1) {
      return new Path(dumpsRoot);
    }
    return new Path(new File(dumpsRoot).getAbsoluteFile().toURI());
  }
}
