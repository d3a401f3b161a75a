package dev.kumo.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas of src/test/resources/dev/kumo/export/schemas (see the README there). */
final class Schemas {
  static final String OCSF = "urn:kumo:test:ocsf-1.4.0:detection_finding";
  static final String NAVIGATOR = "urn:kumo:test:attack-navigator:layer-4.5";
  static final String KUMO_NAVIGATOR = "urn:kumo:test:kumo-navigator-layer";
  static final String STIX = "urn:kumo:test:stix-2.1:bundle";

  private static final Map<String, String> FILES = Map.of(
      OCSF, "ocsf-1.4.0-detection_finding-2004.schema.json",
      NAVIGATOR, "navigator-layer-4.5.schema.json",
      KUMO_NAVIGATOR, "kumo-navigator-layer.schema.json",
      STIX, "stix-2.1-kumo-bundle.schema.json");
  private static final SchemaRegistry REGISTRY = registry();

  private Schemas() {}

  private static SchemaRegistry registry() {
    Map<String, String> texts = new HashMap<>();
    FILES.forEach((id, file) -> texts.put(id, read(file)));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(texts));
  }

  private static String read(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream("/dev/kumo/export/schemas/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing schema " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The errors of {@code json} against the schema {@code id} (empty when valid). */
  static List<Error> errors(String id, String json) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(id));
    return schema.validate(json, InputFormat.JSON);
  }

  static void assertValid(String id, String json) {
    assertThat(errors(id, json)).as("errors against %s of %s", id, json).isEmpty();
  }

  static void assertInvalid(String id, String json, String expectedKeyword) {
    List<Error> errors = errors(id, json);
    assertThat(errors).as("errors against %s", id).isNotEmpty();
    assertThat(errors).extracting(Error::getKeyword).as("keywords of %s", errors).contains(expectedKeyword);
  }
}
