package dev.kumo.sigma.yaml;

import java.util.List;

/** A YAML sequence. */
public record YList(List<YNode> items, int line) implements YNode {
  public YList {
    items = List.copyOf(items);
  }
}
