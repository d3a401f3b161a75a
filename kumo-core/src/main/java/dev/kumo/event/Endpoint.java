package dev.kumo.event;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A network endpoint (OCSF {@code src_endpoint}/{@code dst_endpoint}).
 *
 * @param ip the IP address, when the log gives one
 * @param name a host or service name when the log gives a name instead of an address
 *     (CloudTrail: {@code ec2.amazonaws.com}, {@code AWS Internal})
 * @param userAgent the client's user agent
 * @param cloudService whether the caller is the cloud provider's own service rather than an address
 */
public record Endpoint(@Nullable String ip, @Nullable String name, @Nullable Integer port,
    @Nullable String userAgent, boolean cloudService) implements Serializable {

  public static final Endpoint UNKNOWN = new Endpoint(null, null, null, null, false);

  /** The address if known, else the name. */
  public @Nullable String label() {
    return ip != null ? ip : name;
  }

  /** The label with {@code :port} when the port is known ({@code [ip]:port} for IPv6). */
  public @Nullable String labelWithPort() {
    String l = label();
    if (l == null || port == null) {
      return l;
    }
    return (l.indexOf(':') >= 0 ? "[" + l + "]" : l) + ":" + port;
  }
}
