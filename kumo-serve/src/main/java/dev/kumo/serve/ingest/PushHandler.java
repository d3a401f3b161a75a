package dev.kumo.serve.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP push input, free of any web framework: checks the bearer token, the size, the media type
 * and that the body is JSON records, then writes the body as received (gzip stays gzip) as one spool
 * unit. Answers 202 with the unit id once the unit is durable; 401 for a missing or unknown token;
 * 413 for a body (sent or unzipped) over {@link PushConfig#maxBatchBytes} or with more than
 * {@link PushConfig#maxBatchEvents} records; 415 for another media type or encoding; 400 for a body
 * that is not JSON records (with line and column, never the content); 503 when the spool cannot be
 * written.
 *
 * <p>Accepted: {@code application/json} holding one object or an array of objects, and JSON Lines
 * ({@code application/x-ndjson}, {@code application/jsonl}, {@code application/json-lines},
 * {@code application/jsonlines}, {@code application/x-jsonlines}), one object per line; with
 * {@code Content-Encoding: gzip} or a body that starts with the gzip magic. Tokens are compared as
 * SHA-256 hashes in constant time and never logged. Thread-safe.
 */
public final class PushHandler {
  private static final Set<String> JSON_LINES = Set.of("application/x-ndjson", "application/jsonl",
      "application/json-lines", "application/jsonlines", "application/x-jsonlines", "application/x-json-lines");
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Spool spool;
  private final PushConfig config;
  private final List<byte[]> tokenHashes;

  public PushHandler(Spool spool, PushConfig config) {
    this.spool = spool;
    this.config = config;
    this.tokenHashes = config.tokenSha256().stream().map(h -> HexFormat.of().parseHex(h)).toList();
  }

  /**
   * Handles one push.
   *
   * @param body the request body as sent
   * @param contentType the {@code Content-Type} header, or null
   * @param contentEncoding the {@code Content-Encoding} header, or null
   * @param authorization the {@code Authorization} header ({@code Bearer TOKEN}), or null
   */
  public PushResult push(byte[] body, @Nullable String contentType, @Nullable String contentEncoding,
      @Nullable String authorization) {
    if (!authorized(authorization)) {
      return PushResult.refused(401, "a valid ingest bearer token is required");
    }
    if (body.length > config.maxBatchBytes()) {
      return PushResult.refused(413, "the batch is larger than " + config.maxBatchBytes() + " bytes");
    }
    String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean lines;
    if (media.equals("application/json")) {
      lines = false;
    } else if (JSON_LINES.contains(media)) {
      lines = true;
    } else {
      return PushResult.refused(415, "send application/json or JSON Lines (application/x-ndjson)");
    }
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip")
        || (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b);
    if (!gzip && !encoding.isEmpty() && !encoding.equals("identity")) {
      return PushResult.refused(415, "the content encoding may be gzip or identity");
    }
    byte[] json = body;
    if (gzip) {
      try {
        json = gunzip(body, config.maxBatchBytes());
      } catch (TooLarge e) {
        return PushResult.refused(413, "the batch is larger than " + config.maxBatchBytes() + " bytes unzipped");
      } catch (IOException e) {
        return PushResult.refused(400, "the body is not valid gzip");
      }
    }
    int records;
    try {
      records = countRecords(json, lines);
    } catch (TooLarge e) {
      return PushResult.refused(413, "the batch holds more than " + config.maxBatchEvents() + " records");
    } catch (Malformed e) {
      return PushResult.refused(400, e.getMessage());
    }
    String name = "push." + (lines ? "jsonl" : "json") + (gzip ? ".gz" : "");
    try {
      return PushResult.accepted(spool.write(name, body).id(), records);
    } catch (IOException e) {
      return PushResult.refused(503, "the spool cannot be written; try again later");
    }
  }

  private boolean authorized(@Nullable String authorization) {
    if (authorization == null || authorization.length() < 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(authorization.substring(7).strip()
          .getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    boolean ok = false;
    for (byte[] known : tokenHashes) {
      ok |= MessageDigest.isEqual(hash, known); // no early exit: every hash is compared
    }
    return ok;
  }

  private static byte[] gunzip(byte[] body, long max) throws IOException, TooLarge {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, Math.max(1024, body.length * 4L)));
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          throw new TooLarge();
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ZipException | java.io.EOFException e) {
      throw new IOException("not gzip", e);
    }
  }

  /** Counts the records, checking each is a JSON object (JSON: one object or an array of them). */
  private int countRecords(byte[] json, boolean lines) throws TooLarge, Malformed {
    int records = 0;
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t = p.nextToken();
      if (!lines && t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t != JsonToken.START_OBJECT) {
            throw new Malformed("array element " + (records + 1) + " is not a JSON object", p.currentLocation());
          }
          p.skipChildren();
          if (++records > config.maxBatchEvents()) {
            throw new TooLarge();
          }
        }
        t = p.nextToken();
      } else {
        while (t != null) {
          if (t != JsonToken.START_OBJECT) {
            throw new Malformed(lines ? "each line must be a JSON object" : "the body must be a JSON object or an"
                + " array of objects", p.currentLocation());
          }
          p.skipChildren();
          if (++records > config.maxBatchEvents()) {
            throw new TooLarge();
          }
          t = p.nextToken();
          if (!lines && t != null) {
            throw new Malformed("more than one JSON document; send an array or JSON Lines", p.currentLocation());
          }
        }
      }
      if (t != null) {
        throw new Malformed("unexpected content after the array", p.currentLocation());
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Malformed("malformed JSON", at);
    } catch (IOException e) {
      throw new Malformed("unreadable body", null);
    }
    if (records == 0) {
      throw new Malformed("the batch holds no records", null);
    }
    return records;
  }

  private static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static final class Malformed extends Exception {
    Malformed(String what, @Nullable JsonLocation at) {
      super(at == null ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr(), null, false,
          false);
    }
  }
}
