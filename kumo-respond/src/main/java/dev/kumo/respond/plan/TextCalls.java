package dev.kumo.respond.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines of a provider Kumo does not execute (Azure, GCP): each becomes an {@link ApiCall} with its text. */
final class TextCalls {
  private final String tool;
  final List<ApiCall> calls = new ArrayList<>();

  TextCalls(String tool) {
    this.tool = tool;
  }

  /** {@code words} after the tool name: the leading words without dashes are the command group. */
  TextCalls add(String... words) {
    StringBuilder group = new StringBuilder();
    StringBuilder cli = new StringBuilder(tool);
    boolean inGroup = true;
    for (String w : words) {
      if (w.startsWith("-") || w.startsWith("$") || w.contains("=") || w.contains("/")) {
        inGroup = false;
      }
      if (inGroup) {
        group.append(group.isEmpty() ? "" : " ").append(w);
      }
      cli.append(' ').append(w.startsWith("--") ? w : Shell.quote(w));
    }
    calls.add(new ApiCall(tool, group.toString(), Map.of(), cli.toString()));
    return this;
  }
}
