package dev.kumo.serve.web;

import dev.kumo.incident.Incident;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanBuilder;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlaybookChoice;
import dev.kumo.respond.plan.Playbook;
import dev.kumo.respond.plan.PlaybookLibrary;
import dev.kumo.respond.plan.Provider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The response plan of an incident as the console and the API show it: built the way {@code kumo respond plan
 * --case DIR --incident ID} builds it ({@link PlanTargets#fromIncident(Incident, String, java.time.Instant)}, the
 * playbook that fits, AWS), never run; or why there is none. Only shipped playbooks can be asked for: a name from a
 * request never reaches the file system.
 *
 * @param targets what the plan acts on; null when the incident gives no valid targets at all
 * @param plan the plan; null when none can be built ({@link #problem} says why)
 * @param reason why the playbook was chosen (the fitting one, or the one asked for)
 * @param problem why there is no plan, or null
 * @param asked the playbook asked for ({@code ?playbook=}), or null for the fitting one
 * @param fitting the shipped playbooks whose targets the incident gives, in the library's order
 */
record PlanView(@Nullable PlanTargets targets, @Nullable Plan plan, @Nullable String reason, @Nullable String problem,
    @Nullable String asked, List<Playbook> fitting) {
  PlanView {
    fitting = List.copyOf(fitting);
  }

  /**
   * The plan for {@code incident}, with the shipped playbook {@code playbook} (null or blank: the one that fits).
   *
   * @throws WebError 400 when {@code playbook} names no shipped playbook
   */
  static PlanView of(Incident incident, @Nullable String playbook) {
    List<Playbook> library = PlaybookLibrary.builtin();
    String asked = playbook == null || playbook.isBlank() ? null : playbook;
    Playbook chosen = null;
    if (asked != null) {
      chosen = library.stream().filter(p -> p.id().equals(asked)).findFirst().orElseThrow(() -> new WebError(400,
          "unknown playbook: give one of " + library.stream().map(Playbook::id).toList()));
    }
    PlanTargets targets;
    try {
      targets = PlanTargets.fromIncident(incident, null, null);
    } catch (IllegalArgumentException e) {
      return new PlanView(null, null, null, "the incident gives no usable targets: " + e.getMessage(), asked,
          List.of());
    }
    List<Playbook> fitting = library.stream().filter(p -> p.targets().stream().allMatch(targets::has)).toList();
    String reason;
    if (chosen == null) {
      PlaybookChoice c;
      try {
        c = PlaybookChoice.fitting(targets);
      } catch (IllegalArgumentException e) {
        return new PlanView(targets, null, null, "the incident names no instance, long-term access key, role or "
            + "bucket for a plan to act on (see the notes for what it names instead)", null, fitting);
      }
      reason = c.reason();
      chosen = library.stream().filter(p -> p.id().equals(c.playbook())).findFirst().orElseThrow();
    } else {
      reason = "asked for (without it: " + fittingId(targets) + ")";
    }
    try {
      return new PlanView(targets, PlanBuilder.build(chosen, targets, Provider.AWS), reason, null, asked, fitting);
    } catch (IllegalArgumentException e) {
      return new PlanView(targets, null, reason, String.valueOf(e.getMessage()), asked, fitting);
    }
  }

  private static String fittingId(PlanTargets t) {
    try {
      return PlaybookChoice.fitting(t).playbook();
    } catch (IllegalArgumentException e) {
      return "none";
    }
  }
}
