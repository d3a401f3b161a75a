package dev.kumo.posture;

import dev.kumo.detect.PackOptions;
import dev.kumo.sigma.compile.CompileOptions;
import java.util.List;

/** The rule pack tests rank with: Kumo's built-in pack with its shipped tuning, as the CLI loads it. */
final class PostureTestRules {
  private PostureTestRules() {}

  static PackOptions builtinPack() {
    return PackOptions.of(true, List.of(), CompileOptions.defaults());
  }
}
