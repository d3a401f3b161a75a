package dev.kumo.flink;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One raw log record as it came from Kafka (or a file of a back-fill): where it came from and its
 * bytes (a JSON record, a CloudTrail delivery, JSON Lines or text lines; gzip or not). A Flink POJO.
 */
public final class RawRecord {
  /** Topic, or the file of a back-fill. */
  public String origin = "";
  public int partition;
  public long offset;
  public byte[] value = new byte[0];

  public RawRecord() {}

  public RawRecord(String origin, int partition, long offset, byte[] value) {
    this.origin = origin;
    this.partition = partition;
    this.offset = offset;
    this.value = value;
  }

  /** The name events of this record carry as their file: {@code kafka:TOPIC/PARTITION@OFFSET}. */
  public String name() {
    return origin.startsWith("file:") ? origin : "kafka:" + origin + "/" + partition + "@" + offset;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RawRecord r && r.origin.equals(origin) && r.partition == partition && r.offset == offset
        && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, partition, offset);
  }
}
