package org.commonsimpact.api;

/**
 * The data store did not answer (no node reachable, a timeout): answered with 503, not 500,
 * because retrying later may succeed.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
