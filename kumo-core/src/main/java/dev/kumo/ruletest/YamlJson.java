package dev.kumo.ruletest;

import dev.kumo.json.JsonText;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import java.util.Map;

/** Converts YAML nodes (test events written in YAML) to the JSON tree. */
final class YamlJson {
  private YamlJson() {}

  static Object toJson(YNode node) {
    StringBuilder sb = new StringBuilder();
    append(node, sb);
    return JsonTreeReader.lenient().read(sb.toString());
  }

  private static void append(YNode node, StringBuilder sb) {
    if (node instanceof YMap m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        JsonText.appendString(sb, e.getKey());
        sb.append(':');
        append(e.getValue(), sb);
      }
      sb.append('}');
    } else if (node instanceof YList l) {
      sb.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(l.items().get(i), sb);
      }
      sb.append(']');
    } else {
      YScalar s = (YScalar) node;
      Object v = s.value();
      if (v == null) {
        sb.append("null");
      } else if (v instanceof String str) {
        JsonText.appendString(sb, str);
      } else if (v instanceof Double d && !Double.isFinite(d)) {
        JsonText.appendString(sb, s.raw());
      } else {
        sb.append(v);
      }
    }
  }
}
