package dev.kumo.tuning;

import dev.kumo.sigma.Level;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One tuning decision about one rule.
 *
 * @param rule the rule's id or name
 * @param action what to do with it
 * @param level the new level, for {@link Action#LEVEL}
 * @param reason why (shown by {@code kumo rules lint} and {@code explain})
 */
public record TuningEntry(String rule, Action action, @Nullable Level level, String reason, String file, int line)
    implements Serializable {

  /** What a tuning entry does. */
  public enum Action {
    /** The rule is not loaded. */
    DISABLE,
    /** The rule runs dry: counted, not reported (Sigma status {@code experimental}). */
    EXPERIMENTAL,
    /** The rule's level is replaced. */
    LEVEL
  }
}
