package dev.kumo.flink;

import org.jspecify.annotations.Nullable;

/**
 * What the matching stage hands on, a Flink POJO: a finding (as kumo.finding JSON, ready for the
 * findings topic), a correlation input or a detector observation (Kumo's binary codecs), or a dead
 * letter. {@link #key} is the scope the stateful stage keys by; {@link #version} the rule set that
 * produced it.
 */
public final class StreamItem {
  public static final int FINDING = 0;
  public static final int CORRELATION = 1;
  public static final int OBSERVATION = 2;

  public int kind;
  /** Event time, epoch milliseconds. */
  public long time;
  public String key = "";
  public String version = "";
  public byte @Nullable [] payload;
  public @Nullable String json;

  public StreamItem() {}

  static StreamItem finding(long time, String version, String json) {
    StreamItem i = new StreamItem();
    i.kind = FINDING;
    i.time = time;
    i.version = version;
    i.json = json;
    return i;
  }

  static StreamItem state(int kind, long time, String key, String version, byte[] payload) {
    StreamItem i = new StreamItem();
    i.kind = kind;
    i.time = time;
    i.key = key;
    i.version = version;
    i.payload = payload;
    return i;
  }
}
