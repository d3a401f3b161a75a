package dev.kumo.simulate.org;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Public address blocks the simulation draws from: residential ISPs (people at home, web
 * visitors), AWS EC2 ranges per region (NAT gateways, public instances, CodeBuild), the Azure ranges
 * GitHub-hosted runners use, internet scanners, and the well-known hosts instances talk to. The
 * blocks are real allocations of those networks, so address-owner look-ups see what they would in a
 * real organisation's logs.
 */
public final class Addresses {
  private Addresses() {}

  /** Residential broadband blocks (Comcast, AT&T, Charter, BT, Virgin Media, Deutsche Telekom, Orange). */
  static final List<String> HOME_US = List.of("73.0.0.0/8", "67.160.0.0/11", "99.0.0.0/10", "70.112.0.0/13");
  static final List<String> HOME_UK = List.of("86.128.0.0/10", "82.0.0.0/13");
  static final List<String> HOME_DE = List.of("79.192.0.0/10", "87.128.0.0/10");
  static final List<String> HOME_FR = List.of("90.0.0.0/9");

  /** EC2 public ranges per region. */
  static final Map<String, List<String>> AWS_EC2 = Map.of(
      "us-east-1", List.of("3.80.0.0/12", "54.144.0.0/14", "44.192.0.0/11"),
      "us-west-2", List.of("34.208.0.0/12", "54.184.0.0/13", "44.224.0.0/12"),
      "eu-west-1", List.of("34.240.0.0/13", "54.216.0.0/15", "52.208.0.0/13"),
      "eu-central-1", List.of("18.184.0.0/15", "3.120.0.0/14", "35.156.0.0/14"));

  /** Azure ranges of GitHub-hosted runners. */
  public static final List<String> GITHUB_RUNNERS = List.of("20.57.0.0/16", "20.102.0.0/17", "172.176.0.0/14",
      "4.227.0.0/16", "52.234.0.0/16", "40.76.0.0/16");

  /** Internet-wide scanners (Censys, Shodan and bulletproof hosting). */
  public static final List<String> SCANNERS = List.of("167.94.138.0/24", "162.142.125.0/24", "198.20.69.0/24",
      "45.148.10.0/24", "185.224.128.0/24");

  /** Web visitors: residential blocks of several countries. */
  public static final List<String> VISITORS = List.of("73.0.0.0/8", "67.160.0.0/11", "99.0.0.0/10",
      "86.128.0.0/10", "79.192.0.0/10", "90.0.0.0/9", "70.112.0.0/13", "82.0.0.0/13");

  /** Hosts instances reach on 443: Canonical mirrors, PyPI (Fastly), npm (Cloudflare), GitHub. */
  public static final List<String> PACKAGE_MIRRORS = List.of("91.189.91.38", "91.189.91.39", "185.125.190.36",
      "151.101.0.223", "151.101.64.223", "104.16.24.35", "104.16.25.35", "140.82.112.4", "140.82.114.4");

  /** Public NTP servers (time.cloudflare.com). */
  public static final List<String> NTP = List.of("162.159.200.1", "162.159.200.123");

  /** AWS service endpoints per region (S3, DynamoDB, STS and friends), the 443 egress of instances. */
  static final Map<String, List<String>> AWS_ENDPOINTS = Map.of(
      "us-east-1", List.of("52.216.0.0/15", "3.5.0.0/19", "54.231.0.0/17", "52.119.224.0/20"),
      "us-west-2", List.of("52.218.128.0/17", "3.5.76.0/22", "52.94.176.0/20"),
      "eu-west-1", List.of("52.218.0.0/17", "3.5.64.0/21", "52.119.240.0/21"),
      "eu-central-1", List.of("52.219.140.0/22", "3.5.134.0/23", "52.119.188.0/22"));

  /** A random address in {@code cidr} (never the network or broadcast address). */
  public static String in(String cidr, SplittableRandom r) {
    int slash = cidr.indexOf('/');
    long base = toLong(cidr.substring(0, slash));
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    long size = 1L << (32 - bits);
    long offset = size <= 2 ? 0 : 1 + (long) (r.nextDouble() * (size - 2));
    return fromLong((base & ~(size - 1)) + offset);
  }

  /** A random address in one of {@code cidrs}. */
  public static String inAny(List<String> cidrs, SplittableRandom r) {
    return in(cidrs.get(r.nextInt(cidrs.size())), r);
  }

  /** A random EC2 public address of {@code region}. */
  public static String ec2(String region, SplittableRandom r) {
    return inAny(AWS_EC2.getOrDefault(region, AWS_EC2.get("us-east-1")), r);
  }

  /** A random AWS service endpoint address of {@code region}. */
  public static String awsEndpoint(String region, SplittableRandom r) {
    return inAny(AWS_ENDPOINTS.getOrDefault(region, AWS_ENDPOINTS.get("us-east-1")), r);
  }

  static long toLong(String ip) {
    long v = 0;
    for (String part : ip.split("\\.")) {
      v = (v << 8) | Integer.parseInt(part);
    }
    return v;
  }

  static String fromLong(long v) {
    return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
  }
}
