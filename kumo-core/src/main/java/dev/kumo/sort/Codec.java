package dev.kumo.sort;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Writes and reads one item in a compact binary form for spill files. */
public interface Codec<T> {
  void write(T item, DataOutput out) throws IOException;

  T read(DataInput in) throws IOException;
}
