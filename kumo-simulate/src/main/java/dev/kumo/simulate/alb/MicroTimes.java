package dev.kumo.simulate.alb;

import dev.kumo.simulate.io.TextBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** ISO-8601 UTC times with microseconds ({@code 2026-03-14T09:12:44.318211Z}), the date part cached per second. */
final class MicroTimes {
  private long second = Long.MIN_VALUE;
  private String prefix = "";

  void append(TextBuffer b, long micros) {
    long s = Math.floorDiv(micros, 1_000_000L);
    if (s != second) {
      second = s;
      prefix = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
      if (prefix.length() == 16) {
        prefix += ":00"; // LocalDateTime drops zero seconds
      }
    }
    b.append(prefix).append('.').appendPadded(Math.floorMod(micros, 1_000_000L), 6).append('Z');
  }
}
