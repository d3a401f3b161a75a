package dev.kumo.sigma.value;

import com.google.re2j.Pattern;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * The {@code re} modifier: an unanchored search with RE2/J, which runs in time linear in the input.
 * Case-sensitive unless the {@code i} flag is given.
 */
public final class RegexMatcher implements ValueMatcher {
  private static final long serialVersionUID = 1L;

  private final Pattern pattern;
  private final String flagsText;
  /** A substring every match contains, checked first; null when the regex has none. */
  private final @Nullable StringMatcher prefilter;

  public RegexMatcher(Pattern pattern, String flagsText) {
    this.pattern = pattern;
    this.flagsText = flagsText;
    String literal = RegexLiterals.requiredLiteral(pattern.pattern());
    boolean insensitive = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 || pattern.pattern().contains("(?");
    this.prefilter = literal == null ? null
        : StringMatcher.of(SigmaString.literal(literal).prependMulti().appendMulti(), !insensitive);
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
    if (prefilter != null && !prefilter.matches(s)) {
      return false;
    }
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
