package dev.kumo.exercise.tabletop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TabletopReaderTest {
  private static TabletopException fails(String yaml) {
    try {
      TabletopReader.read(new StringReader(yaml), "bad.yml");
    } catch (TabletopException e) {
      return e;
    }
    throw new AssertionError("expected a TabletopException");
  }

  @Test
  void read_validTabletop_keepsInjectsDecisionsAndOffsets() {
    Tabletop t = Fixtures.tiny();
    assertThat(t.injects()).extracting(Inject::id).containsExactly("alert", "later");
    assertThat(t.injects().get(1).at()).isEqualTo(Duration.ofHours(1));
    assertThat(t.decisions()).extracting(Decision::id).containsExactly("snapshot", "case", "redeploy", "notify");
    assertThat(t.maxPoints()).isEqualTo(12);
    assertThat(t.decisions().get(2).before()).isEqualTo("snapshot");
  }

  @Test
  void read_unknownOwner_namesFilePathAndRole() {
    TabletopException e = fails(Fixtures.TABLETOP.replace("owner: legal", "owner: cfo"));
    assertThat(e.file()).isEqualTo("bad.yml");
    assertThat(e.path()).isEqualTo("injects[1].decisions[1].owner");
    assertThat(e.getMessage()).startsWith("bad.yml:").contains("unknown role 'cfo'");
  }

  @Test
  void read_duplicateId_isRejected() {
    TabletopException e = fails(Fixtures.TABLETOP.replace("id: notify", "id: case"));
    assertThat(e.path()).isEqualTo("injects[1].decisions[1].id");
    assertThat(e.reason()).contains("duplicate id 'case'");
  }

  @Test
  void read_badOffset_isRejected() {
    TabletopException e = fails(Fixtures.TABLETOP.replace("at: +1h", "at: 1 hour"));
    assertThat(e.path()).isEqualTo("injects[1].at");
    assertThat(e.reason()).contains("bad offset");
  }

  @Test
  void read_offsetGoingBackwards_isRejected() {
    assertThat(fails(Fixtures.TABLETOP.replace("at: +0m", "at: +2h")).path()).isEqualTo("injects[1].at");
  }

  @Test
  void read_zeroWeight_isRejected() {
    TabletopException e = fails(Fixtures.TABLETOP.replace("weight: 2\n        playbook: docs/playbooks/ransomware.md#open",
        "weight: 0\n        playbook: docs/playbooks/ransomware.md#open"));
    assertThat(e.path()).isEqualTo("injects[0].decisions[1].weight");
    assertThat(e.reason()).contains("must be positive");
  }

  @Test
  void read_missingField_isRejected() {
    TabletopException e = fails(Fixtures.TABLETOP.replace("summary: A host is compromised.\n", ""));
    assertThat(e.path()).isEqualTo("summary");
    assertThat(e.reason()).contains("required");
  }

  @Test
  void read_beforeUnknownDecision_isRejected() {
    assertThat(fails(Fixtures.TABLETOP.replace("before: snapshot", "before: nothing")).path())
        .isEqualTo("injects[1].decisions[0].before");
  }

  @Test
  void read_unknownThreatAndKey_areRejected() {
    assertThat(fails(Fixtures.TABLETOP.replace("threat: ransomware", "threat: aliens")).reason())
        .contains("unknown threat 'aliens'");
    assertThat(fails(Fixtures.TABLETOP.replace("objectives:", "colour: blue\nobjectives:")).path()).isEqualTo("colour");
  }

  @Test
  void read_positiveDistractorWeight_isRejected() {
    assertThat(fails(Fixtures.TABLETOP.replace("weight: -3", "weight: 3")).reason()).contains("must be negative");
  }

  @Test
  void read_yamlTypeTag_isRejectedSafely() {
    assertThatThrownBy(() -> TabletopReader.read(new StringReader("!!javax.script.ScriptEngineManager [x]"), "evil.yml"))
        .isInstanceOf(TabletopException.class).hasMessageStartingWith("evil.yml");
  }

  @Test
  void offsets_formatParseRoundTrip() {
    for (String s : new String[] {"+0m", "+45m", "+2h", "+1h30m", "+1d", "+1d2h5m"}) {
      assertThat(Offsets.format(Offsets.parse(s))).isEqualTo(s);
    }
  }
}
