package org.commonsimpact.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal for small hand-built bodies. */
final class JsonText {
  private JsonText() {}

  static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
