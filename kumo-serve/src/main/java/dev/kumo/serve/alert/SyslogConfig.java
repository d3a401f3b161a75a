package dev.kumo.serve.alert;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A syslog output: RFC 5424 over TCP, or over TLS (RFC 5425).
 *
 * @param trustStore certificates trusted for the server (with TLS), or null for the JDK's default trust
 * @param trustStorePassword the trust store's password, or null
 * @param trustStoreType {@code PKCS12} or {@code JKS}
 * @param facility 0 to 23
 * @param hostname the HOSTNAME header, or null for this machine's name
 * @param sdId the structured-data element id
 */
public record SyslogConfig(String name, String host, int port, boolean tls, @Nullable Path trustStore,
    @Nullable String trustStorePassword, String trustStoreType, int facility, String appName,
    @Nullable String hostname, String sdId, DeliveryPolicy policy) implements OutputConfig {

  /** The default SD-ID: {@code kumo} under enterprise number 32473, the number RFC 5612 reserves for examples. */
  public static final String DEFAULT_SD_ID = "kumo@32473";

  @Override
  public String toString() {
    return "SyslogConfig[name=" + name + ", host=" + host + ", port=" + port + ", tls=" + tls + ", trustStore="
        + trustStore + ", facility=" + facility + ", appName=" + appName + ", sdId=" + sdId + ", policy=" + policy
        + "]";
  }
}
