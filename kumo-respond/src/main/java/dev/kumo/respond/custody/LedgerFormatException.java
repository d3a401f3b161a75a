package dev.kumo.respond.custody;

/** A ledger line that is not a well-formed entry; the message is one line for people. */
public final class LedgerFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public LedgerFormatException(String message) {
    super(message);
  }
}
