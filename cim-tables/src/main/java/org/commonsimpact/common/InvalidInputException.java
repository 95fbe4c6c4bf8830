package org.commonsimpact.common;

/**
 * Input the pipeline refuses: bad arguments, a bad allow-list, malformed or missing source data.
 *
 * <p>The command line maps it to exit status 2 and prints its message as one {@code error:} line,
 * so the message must name the input at fault and fit on one line.
 */
public class InvalidInputException extends RuntimeException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
