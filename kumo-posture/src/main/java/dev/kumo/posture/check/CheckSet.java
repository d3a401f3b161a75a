package dev.kumo.posture.check;

import java.util.Map;

/** A group of built-in checks' logic, keyed by check id; their metadata comes from the catalog. */
public interface CheckSet {
  Map<String, Rule> rules();
}
