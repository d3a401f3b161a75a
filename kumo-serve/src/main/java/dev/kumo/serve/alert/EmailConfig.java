package dev.kumo.serve.alert;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail output over SMTP.
 *
 * @param security how the connection is protected
 * @param username the SMTP login, or null for none
 * @param passwordEnv the environment variable holding the password (never the password itself in the file)
 * @param from the sender address
 * @param to the recipients, at least one
 * @param trustStore certificates trusted for the server, or null for the JDK's default trust
 */
public record EmailConfig(String name, String host, int port, Security security, @Nullable String username,
    @Nullable String passwordEnv, String from, List<String> to, @Nullable Path trustStore,
    @Nullable String trustStorePassword, String trustStoreType, DeliveryPolicy policy) implements OutputConfig {

  /** Connection protection. */
  public enum Security {
    /** Plain SMTP (for a relay on the same host or network only). */
    NONE("none"),
    /** STARTTLS, required: the message is never sent in the clear. */
    STARTTLS("starttls"),
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS("tls");

    private final String id;

    Security(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public EmailConfig {
    to = List.copyOf(to);
  }
}
