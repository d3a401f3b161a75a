package dev.kumo.testing;

import dev.kumo.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Selects records of Panther test files by log type, for sources whose test files mix log types
 * (Panther's EKS tests hold Azure and Cloudflare records too).
 */
public final class PantherRecords {
  private PantherRecords() {}

  /**
   * The raw records of {@code relativeFile} whose {@code p_log_type} is one of {@code types}, plus
   * (when {@code untyped}) those without one, as JSON Lines.
   */
  public static byte[] ofTypes(String relativeFile, Set<String> types, boolean untyped) throws IOException {
    return asJsonLines(select(relativeFile, types, untyped));
  }

  /** The records selected as for {@link #ofTypes}. */
  public static List<JsonObject> select(String relativeFile, Set<String> types, boolean untyped) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (SourceTesting.PantherCase c : SourceTesting.pantherCases(relativeFile)) {
      Object t = c.log().get("p_log_type");
      if (t instanceof String s ? types.contains(s) : untyped) {
        out.add(c.log());
      }
    }
    return out;
  }

  /** Records as JSON Lines bytes. */
  public static byte[] asJsonLines(List<JsonObject> records) {
    StringBuilder sb = new StringBuilder();
    for (JsonObject o : records) {
      sb.append(o.toJson()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
