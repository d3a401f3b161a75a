package dev.kumo.testing;

import dev.kumo.detect.LoadedRules;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Sample logs written for tests ({@code src/test/resources/samples/<source-id>/}) and small helpers. */
public final class SampleFiles {
  private SampleFiles() {}

  /** The bytes of {@code samples/<relative>}. */
  public static byte[] bytes(String relative) {
    try (InputStream in = SampleFiles.class.getResourceAsStream("/samples/" + relative)) {
      if (in == null) {
        throw new AssertionError("no sample " + relative);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code samples/<relative>} through the real reader, detecting the source. */
  public static SourceTesting.Read read(String relative) {
    return SourceTesting.read(relative.substring(relative.lastIndexOf('/') + 1), bytes(relative));
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The objects under {@code key} of each line of a JSON Lines file in ../shared (e.g. the aws-docs samples). */
  public static List<JsonObject> sharedJsonLines(String relative, String key) throws IOException {
    Path file = SharedData.require(relative);
    List<JsonObject> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && JsonTreeReader.lenient().read(line) instanceof JsonObject o
          && o.get(key) instanceof JsonObject inner) {
        out.add(inner);
      }
    }
    return out;
  }

  /** The built-in rule pack alone (SigmaHQ has no rules for the finding, cost and AI sources). */
  public static LoadedRules builtinRules() {
    return LoadedRules.load(true, List.of(), CompileOptions.defaults());
  }
}
