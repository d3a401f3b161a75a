package dev.kumo.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The OASIS STIX 2.1 examples in ../shared: every file loads, and every indicator object is accounted for. */
class StixExamplesTest {
  private static final Map<String, IndicatorType> EXPECTED = Map.of(
      "indicator-for-c2-ip-address.json", IndicatorType.IP,
      "indicator-for-malicious-url.json", IndicatorType.URL,
      "malware-indicator-for-file-hash.json", IndicatorType.FILE_HASH,
      "apt1.json", IndicatorType.DOMAIN);

  @Test
  void read_everyExample_accountsForEveryIndicatorObject() throws Exception {
    Path root = SharedData.require("data/stix21-examples");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    Set<String> typesSeen = new HashSet<>();
    for (Path f : files) {
      IntelLoad load;
      try (InputStream in = Files.newInputStream(f)) {
        load = StixBundleReader.read(in, f.getFileName().toString(), "oasis");
      }
      Set<String> indicatorIds = indicatorIds(f);
      System.out.printf("%-60s indicator objects %3d  indicators %3d  problems %3d  revoked %d%n",
          root.relativize(f), indicatorIds.size(), load.indicators().size(), load.problems().size(),
          load.revoked().size());
      load.problems().forEach(p -> System.out.println("    " + p));
      Set<String> accounted = new HashSet<>(load.revoked());
      load.indicators().forEach(i -> accounted.add(i.id()));
      load.problems().forEach(p -> accounted.add(p.where()));
      assertThat(accounted).as(f + ": every indicator object gives indicators or a problem")
          .containsAll(indicatorIds);
      assertThat(load.problems()).as(f + ": no JSON problems").extracting(IntelProblem::reason)
          .noneMatch(r -> r.contains("malformed JSON"));
      IndicatorType expected = EXPECTED.get(f.getFileName().toString());
      if (expected != null) {
        assertThat(load.indicators()).as(f.toString()).extracting(Indicator::type).contains(expected);
      }
      if (f.getFileName().toString().equals("poisonivy.json")) {
        assertThat(load.indicators()).as(f + ": context from relationships")
            .anySatisfy(i -> assertThat(i.context()).contains("campaign: admin@338")
                .anySatisfy(c -> assertThat(c).startsWith("malware: PIVY Variant")));
      }
      if (!indicatorIds.isEmpty()) {
        typesSeen.add(f.getFileName().toString());
      }
    }
    assertThat(typesSeen).containsAll(EXPECTED.keySet());
  }

  /** The ids of the indicator objects in a file, found independently of the reader. */
  private static Set<String> indicatorIds(Path f) throws Exception {
    Object doc = JsonTreeReader.lenient().read(Files.readString(f));
    Set<String> ids = new HashSet<>();
    collect(doc, ids);
    return ids;
  }

  private static void collect(Object v, Set<String> ids) {
    if (v instanceof JsonObject o) {
      if ("indicator".equals(o.get("type")) && o.getString("id") != null) {
        ids.add(o.getString("id"));
      }
      for (int k = 0; k < o.size(); k++) {
        collect(o.valueAt(k), ids);
      }
    } else if (v instanceof JsonArray a) {
      a.forEach(x -> collect(x, ids));
    }
  }
}
