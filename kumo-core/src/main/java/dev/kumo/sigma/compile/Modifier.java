package dev.kumo.sigma.compile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every value modifier of the Sigma specification v2.1, with pySigma's aliases. */
public enum Modifier {
  CONTAINS("contains"),
  STARTSWITH("startswith"),
  ENDSWITH("endswith"),
  ALL("all"),
  EXISTS("exists"),
  CASED("cased"),
  NEQ("neq"),
  RE("re"),
  RE_I("i", "ignorecase"),
  RE_M("m", "multiline"),
  RE_S("s", "dotall"),
  CIDR("cidr"),
  BASE64("base64"),
  BASE64OFFSET("base64offset"),
  UTF16LE("utf16le", "wide"),
  UTF16BE("utf16be"),
  UTF16("utf16"),
  WINDASH("windash"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  FIELDREF("fieldref"),
  EXPAND("expand"),
  MINUTE("minute"),
  HOUR("hour"),
  DAY("day"),
  WEEK("week"),
  MONTH("month"),
  YEAR("year");

  private static final Map<String, Modifier> BY_NAME = new HashMap<>();

  static {
    for (Modifier m : values()) {
      for (String n : m.names) {
        BY_NAME.put(n, m);
      }
    }
  }

  private final String[] names;

  Modifier(String... names) {
    this.names = names;
  }

  /** The modifier with this name (case-insensitive), or null if unknown. */
  public static @Nullable Modifier byName(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  public String displayName() {
    return names[0];
  }

  boolean isRegexFlag() {
    return this == RE_I || this == RE_M || this == RE_S;
  }

  boolean isComparison() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  boolean isTimePart() {
    return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
  }

  boolean isEncoding() {
    return this == BASE64 || this == BASE64OFFSET || this == UTF16LE || this == UTF16BE || this == UTF16
        || this == WINDASH;
  }

  boolean isPosition() {
    return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
  }
}
