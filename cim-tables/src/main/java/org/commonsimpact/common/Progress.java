package org.commonsimpact.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One progress line per stage step on stderr, through the {@code cim.progress} logger. */
public final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger("cim.progress");

  private Progress() {}

  public static void step(String stage, String message, Object... args) {
    LOG.info("[" + stage + "] " + message, args);
  }
}
