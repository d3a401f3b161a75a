package dev.kumo.respond.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the ordered, explained plan of a playbook for targets and a provider. The output depends only on its
 * inputs (no clock, no randomness): the same playbook and targets give the same plan, byte for byte.
 */
public final class PlanBuilder {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9-]*)}");
  private static final Map<String, String> EXPLAINED = explained();

  private PlanBuilder() {}

  /** The shipped playbook that fits the targets: instance, then access key, role, bucket ({@link PlaybookChoice}). */
  public static String defaultPlaybook(PlanTargets t) {
    return PlaybookChoice.fitting(t).playbook();
  }

  /**
   * The plan of {@code playbook} for {@code targets}. AWS plans need every target the playbook lists; Azure and
   * GCP plans name their resources by placeholders and exist for the playbooks whose step kinds they can express
   * (the compromised instance); any other is refused, naming the step.
   */
  public static Plan build(Playbook playbook, PlanTargets targets, Provider provider) {
    if (provider == Provider.AWS) {
      List<String> missing = playbook.targets().stream().filter(k -> !targets.has(k)).map(TargetKind::id).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("playbook " + playbook.id() + " needs " + String.join(", ", missing));
      }
    }
    CallRenderer renderer = switch (provider) {
      case AWS -> new AwsCalls();
      case AZURE -> new AzureCalls();
      case GCP -> new GcpCalls();
    };
    List<PlannedStep> steps = new ArrayList<>();
    Map<String, String> placeholders = new TreeMap<>();
    for (PlaybookStep s : playbook.steps()) {
      CallRenderer.Rendered r;
      try {
        r = renderer.render(s, targets, playbook.threat());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("playbook " + playbook.id() + " has no " + provider.id() + " plan: step '"
            + s.id() + "': " + e.getMessage(), e);
      }
      String explanation = explain(s, r.how());
      steps.add(new PlannedStep(steps.size() + 1, s, r.calls(), explanation));
      collect(explanation, placeholders);
      for (ApiCall c : r.calls()) {
        collect(c.cli(), placeholders);
        c.parameters().values().forEach(v -> collect(v, placeholders));
      }
    }
    return new Plan(id(playbook, targets, provider), playbook, provider, targets, steps, placeholders);
  }

  private static String explain(PlaybookStep s, String how) {
    StringBuilder sb = new StringBuilder(how);
    if (!s.preconditions().isEmpty()) {
      sb.append(" Runs only if ").append(String.join(", ", s.preconditions())).append(" succeeded");
      sb.append(s.effect() == Effect.CHANGE ? " (evidence first: a failed evidence step stops it)." : ".");
    }
    return sb.toString();
  }

  private static void collect(String text, Map<String, String> into) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      String why = EXPLAINED.get(name);
      if (why == null) {
        throw new IllegalStateException("placeholder ${" + name + "} has no explanation in placeholders.txt");
      }
      into.put(name, why);
    }
  }

  private static String id(Playbook p, PlanTargets t, Provider provider) {
    String key = String.join("\n", p.id(), provider.id(), String.valueOf(t.instance()), String.valueOf(t.accessKey()),
        String.valueOf(t.role()), String.valueOf(t.bucket()), String.valueOf(t.account()), String.valueOf(t.region()),
        String.valueOf(t.caseId()), String.valueOf(t.forensicAccount()), String.valueOf(t.image()),
        String.valueOf(t.compromiseStart()));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "plan-" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code name: explanation} lines of {@code placeholders.txt}. */
  private static Map<String, String> explained() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = PlanBuilder.class.getResourceAsStream("/dev/kumo/respond/playbooks/placeholders.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource placeholders.txt");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
          out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
