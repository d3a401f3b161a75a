package dev.kumo.incident;

import dev.kumo.attack.Tactic;
import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One step of an incident's attack chain: what its findings of one tactic show.
 *
 * @param tactic the tactic (steps are ordered by {@link Tactic} kill-chain order)
 * @param first earliest finding of the step
 * @param last latest finding of the step
 * @param level the most severe finding of the step
 * @param techniques technique ids seen, sorted
 * @param text one sentence a person can read, e.g. "12 findings: Secrets read in bulk (25x
 *     GetSecretValue) by arn:... from 203.0.113.7" (raw log text: escape it for the medium)
 * @param findings how many findings the step has
 */
public record NarrativeStep(Tactic tactic, Instant first, Instant last, Level level, List<String> techniques,
    String text, int findings) implements Serializable {
  public NarrativeStep {
    techniques = List.copyOf(techniques);
  }
}
