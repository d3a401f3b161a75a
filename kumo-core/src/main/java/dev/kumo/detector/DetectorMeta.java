package dev.kumo.detector;

import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.RuleOrigin;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link RuleMeta} of a built-in detector (author Kumo, Apache-2.0, status stable). */
public final class DetectorMeta {
  private final String name;
  private final String id;
  private final String title;
  private String description = "";
  private Level level = Level.MEDIUM;
  private String status = "stable";
  private final List<String> tags = new ArrayList<>();
  private final List<String> references = new ArrayList<>();
  private final List<String> falsepositives = new ArrayList<>();

  private DetectorMeta(String name, String id, String title) {
    this.name = name;
    this.id = id;
    this.title = title;
  }

  /**
   * @param name the detector's name, {@code kumo_<provider>_<what>}: how users refer to it
   * @param id a fixed UUID
   */
  public static DetectorMeta of(String name, String id, String title) {
    return new DetectorMeta(name, id, title);
  }

  public DetectorMeta description(String text) {
    this.description = text;
    return this;
  }

  public DetectorMeta level(Level l) {
    this.level = l;
    return this;
  }

  public DetectorMeta experimental() {
    this.status = "experimental";
    return this;
  }

  /** ATT&CK ({@code attack.t1552.005}, {@code attack.credential-access}) and {@code kumo.threat.*} tags. */
  public DetectorMeta tags(String... t) {
    tags.addAll(List.of(t));
    return this;
  }

  public DetectorMeta references(String... r) {
    references.addAll(List.of(r));
    return this;
  }

  public DetectorMeta falsepositives(String... f) {
    falsepositives.addAll(List.of(f));
    return this;
  }

  public RuleMeta build() {
    return new RuleMeta(title, id, name, status, description, "Kumo", "Apache-2.0", references, "2026-11-25", null,
        level, tags, falsepositives, List.of(), new RuleOrigin("builtin:detector/" + name, 1, true));
  }
}
