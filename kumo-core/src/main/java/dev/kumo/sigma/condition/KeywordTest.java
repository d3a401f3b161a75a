package dev.kumo.sigma.condition;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.value.ValueMatcher;

/**
 * A keyword (field-less) search: true when any string value anywhere in the record matches.
 * Keys are not searched, only values.
 */
public record KeywordTest(ValueMatcher matcher) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return search(record);
  }

  private boolean search(Object node) {
    if (node instanceof String s) {
      return matcher.test(s);
    }
    if (node instanceof JsonObject o) {
      for (int i = 0, n = o.size(); i < n; i++) {
        if (search(o.valueAt(i))) {
          return true;
        }
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0, n = a.size(); i < n; i++) {
        if (search(a.get(i))) {
          return true;
        }
      }
    }
    return false;
  }
}
