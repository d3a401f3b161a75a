package dev.kumo.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.sigma.Level;
import dev.kumo.sort.ExternalSorter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingCodecTest {
  @TempDir
  Path temp;

  private static FindingRule rule(Level level, String id, String title) {
    return new FindingRule(level, id, null, title, "someone", null, "builtin:test", List.of("T1078"), List.of(),
        List.of());
  }

  private static EventSummary event(String id, Instant time) {
    return new EventSummary(id, time, "aws.cloudtrail", "123456789012", "us-east-1", "arn:aws:iam::1:user/a", "IAMUser",
        "AKIA1", "1.2.3.4", null, "aws-cli/2", "iam", "CreateUser", null, List.of("arn:aws:iam::1:user/b"), "f.json", 7);
  }

  @Test
  void sortedFindings_followFindingOrder_andRoundTrip() {
    Random r = new Random(7);
    List<FindingRule> rules = List.of(rule(Level.HIGH, "b", "Title"), rule(Level.LOW, "a", "Title"),
        rule(Level.CRITICAL, "c", "Another"), rule(Level.MEDIUM, "d", "Tïtle\u0000"));
    FindingCodec codec = new FindingCodec(rules);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      FindingRule rule = rules.get(r.nextInt(rules.size()));
      EventSummary e = event("e" + r.nextInt(30), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(5), r.nextInt(3)));
      CorrelationInfo c = null;
      if (r.nextInt(3) == 0) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int g = 0; g < r.nextInt(3); g++) {
          group.put("k" + g, r.nextInt(4) == 0 ? null : "v" + r.nextInt(3));
        }
        c = new CorrelationInfo("event_count", group, List.of(e.id()), 3, 3.0, e.time());
      }
      findings.add(new Finding(rule, e, c, "reason " + i, List.of(e.id()), r.nextInt(10) == 0 ? "mute" : null));
    }
    try (ExternalSorter<Finding> sorter = new ExternalSorter<>(codec, 300, temp)) {
      findings.forEach(sorter::add);
      List<Finding> expected = new ArrayList<>(findings);
      expected.sort(FindingOrder.ORDER);
      List<Finding> actual = new ArrayList<>();
      Iterator<Finding> it = sorter.sorted();
      it.forEachRemaining(actual::add);
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }
}
