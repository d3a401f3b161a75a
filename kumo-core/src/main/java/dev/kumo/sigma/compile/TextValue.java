package dev.kumo.sigma.compile;

import dev.kumo.sigma.value.SigmaString;

/**
 * A string rule value on its way through the modifier chain. After a UTF-16 encoding the text holds
 * raw bytes (one char per byte, ISO-8859-1), marked by {@code binary}.
 */
record TextValue(SigmaString string, boolean binary) {
  static TextValue of(SigmaString s) {
    return new TextValue(s, false);
  }

  TextValue with(SigmaString s) {
    return new TextValue(s, binary);
  }
}
