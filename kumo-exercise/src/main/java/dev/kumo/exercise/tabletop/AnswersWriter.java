package dev.kumo.exercise.tabletop;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes {@link Answers} as an answers file that {@link AnswersReader} reads back to equal answers. */
public final class AnswersWriter {
  private AnswersWriter() {}

  /** The answers as YAML; every string is double-quoted and escaped, so any text round-trips. */
  public static String write(Answers a) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Answers recorded by kumo tabletop; replay with: kumo tabletop run ")
        .append(a.tabletop()).append(" --answers FILE\n");
    sb.append("tabletop: ").append(q(a.tabletop())).append('\n');
    sb.append("team:\n");
    for (Answers.Member m : a.team()) {
      sb.append("  - {name: ").append(q(m.name())).append(", role: ").append(q(m.role())).append("}\n");
    }
    sb.append("injects:\n");
    for (Map.Entry<String, Answers.Response> e : a.injects().entrySet()) {
      Answers.Response r = e.getValue();
      sb.append("  ").append(q(e.getKey())).append(":\n");
      at(sb, "    ", r.at());
      sb.append("    owners: [");
      for (int i = 0; i < r.owners().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(q(r.owners().get(i)));
      }
      sb.append("]\n    actions:\n");
      for (Answers.Action act : r.actions()) {
        sb.append("      - do: ").append(q(act.text())).append('\n');
        if (act.owner() != null) {
          sb.append("        owner: ").append(q(act.owner())).append('\n');
        }
        at(sb, "        ", act.at());
      }
    }
    return sb.toString();
  }

  private static void at(StringBuilder sb, String indent, @Nullable Instant at) {
    if (at != null) {
      sb.append(indent).append("at: ").append(q(at.toString())).append('\n');
    }
  }

  /** A YAML double-quoted scalar. */
  static String q(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
