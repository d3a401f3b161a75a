package dev.kumo.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialization round trips, the way a checkpoint snapshots state: for tests that a copy
 * restored from a snapshot goes on exactly as the original would.
 */
public final class Snapshots {
  private Snapshots() {}

  /** The snapshot of {@code value}: its Java serialization. */
  public static byte[] bytes(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot " + value.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  /** The object a snapshot holds, as {@code type}. */
  public static <T extends Serializable> T restore(byte[] snapshot, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore a " + type.getName(), e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code value} through a snapshot (a deep copy sharing nothing with it). */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> T copy(T value) {
    return restore(bytes(value), (Class<T>) value.getClass());
  }
}
