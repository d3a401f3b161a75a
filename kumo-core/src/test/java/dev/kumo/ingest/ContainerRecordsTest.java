package dev.kumo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Container records ({@link JsonLogSource#records}): opened by their source, their records detected anew. */
class ContainerRecordsTest {
  private final List<NormalizedEvent> events = new ArrayList<>();
  private final IngestStats stats = new IngestStats(20);

  /** A source of {"a":n} records whose containers are {"page":[...]}; "page":"bad" cannot be opened. */
  private static final class PagedSource implements JsonLogSource {
    private final String key;

    PagedSource(String key) {
      this.key = key;
    }

    @Override
    public String id() {
      return "test." + key;
    }

    @Override
    public String displayName() {
      return "test " + key;
    }

    @Override
    public String examplePath() {
      return "x";
    }

    @Override
    public List<String> layouts() {
      return List.of();
    }

    @Override
    public Set<String> pantherLogTypes() {
      return Set.of();
    }

    @Override
    public OcsfClass ocsfClass() {
      return OcsfClass.API_ACTIVITY;
    }

    @Override
    public boolean recognizes(JsonObject r) {
      return r.has(key) || key.equals("a") && r.has("page");
    }

    @Override
    public @Nullable List<JsonObject> records(JsonObject r) {
      Object page = r.get("page");
      if (page instanceof String) {
        throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "page cannot be opened");
      }
      if (!(page instanceof JsonArray a)) {
        return null;
      }
      List<JsonObject> out = new ArrayList<>();
      a.forEach(o -> out.add((JsonObject) o));
      return out;
    }

    @Override
    public NormalizedEvent normalize(JsonObject r, Origin origin) {
      if (r.has("page")) {
        throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD, "container nested too deep");
      }
      return NormalizedEvent.rawOnly(r.toJson(), Instant.EPOCH, id(), r, origin);
    }
  }

  private void read(String content) {
    LogSources sources = new LogSources(List.of(new PagedSource("a"), new PagedSource("b")));
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    new LogReader(sources, IngestLimits.DEFAULTS, null)
        .read(InputFile.ofStream("c.jsonl", () -> new ByteArrayInputStream(bytes)), events::add, stats, null);
  }

  @Test
  void read_container_detectsTheSourceOfEachRecordInside() {
    read("{\"page\":[{\"a\":1},{\"b\":2},{\"a\":3}]}\n");
    assertThat(events).extracting(NormalizedEvent::source).containsExactly("test.a", "test.b", "test.a");
    assertThat(events).allSatisfy(e -> assertThat(e.origin().line()).isEqualTo(1));
    assertThat(stats.problems()).isZero();
  }

  @Test
  void read_containerThatCannotBeOpened_isReportedAndReadingGoesOn() {
    read("{\"page\":\"bad\"}\n{\"page\":[{\"a\":1}]}\n");
    assertThat(events).hasSize(1);
    assertThat(stats.allExamples()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_RECORD);
      assertThat(p.line()).isEqualTo(1);
    });
  }

  @Test
  void read_containersNestedBeyondTheLimit_stopOpeningAndAreReported() {
    read("{\"page\":[{\"page\":[{\"page\":[{\"page\":[{\"a\":1}]}]}]}]}\n{\"page\":[{\"page\":[{\"a\":2}]}]}\n");
    assertThat(events).extracting(e -> e.raw().get("a")).containsExactly(2L);
    assertThat(stats.allExamples()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD));
  }

  @Test
  void read_emptyContainer_givesNothingAndNoProblem() {
    read("{\"page\":[]}\n{\"a\":1}\n");
    assertThat(events).hasSize(1);
    assertThat(stats.problems()).isZero();
  }
}
