package dev.kumo.sort;

import java.io.IOException;

/**
 * Writes and reads one item in a compact binary form, and gives its sort key. {@link ExternalSorter} holds
 * items in this form, in memory and on disk, so a large sort keeps bytes rather than object graphs.
 */
public interface Codec<T> {
  void write(T item, SpillWriter out) throws IOException;

  T read(SpillReader in) throws IOException;

  /**
   * Appends the item's sort key: two items' keys, compared as unsigned bytes, must order them as the
   * item type's comparator does (equal keys for items the comparator calls equal).
   */
  void writeKey(T item, SortKey key);
}
