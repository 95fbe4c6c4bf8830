package org.commonsimpact.common;

/**
 * What a monthly run was asked to do, beyond the month: the options of {@code bin/cim run} that
 * stages read (SPEC §10).
 *
 * @param allowList where the allow-list is: a local path, a Hadoop file system URI or an http(s) URL
 * @param maxDepth the graph's depth bound D (SPEC §3)
 * @param dumpsRoot the folder dumps are written under, or null when the dumps stage does not run
 * @param partialPageviews relax the pageview readiness check to "some rows in the month" (SPEC §8)
 */
public record RunOptions(String allowList, int maxDepth, String dumpsRoot, boolean partialPageviews) {
  public static final int DEFAULT_MAX_DEPTH = 7;
}
