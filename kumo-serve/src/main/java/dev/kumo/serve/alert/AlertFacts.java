package dev.kumo.serve.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The labelled facts chat messages show for an alert, raw (the caller escapes). Stateless. */
final class AlertFacts {
  /** One fact: a fixed label and a raw value from the alert. */
  record Fact(String label, String value) {}

  private AlertFacts() {}

  static List<Fact> of(Alert a) {
    List<Fact> out = new ArrayList<>();
    add(out, "Level", a.level().id());
    add(out, "Rule", a.ruleId());
    add(out, "ATT&CK", join(a.techniques(), a.tactics()));
    add(out, "Actor", a.principal());
    add(out, "Account", a.account());
    add(out, "Region", a.region());
    add(out, "Resource", a.resources().isEmpty() ? null : String.join(", ", a.resources()));
    add(out, "Source IP", a.sourceIp());
    add(out, "Event time", a.kind() == Alert.Kind.RATE_LIMIT_SUMMARY ? null : a.eventTime().toString());
    add(out, "First seen", time(a.firstSeen()));
    add(out, "Last seen", time(a.lastSeen()));
    if (a.count() > 1 || a.kind() == Alert.Kind.RATE_LIMIT_SUMMARY) {
      add(out, a.kind() == Alert.Kind.RATE_LIMIT_SUMMARY ? "Alerts not sent" : "Events", Long.toString(a.count()));
    }
    if (a.suppressed() > 0) {
      add(out, "Similar alerts suppressed", Long.toString(a.suppressed()));
    }
    add(out, "Incident", a.incidentId());
    return out;
  }

  private static @Nullable String join(List<String> techniques, List<String> tactics) {
    List<String> all = new ArrayList<>(techniques);
    all.addAll(tactics);
    return all.isEmpty() ? null : String.join(", ", all);
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  private static void add(List<Fact> out, String label, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      out.add(new Fact(label, value));
    }
  }
}
