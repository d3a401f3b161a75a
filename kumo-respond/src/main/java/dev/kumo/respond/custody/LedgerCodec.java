package dev.kumo.respond.custody;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's byte format. Stateless.
 *
 * <p><b>Canonical form</b> (what {@code hash} is the SHA-256 of): one JSON object in UTF-8, no whitespace
 * outside strings, fields in this order: {@code seq} (number), {@code time} (RFC 3339 UTC as
 * {@link Instant#toString()} writes it), {@code actor}, {@code kind}, {@code summary}, {@code details}
 * (object of string values, keys in ascending UTF-16 order), then {@code artifact} ({@code path, sha256,
 * bytes}) only for artifacts, {@code key} only in signed ledgers, and last {@code prev}. Strings use JSON's
 * required escapes plus {@code \\uXXXX} (lowercase hex) for C1 controls, bidirectional controls, U+2028,
 * U+2029, U+FEFF and surrogates; everything else is literal UTF-8.
 *
 * <p><b>Line form</b>: the canonical form with its closing brace replaced by
 * {@code ,"hash":"<64 hex>"}, then {@code ,"signature":"<base64>"} when signed, then a closing brace.
 * So an auditor recomputes a line's hash without any JSON library (per line, without the newline):
 * <pre>sed -E 's#,"hash":"[0-9a-f]&#123;64&#125;"(,"signature":"[A-Za-z0-9+/=]+")?&#125;$#&#125;#' | sha256sum</pre>
 * A verifier accepts only lines that are exactly in line form.
 */
public final class LedgerCodec {
  private static final Set<String> FIELDS = Set.of("seq", "time", "actor", "kind", "summary", "details",
      "artifact", "key", "prev", "hash", "signature");
  private static final JsonTreeReader READER = new JsonTreeReader(4, 1 << 20);

  private LedgerCodec() {}

  /** The canonical bytes of an entry's content: the input of its {@code hash}. */
  public static byte[] canonical(EntryContent c) {
    return write(c, null, null).getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 (lowercase hex) of the canonical form. */
  public static String hash(EntryContent c) {
    return Sha256.hex(canonical(c));
  }

  /** The entry as one ledger line, without the line end. */
  public static String line(LedgerEntry e) {
    return write(e.content(), e.hash(), e.signature());
  }

  private static String write(EntryContent c, @Nullable String hash, @Nullable String signature) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = JsonFields.safeGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("seq", c.seq());
      g.writeStringField("time", c.time().toString());
      g.writeStringField("actor", c.actor());
      g.writeStringField("kind", c.kind().id());
      g.writeStringField("summary", c.summary());
      g.writeObjectFieldStart("details");
      for (Map.Entry<String, String> d : c.details().entrySet()) {
        g.writeStringField(d.getKey(), d.getValue());
      }
      g.writeEndObject();
      ArtifactRef a = c.artifact();
      if (a != null) {
        g.writeObjectFieldStart("artifact");
        g.writeStringField("path", a.path());
        g.writeStringField("sha256", a.sha256());
        g.writeNumberField("bytes", a.bytes());
        g.writeEndObject();
      }
      if (c.key() != null) {
        g.writeStringField("key", c.key());
      }
      g.writeStringField("prev", c.prev());
      if (hash != null) {
        g.writeStringField("hash", hash);
      }
      if (signature != null) {
        g.writeStringField("signature", signature);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * Reads one line. Checks shape and types only; whether the hash, chain and signature hold is
   * {@link LedgerVerifier}'s job.
   *
   * @throws LedgerFormatException if the line is not JSON or not an entry
   */
  public static LedgerEntry parse(String line) throws LedgerFormatException {
    Object v;
    try {
      v = READER.read(line);
    } catch (RuntimeException e) {
      throw new LedgerFormatException("not JSON: " + e.getMessage());
    }
    if (!(v instanceof JsonObject o)) {
      throw new LedgerFormatException("not a JSON object");
    }
    for (int i = 0; i < o.size(); i++) {
      if (!FIELDS.contains(o.keyAt(i))) {
        throw new LedgerFormatException("unknown field '" + o.keyAt(i) + "'");
      }
    }
    try {
      EntryKind kind = EntryKind.fromId(text(o, "kind"));
      if (kind == null) {
        throw new LedgerFormatException("unknown kind '" + text(o, "kind") + "'");
      }
      Map<String, String> details = new LinkedHashMap<>();
      if (!(o.get("details") instanceof JsonObject d)) {
        throw new LedgerFormatException("details is missing or not an object");
      }
      for (int i = 0; i < d.size(); i++) {
        if (!(d.valueAt(i) instanceof String s)) {
          throw new LedgerFormatException("details." + d.keyAt(i) + " is not a string");
        }
        details.put(d.keyAt(i), s);
      }
      ArtifactRef artifact = null;
      if (o.has("artifact")) {
        if (!(o.get("artifact") instanceof JsonObject a)) {
          throw new LedgerFormatException("artifact is not an object");
        }
        artifact = new ArtifactRef(text(a, "path"), text(a, "sha256"), number(a, "bytes"));
      }
      EntryContent c = new EntryContent(number(o, "seq"), Instant.parse(text(o, "time")), text(o, "actor"), kind,
          text(o, "summary"), details, artifact, o.has("key") ? text(o, "key") : null, text(o, "prev"));
      return new LedgerEntry(c, text(o, "hash"), o.has("signature") ? text(o, "signature") : null);
    } catch (DateTimeParseException e) {
      throw new LedgerFormatException("time is not an RFC 3339 UTC time");
    } catch (IllegalArgumentException e) {
      throw new LedgerFormatException(String.valueOf(e.getMessage()));
    }
  }

  private static String text(JsonObject o, String name) throws LedgerFormatException {
    if (o.get(name) instanceof String s) {
      return s;
    }
    throw new LedgerFormatException(name + " is missing or not a string");
  }

  private static long number(JsonObject o, String name) throws LedgerFormatException {
    if (o.get(name) instanceof Long n) {
      return n;
    }
    throw new LedgerFormatException(name + " is missing or not an integer");
  }
}
