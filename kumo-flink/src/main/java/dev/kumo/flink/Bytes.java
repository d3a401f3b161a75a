package dev.kumo.flink;

import dev.kumo.sort.Codec;
import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Kumo's binary codecs to and from byte arrays, for items passed between operators. */
final class Bytes {
  private Bytes() {}

  static <T> byte[] encode(Codec<T> codec, T item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (SpillWriter w = new SpillWriter(out)) {
      codec.write(item, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static <T> T decode(Codec<T> codec, byte[] bytes) {
    try (SpillReader r = new SpillReader(new ByteArrayInputStream(bytes))) {
      return codec.read(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
