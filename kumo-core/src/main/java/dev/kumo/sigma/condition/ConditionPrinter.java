package dev.kumo.sigma.condition;

/** Renders a compiled condition as an indented tree for people ({@code kumo rules explain}). */
public final class ConditionPrinter {
  private ConditionPrinter() {}

  public static String print(Condition c) {
    StringBuilder sb = new StringBuilder();
    print(c, 0, sb);
    return sb.toString();
  }

  private static void print(Condition c, int depth, StringBuilder sb) {
    String indent = "  ".repeat(depth);
    if (c instanceof Search s) {
      sb.append(indent).append("search '").append(s.name()).append("':\n");
      print(s.body(), depth + 1, sb);
    } else if (c instanceof AllOf a) {
      sb.append(indent).append("all of:\n");
      a.items().forEach(i -> print(i, depth + 1, sb));
    } else if (c instanceof AnyOf a) {
      sb.append(indent).append("any of:\n");
      a.items().forEach(i -> print(i, depth + 1, sb));
    } else if (c instanceof AtLeast a) {
      sb.append(indent).append("at least ").append(a.n()).append(" of:\n");
      a.items().forEach(i -> print(i, depth + 1, sb));
    } else if (c instanceof Not n) {
      sb.append(indent).append("not:\n");
      print(n.item(), depth + 1, sb);
    } else if (c instanceof FieldTest t) {
      sb.append(indent).append(t.field().name()).append(' ').append(t.matcher().describe()).append('\n');
    } else if (c instanceof FieldExists e) {
      sb.append(indent).append(e.field().name()).append(e.expected() ? " exists" : " does not exist").append('\n');
    } else if (c instanceof FieldIsNull n) {
      sb.append(indent).append(n.field().name()).append(" is null or absent\n");
    } else if (c instanceof FieldRefTest r) {
      sb.append(indent).append(r.field().name()).append(' ').append(r.op().name().toLowerCase(java.util.Locale.ROOT))
          .append(" the value of field ").append(r.other().name()).append(r.cased() ? " (cased)" : "").append('\n');
    } else if (c instanceof KeywordTest k) {
      sb.append(indent).append("any value in the record ").append(k.matcher().describe()).append('\n');
    } else if (c instanceof Constant k) {
      sb.append(indent).append(k.value() ? "always true" : "never true").append('\n');
    }
  }
}
