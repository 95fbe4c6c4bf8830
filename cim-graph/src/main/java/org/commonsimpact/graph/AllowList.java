package org.commonsimpact.graph;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonsimpact.common.InvalidInputException;

/**
 * The curated list of primary Commons categories, normalized to MediaWiki titles (SPEC §2.2, §9).
 *
 * <p>Each line, in this order: trim (code points up to U+0020) → skip blank and {@code #} lines →
 * decode {@code %XX} escapes as UTF-8 → strip one {@code Category:} prefix (ASCII case-insensitive)
 * → collapse runs of spaces and underscores to one {@code _} and drop edge underscores → upper-case
 * the first code point (unchanged when its upper case is several characters) → reject characters
 * MediaWiki forbids in titles → de-duplicate, keeping file order. The first bad line stops parsing
 * with an error naming its line number.
 */
public final class AllowList {
  private static final String PREFIX = "category:";
  private static final String FORBIDDEN = "#<>[]|{}\t\n";

  private final List<String> titles;

  private AllowList(List<String> titles) {
    this.titles = List.copyOf(titles);
  }

  /** Normalized, de-duplicated titles in file order; may contain the empty title. */
  public List<String> titles() {
    return titles;
  }

  /** Parses the raw bytes of an allow-list file; {@code source} names it in errors. */
  public static AllowList parse(byte[] content, String source) {
    String text;
    try {
      text = strictUtf8(content);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("allow-list " + source + " is not valid UTF-8");
    }
    String[] lines = text.split("\n", -1);
    Set<String> titles = new LinkedHashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String title = normalizeLine(lines[i], i + 1, source);
      if (title != null) {
        titles.add(title);
      }
    }
    return new AllowList(new ArrayList<>(titles));
  }

  /** The title a line stands for, or null for a blank or comment line. */
  static String normalizeLine(String line, int lineNumber, String source) {
    String trimmed = line.trim();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    String decoded = percentDecode(trimmed, lineNumber, source);
    String title = collapseSeparators(stripPrefix(decoded));
    title = upperCaseFirst(title);
    for (int i = 0; i < title.length(); i++) {
      if (FORBIDDEN.indexOf(title.charAt(i)) >= 0) {
        throw new InvalidInputException("allow-list " + source + " line " + lineNumber
            + ": title contains a character MediaWiki forbids ("
            + describe(title.charAt(i)) + ")");
      }
    }
    return title;
  }

  static String percentDecode(String text, int lineNumber, String source) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()
          && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = text.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
      }
    }
    try {
      return strictUtf8(bytes.toByteArray());
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("allow-list " + source + " line " + lineNumber
          + ": percent-escapes do not decode as UTF-8");
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static String stripPrefix(String text) {
    if (text.length() < PREFIX.length()) {
      return text;
    }
    for (int i = 0; i < PREFIX.length(); i++) {
      char c = text.charAt(i);
      char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
      if (lower != PREFIX.charAt(i)) {
        return text;
      }
    }
    return text.substring(PREFIX.length());
  }

  static String collapseSeparators(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '_') {
        pendingSeparator = true;
      } else {
        if (pendingSeparator && out.length() > 0) {
          out.append('_');
        }
        pendingSeparator = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  static String upperCaseFirst(String text) {
    if (text.isEmpty()) {
      return text;
    }
    int first = text.codePointAt(0);
    int width = Character.charCount(first);
    String upper = new String(Character.toChars(first)).toUpperCase(Locale.ROOT);
    if (upper.codePointCount(0, upper.length()) != 1) {
      return text;
    }
    return upper + text.substring(width);
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String describe(char c) {
    switch (c) {
      case '\t':
        return "tab";
      case '\n':
        return "newline";
      default:
        return "'" + c + "'";
    }
  }
}
