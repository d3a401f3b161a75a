package dev.kumo.intel.taxii;

import java.io.IOException;

/**
 * A TAXII request that failed: unreachable or slow server, refused credentials, unknown collection,
 * an answer that is not TAXII 2.1 JSON. The message is one line, names the URL and never contains
 * a password or token.
 */
public final class TaxiiException extends IOException {
  private static final long serialVersionUID = 1L;

  public TaxiiException(String message) {
    super(message);
  }

  public TaxiiException(String message, Throwable cause) {
    super(message, cause);
  }
}
