package dev.kumo.detector.identity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reduces user agents to a family that stays the same across versions and platforms:
 * {@code aws-cli/2.15.0 Python/3.11 …} → {@code aws-cli}, {@code Boto3/1.34 …} → {@code boto3}, any
 * browser → {@code browser}. Penetration-testing distributions named in the agent are kept as a
 * suffix ({@code boto3@kali}), as GuardDuty's PenTest findings do.
 */
final class UserAgents {
  private UserAgents() {}

  /** Longest family kept (agents are attacker-controlled). */
  static final int MAX_FAMILY = 40;

  private static final String[] PENTEST = {"kali", "parrot", "pentoo"};
  /** A trailing run id or version: {@code stratus-red-team_ea78…}, {@code tool-1.2.3}. */
  private static final Pattern TRAILING_ID = Pattern.compile("[-_.](?:[0-9a-f]{8}-[0-9a-f-]*|v?[0-9][0-9a-z.]*)$");

  /**
   * The family of a user agent, or null when there is none worth tracking: empty agents, and the
   * agents of AWS services and the AWS backend ({@code AWS Internal}, {@code *.amazonaws.com},
   * {@code aws-internal/…}).
   */
  static @Nullable String family(@Nullable String userAgent) {
    if (userAgent == null) {
      return null;
    }
    String s = userAgent.strip();
    if (s.startsWith("[")) {
      s = s.substring(1).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    String lower = s.length() > 512 ? s.substring(0, 512).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    String family = baseFamily(lower);
    if (family == null) {
      return null;
    }
    String distribution = pentestDistribution(lower);
    return distribution == null ? family : family + "@" + distribution;
  }

  /** A penetration-testing distribution named as a word in the agent (not {@code kalimba}). */
  private static @Nullable String pentestDistribution(String lower) {
    for (String d : PENTEST) {
      for (int at = lower.indexOf(d); at >= 0; at = lower.indexOf(d, at + 1)) {
        int end = at + d.length();
        if ((at == 0 || !isLetter(lower.charAt(at - 1))) && (end == lower.length() || !isLetter(lower.charAt(end)))) {
          return d;
        }
      }
    }
    return null;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static @Nullable String baseFamily(String lower) {
    if (lower.startsWith("aws internal") || lower.startsWith("aws-internal")) {
      return null;
    }
    if (lower.indexOf(' ') < 0 && lower.endsWith(".amazonaws.com")) {
      return lower.equals("console.amazonaws.com") || lower.equals("signin.amazonaws.com") ? "browser" : null;
    }
    if (lower.startsWith("mozilla/") || lower.startsWith("opera/")) {
      return "browser";
    }
    if (lower.contains("terraform")) {
      return "terraform";
    }
    if (lower.startsWith("aws-cli/")) {
      return "aws-cli";
    }
    if (lower.startsWith("boto3/") || lower.startsWith("botocore/")) {
      return "boto3";
    }
    if (lower.startsWith("aws-sdk-go")) {
      return "aws-sdk-go";
    }
    if (lower.startsWith("aws-sdk-java")) {
      return "aws-sdk-java";
    }
    if (lower.startsWith("aws-sdk-js") || lower.startsWith("aws-sdk-nodejs")) {
      return "aws-sdk-js";
    }
    if (lower.startsWith("s3console/") || lower.startsWith("aws-console")) {
      return "browser";
    }
    int end = 0;
    while (end < lower.length() && end < MAX_FAMILY) {
      char c = lower.charAt(end);
      if (c == ' ' || c == '/' || c == ';' || c == '(' || c == ')' || c == ',') {
        break;
      }
      end++;
    }
    String token = TRAILING_ID.matcher(lower.substring(0, end)).replaceFirst("");
    return token.isEmpty() ? null : token;
  }
}
