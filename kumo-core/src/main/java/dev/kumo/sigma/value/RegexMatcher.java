package dev.kumo.sigma.value;

import com.google.re2j.Pattern;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;

/**
 * The {@code re} modifier: an unanchored search with RE2/J, which runs in time linear in the input.
 * Case-sensitive unless the {@code i} flag is given.
 */
public final class RegexMatcher implements ValueMatcher {
  private static final long serialVersionUID = 1L;

  private final Pattern pattern;
  private final String flagsText;

  public RegexMatcher(Pattern pattern, String flagsText) {
    this.pattern = pattern;
    this.flagsText = flagsText;
  }

  public Pattern pattern() {
    return pattern;
  }

  @Override
  public boolean test(Object leaf) {
    if (leaf == JsonNull.INSTANCE) {
      return false;
    }
    String s = leaf instanceof String str ? str
        : leaf instanceof JsonObject o ? o.toJson() : JsonText.scalarText(leaf);
    return pattern.matcher(s).find();
  }

  @Override
  public String describe() {
    return "matches regex /" + pattern.pattern() + "/" + flagsText;
  }

  @Override
  public String toString() {
    return describe();
  }
}
