package dev.kumo.detector;

import org.jspecify.annotations.Nullable;

/** EC2 instance ids ({@code i-} and 8 or 17 hex digits), recognized without regular expressions or allocation. */
public final class InstanceIds {
  private InstanceIds() {}

  /** Whether {@code s} is exactly an instance id. */
  public static boolean is(@Nullable CharSequence s) {
    return s != null && is(s, 0, s.length());
  }

  /** Whether the text after the last {@code /} of {@code s} (all of it without one) is an instance id. */
  public static boolean isLastSegment(@Nullable String s) {
    return s != null && is(s, s.lastIndexOf('/') + 1, s.length());
  }

  private static boolean is(CharSequence s, int from, int to) {
    int digits = to - from - 2;
    if ((digits != 8 && digits != 17) || s.charAt(from) != 'i' || s.charAt(from + 1) != '-') {
      return false;
    }
    for (int i = from + 2; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
