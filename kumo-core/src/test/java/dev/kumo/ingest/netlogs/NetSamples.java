package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SourceTesting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers of the network and web sources: fixtures, reading, and the built-in rules. */
public final class NetSamples {
  private NetSamples() {}

  /** The bytes of {@code src/test/resources/samples/<source>/<name>}. */
  public static byte[] fixture(String source, String name) {
    try (InputStream in = NetSamples.class.getResourceAsStream("/samples/" + source + "/" + name)) {
      if (in == null) {
        throw new AssertionError("missing fixture samples/" + source + "/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a fixture through the real reader; asserts every record is read by {@code source} without problems. */
  public static List<NormalizedEvent> readClean(String source, String name) {
    return readClean(source, name, fixture(source, name));
  }

  /** Reads {@code content} as a file named {@code name}; asserts it is all {@code source}'s, without problems. */
  public static List<NormalizedEvent> readClean(String source, String name, byte[] content) {
    SourceTesting.Read read = SourceTesting.read(name, content);
    assertThat(read.problems()).as("problems reading " + name).extracting(IngestProblem::message).isEmpty();
    assertThat(read.events()).as("events of " + name).isNotEmpty().allSatisfy(e ->
        assertThat(e.source()).isEqualTo(source));
    return read.events();
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static LoadedRules builtin;

  /** The built-in rule pack (loaded once). */
  public static synchronized LoadedRules builtinRules() {
    if (builtin == null) {
      builtin = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    }
    return builtin;
  }

  /** Names ({@code name:} of the rule) of the built-in detection rules matching {@code e}. */
  public static List<String> matchingRuleNames(NormalizedEvent e) {
    List<String> out = new ArrayList<>();
    builtinRules().engine().match(e, r -> out.add(r.meta().name() == null ? r.meta().title() : r.meta().name()));
    return out;
  }
}
