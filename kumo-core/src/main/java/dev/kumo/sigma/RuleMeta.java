package dev.kumo.sigma;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive part of any Sigma document.
 *
 * @param author the rule's author credit, kept verbatim for DRL 1.1 attribution
 */
public record RuleMeta(
    String title,
    @Nullable String id,
    @Nullable String name,
    @Nullable String status,
    @Nullable String description,
    @Nullable String author,
    @Nullable String license,
    List<String> references,
    @Nullable String date,
    @Nullable String modified,
    @Nullable Level level,
    List<String> tags,
    List<String> falsepositives,
    List<String> fields,
    RuleOrigin origin) implements Serializable {

  public RuleMeta {
    references = List.copyOf(references);
    tags = List.copyOf(tags);
    falsepositives = List.copyOf(falsepositives);
    fields = List.copyOf(fields);
  }

  /** The id if present, else the name, else the title: how the rule is shown and referenced. */
  public String key() {
    return id != null ? id : name != null ? name : title;
  }

  /** The level, defaulting to medium when the rule does not state one. */
  public Level effectiveLevel() {
    return level == null ? Level.MEDIUM : level;
  }

  public RuleMeta withLevel(Level l) {
    return new RuleMeta(title, id, name, status, description, author, license, references, date, modified, l, tags,
        falsepositives, fields, origin);
  }

  public RuleMeta withStatus(String s) {
    return new RuleMeta(title, id, name, s, description, author, license, references, date, modified, level, tags,
        falsepositives, fields, origin);
  }

  /** Whether {@code ref} (an id or a name) refers to this rule. */
  public boolean isReferencedBy(String ref) {
    return ref.equals(id) || ref.equals(name);
  }
}
