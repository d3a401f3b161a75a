package dev.kumo.posture.inventory.terraform;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One managed resource as it will exist after apply (plan) or exists now (state).
 *
 * @param address full address, e.g. {@code module.logs.aws_s3_bucket.this[0]}
 * @param module the module part of the address ({@code ""} for the root module, else e.g. {@code module.logs})
 * @param values attribute values; a value unknown until apply is absent
 * @param unknown {@code after_unknown} of the plan (empty for state): attributes known only after apply
 * @param expressions the resource's {@code configuration} expressions (empty when not exported)
 * @param providerKey the {@code provider_config_key} of its configuration ({@code ""} when not exported)
 */
record TfResource(String address, String module, String type, JsonObject values, JsonObject unknown,
    JsonObject expressions, String providerKey) {

  /** The value of {@code attr}, or null when absent, null or unknown. */
  @Nullable Object value(String attr) {
    Object v = values.get(attr);
    return v == null || v instanceof JsonNull ? null : v;
  }

  @Nullable String string(String attr) {
    return value(attr) instanceof String s ? s : null;
  }

  /** A non-empty string value, or null. */
  @Nullable String text(String attr) {
    String s = string(attr);
    return s == null || s.isEmpty() ? null : s;
  }

  @Nullable Boolean bool(String attr) {
    return value(attr) instanceof Boolean b ? b : null;
  }

  @Nullable Long number(String attr) {
    return number(value(attr));
  }

  static @Nullable Long number(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger b) {
      return b.longValue();
    }
    if (v instanceof BigDecimal d) {
      return d.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The nested blocks of {@code attr} (Terraform writes blocks as arrays of objects). */
  List<JsonObject> blocks(String attr) {
    return blocks(value(attr));
  }

  static List<JsonObject> blocks(@Nullable Object v) {
    List<JsonObject> out = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof JsonObject j) {
          out.add(j);
        }
      }
    } else if (v instanceof JsonObject j) {
      out.add(j);
    }
    return out;
  }

  /** The first nested block of {@code attr}, or null. */
  @Nullable JsonObject block(String attr) {
    List<JsonObject> b = blocks(attr);
    return b.isEmpty() ? null : b.get(0);
  }

  /** A list (or set) of strings, or null when absent. */
  @Nullable List<String> strings(String attr) {
    return ExportJson.strings(value(attr));
  }

  /** True when the plan says {@code attr} is known only after apply. */
  boolean isUnknown(String attr) {
    return Boolean.TRUE.equals(unknown.get(attr));
  }

  /**
   * The addresses {@code attr} refers to in the configuration, made absolute with this resource's module, e.g.
   * {@code aws_s3_bucket.data.id} → {@code aws_s3_bucket.data}. References to variables, locals, data
   * sources and other modules are left out.
   */
  List<String> references(String attr) {
    List<String> out = new ArrayList<>();
    if (!(expressions.get(attr) instanceof JsonObject e) || !(e.get("references") instanceof JsonArray refs)) {
      return out;
    }
    for (Object o : refs) {
      if (!(o instanceof String r)) {
        continue;
      }
      String[] parts = r.split("\\.");
      if (parts.length < 2 || !parts[0].contains("_") || parts[0].equals("each") || parts[0].equals("count")) {
        continue;
      }
      String addr = (module.isEmpty() ? "" : module + ".") + parts[0] + "." + parts[1];
      if (!out.contains(addr)) {
        out.add(addr);
      }
    }
    return out;
  }

  /** The address without instance keys, as the configuration writes it. */
  static String configAddress(String address) {
    return address.replaceAll("\\[(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\]]*)\\]", "");
  }

  /** The module part of an address, {@code ""} for the root module. */
  static String moduleOf(String address) {
    StringBuilder out = new StringBuilder();
    String rest = address;
    while (rest.startsWith("module.")) {
      int i = "module.".length();
      while (i < rest.length() && rest.charAt(i) != '.' && rest.charAt(i) != '[') {
        i++;
      }
      if (i < rest.length() && rest.charAt(i) == '[') {
        i = skipBracket(rest, i);
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(rest, 0, i);
      rest = i < rest.length() ? rest.substring(i + 1) : "";
    }
    return out.toString();
  }

  private static int skipBracket(String s, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ']' && !quoted) {
        return i + 1;
      }
    }
    return s.length();
  }
}
