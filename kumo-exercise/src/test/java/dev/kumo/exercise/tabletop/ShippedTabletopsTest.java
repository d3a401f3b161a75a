package dev.kumo.exercise.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippedTabletopsTest {
  /** The repository root: tests run in the module folder. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void shipped_everyTabletopLoadsAndValidates() {
    assertThat(Tabletops.all()).hasSameSizeAs(Tabletops.ids()).hasSizeGreaterThanOrEqualTo(7);
    for (Tabletop t : Tabletops.all()) {
      assertThat(t.source()).isEqualTo("tabletops/" + t.id() + ".yml");
      assertThat(t.injects()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(t.injects().stream().mapToInt(i -> i.distractors().size()).sum()).as(t.id()).isPositive();
    }
  }

  @Test
  void shipped_coverEveryThreatOfTheReport() {
    Set<Threat> covered = EnumSet.noneOf(Threat.class);
    Tabletops.all().forEach(t -> covered.add(t.threat()));
    assertThat(covered).containsExactlyInAnyOrder(Threat.values());
  }

  @Test
  void shipped_everyPlaybookLinkResolvesToFileAndAnchor() throws IOException {
    for (Tabletop t : Tabletops.all()) {
      for (Decision d : t.decisions()) {
        String[] parts = d.playbook().split("#", 2);
        Path file = ROOT.resolve(parts[0]);
        assertThat(file).as(t.id() + " " + d.id()).isRegularFile();
        assertThat(Files.readString(file)).as(t.id() + " " + d.id() + " -> " + d.playbook())
            .contains("<a id=\"" + parts[1] + "\"></a>");
      }
    }
  }

  @Test
  void shipped_findUnknownId_isEmpty() {
    assertThat(Tabletops.find("no-such-tabletop")).isEmpty();
  }
}
