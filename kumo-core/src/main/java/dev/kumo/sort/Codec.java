package dev.kumo.sort;

import java.io.IOException;

/** Writes and reads one item in a compact binary form for spill files. */
public interface Codec<T> {
  void write(T item, SpillWriter out) throws IOException;

  T read(SpillReader in) throws IOException;
}
