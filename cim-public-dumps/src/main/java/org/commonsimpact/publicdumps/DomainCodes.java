package org.commonsimpact.publicdumps;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps the domain codes of the hourly pageview files ({@code en}, {@code en.m}, {@code commons.m},
 * {@code commons.m.m}, {@code www.wd}, ...) to projects ({@code en.wikipedia}), by building every
 * listed wiki's desktop and mobile code and inverting that map. A code two wikis would share is
 * left out, and codes of no listed wiki map to nothing: nothing is guessed.
 */
final class DomainCodes {
  private static final Map<String, String> SUFFIX = Map.of(
      "wikipedia", "",
      "wikibooks", ".b",
      "wiktionary", ".d",
      "wikimedia", ".m",
      "wikinews", ".n",
      "wikiquote", ".q",
      "wikisource", ".s",
      "wikiversity", ".v",
      "wikivoyage", ".voy");

  private DomainCodes() {}

  /** The project of a domain name: the name without a trailing {@code .org} (SPEC §9). */
  static String project(String domain) {
    return domain.endsWith(".org") ? domain.substring(0, domain.length() - 4) : domain;
  }

  /** domain code → project, for the given domain names. */
  static Map<String, String> codes(Iterable<String> domains) {
    Map<String, String> codes = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String domain : domains) {
      String project = project(domain);
      for (String code : codesOf(project)) {
        String before = codes.putIfAbsent(code, project);
        if (before != null && !before.equals(project)) {
          ambiguous.add(code);
        }
      }
    }
    ambiguous.forEach(codes::remove);
    return codes;
  }

  /** The desktop and mobile codes of a project; none when its family has no known code. */
  static String[] codesOf(String project) {
    if (project.equals("www.wikidata")) {
      return new String[] {"www.wd", "m.wd"};
    }
    if (project.equals("www.mediawiki")) {
      return new String[] {"www.w", "m.w"};
    }
    int dot = project.indexOf('.');
    if (dot <= 0 || project.indexOf('.', dot + 1) >= 0) {
      return new String[0];
    }
    String lang = project.substring(0, dot);
    String suffix = SUFFIX.get(project.substring(dot + 1));
    if (suffix == null) {
      return new String[0];
    }
    return new String[] {lang + suffix, lang + ".m" + suffix};
  }
}
