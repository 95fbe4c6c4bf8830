package org.commonsimpact.publicdumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonsimpact.common.InvalidInputException;

/**
 * The {@code wikis} table (database code → domain name) from a saved SiteMatrix API answer
 * ({@code action=sitematrix&format=json&smlimit=max}) or a two-column TSV
 * ({@code database_code<TAB>domain_name}, an optional header row). Private wikis are skipped;
 * the domain is the host of each site's {@code url}.
 */
final class WikiList {
  private WikiList() {}

  /** database_code → domain_name, sorted by code. */
  static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("missing wikis list " + file);
    }
    return file.getFileName().toString().endsWith(".json") ? readSiteMatrix(file) : readTsv(file);
  }

  static Map<String, String> readSiteMatrix(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not a SiteMatrix JSON file: "
          + e.getMessage().split("\n")[0]);
    }
    JsonNode matrix = root == null ? null : root.get("sitematrix");
    if (matrix == null || !matrix.isObject()) {
      throw new InvalidInputException(file + ": no \"sitematrix\" object");
    }
    Map<String, String> wikis = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = matrix.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equals("specials")) {
        for (JsonNode site : entry.getValue()) {
          add(wikis, site, file);
        }
      } else if (entry.getValue().isObject() && entry.getValue().has("site")) {
        for (JsonNode site : entry.getValue().get("site")) {
          add(wikis, site, file);
        }
      }
    }
    if (wikis.isEmpty()) {
      throw new InvalidInputException(file + ": the SiteMatrix lists no wikis");
    }
    return wikis;
  }

  private static void add(Map<String, String> wikis, JsonNode site, Path file) {
    if (site.has("private")) {
      return;
    }
    JsonNode db = site.get("dbname");
    JsonNode url = site.get("url");
    if (db == null || url == null) {
      throw new InvalidInputException(file + ": a site without dbname or url: " + site);
    }
    String host;
    try {
      host = URI.create(url.asText()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      throw new InvalidInputException(file + ": site " + db.asText() + " has no host in its url '"
          + url.asText() + "'");
    }
    wikis.put(db.asText(), host);
  }

  static Map<String, String> readTsv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read wikis list " + file + ": " + e.getMessage());
    }
    Map<String, String> wikis = new TreeMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isEmpty() || (n == 0 && line.startsWith("database_code\t"))) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
        throw new InvalidInputException(file + ": line " + (n + 1)
            + ": expected database_code<TAB>domain_name");
      }
      wikis.put(fields[0], fields[1]);
    }
    return wikis;
  }
}
