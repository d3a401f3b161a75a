package dev.kumo.sigma.compile;

import dev.kumo.sigma.value.SigmaString;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values for the {@code expand} modifier's {@code %name%} placeholders, usually read from a YAML
 * file of {@code name: [value, ...]}. Values are Sigma strings (wildcards allowed). A rule using a
 * placeholder with no configured values is rejected, as the specification requires.
 */
public final class Placeholders implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Placeholders NONE = new Placeholders(Map.of());

  private final Map<String, List<String>> values;

  public Placeholders(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Map.copyOf(copy);
  }

  public Map<String, List<String>> values() {
    return values;
  }

  /** Replaces every placeholder in {@code v}, yielding one value per combination. */
  List<TextValue> expand(TextValue v, int line) {
    List<SigmaString.Builder> out = new ArrayList<>();
    out.add(new SigmaString.Builder());
    for (Object part : v.string().parts()) {
      if (!(part instanceof String s)) {
        for (SigmaString.Builder b : out) {
          b.wildcard((SigmaString.Wildcard) part);
        }
        continue;
      }
      int i = 0;
      StringBuilder literal = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '%') {
          literal.append('%');
          i += 2;
        } else if (c == '%') {
          int end = s.indexOf('%', i + 1);
          if (end < 0) {
            literal.append(c);
            i++;
            continue;
          }
          String name = s.substring(i + 1, end);
          List<String> vals = values.get(name);
          if (vals == null || vals.isEmpty()) {
            throw new RuleSyntaxException("placeholder %" + name
                + "% has no configured values (give them with --placeholders FILE)", line);
          }
          String lit = literal.toString();
          literal.setLength(0);
          List<SigmaString.Builder> next = new ArrayList<>();
          for (SigmaString.Builder b : out) {
            for (String val : vals) {
              SigmaString.Builder copy = new SigmaString.Builder().append(b.build()).text(lit);
              copy.append(SigmaString.parse(val));
              next.add(copy);
            }
          }
          if (next.size() > EncodingModifiers.MAX_VARIANTS) {
            throw new RuleSyntaxException("placeholders expand this value into more than "
                + EncodingModifiers.MAX_VARIANTS + " variants", line);
          }
          out = next;
          i = end + 1;
        } else {
          literal.append(c);
          i++;
        }
      }
      String lit = literal.toString();
      for (SigmaString.Builder b : out) {
        b.text(lit);
      }
    }
    List<TextValue> result = new ArrayList<>(out.size());
    for (SigmaString.Builder b : out) {
      result.add(v.with(b.build()));
    }
    return result;
  }
}
