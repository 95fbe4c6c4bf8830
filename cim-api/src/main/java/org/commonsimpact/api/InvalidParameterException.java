package org.commonsimpact.api;

/**
 * A path parameter the API refuses (answered with 400): carries the parameter's name so that the
 * problem body can name it. The message is for the client and fits on one line.
 */
public final class InvalidParameterException extends RuntimeException {
  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The path parameter at fault, as named in the URL template. */
  public String parameter() {
    return parameter;
  }
}
