package dev.kumo.respond.custody;

import org.jspecify.annotations.Nullable;

/** What a ledger entry records. */
public enum EntryKind {
  /** Something a responder or Kumo did (a step started, a decision). */
  ACTION("action"),
  /** One cloud API call, with its request id and outcome in the details. */
  API_CALL("api-call"),
  /** A file acquired as evidence, hashed when it was recorded. */
  ARTIFACT("artifact"),
  /** Evidence or responsibility passed from one person to another. */
  HAND_OVER("hand-over"),
  /** A free remark. */
  NOTE("note");

  private final String id;

  EntryKind(String id) {
    this.id = id;
  }

  /** The name written in the ledger's {@code kind} field. */
  public String id() {
    return id;
  }

  /** The kind written as {@code id}, or null if there is none. */
  public static @Nullable EntryKind fromId(String id) {
    for (EntryKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
