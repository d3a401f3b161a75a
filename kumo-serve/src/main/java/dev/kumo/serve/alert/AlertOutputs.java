package dev.kumo.serve.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** Builds the {@link AlertOutput} an {@link OutputConfig} describes. Stateless. */
public final class AlertOutputs {
  private AlertOutputs() {}

  /**
   * The output for {@code config}.
   *
   * @throws IOException when a syslog trust store cannot be read
   */
  public static AlertOutput create(OutputConfig config) throws IOException {
    return create(config, System::getenv);
  }

  /**
   * The output for {@code config}, reading secrets named in it (an SMTP password) from {@code env}.
   *
   * @throws IOException when a trust store cannot be read or a named secret is not set
   */
  public static AlertOutput create(OutputConfig config, Function<String, @Nullable String> env) throws IOException {
    if (config instanceof EmailConfig e) {
      String password = null;
      if (e.passwordEnv() != null) {
        password = env.apply(e.passwordEnv());
        if (password == null) {
          throw new IOException("output '" + e.name() + "': environment variable " + e.passwordEnv() + " is not set");
        }
      }
      SSLSocketFactory f = e.security() == EmailConfig.Security.NONE || e.trustStore() == null ? null
          : tls(e.name(), e.trustStore(), e.trustStorePassword(), e.trustStoreType());
      return new EmailOutput(e.name(), e.host(), e.port(), e.security(), f, e.username(), password, e.from(), e.to());
    }
    if (config instanceof WebhookConfig w) {
      return WebhookOutput.create(w.name(), w.url(), w.format(), w.headers(), w.policy().timeout());
    }
    SyslogConfig s = (SyslogConfig) config;
    String hostname = s.hostname() != null ? s.hostname() : localHostName();
    SyslogFormat format = new SyslogFormat(s.facility(), hostname, s.appName(),
        Long.toString(ProcessHandle.current().pid()), s.sdId());
    SSLSocketFactory f = null;
    if (s.tls()) {
      f = s.trustStore() == null ? defaultTls(s.name())
          : tls(s.name(), s.trustStore(), s.trustStorePassword(), s.trustStoreType());
    }
    return new SyslogOutput(s.name(), s.host(), s.port(), f, format);
  }

  private static SSLSocketFactory defaultTls(String name) throws IOException {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("output '" + name + "': no default TLS: " + e.getMessage(), e);
    }
  }

  /** TLS sockets trusting the certificates of a trust store. */
  static SSLSocketFactory tls(String name, Path trustStore, @Nullable String pw, String type) throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance(type);
      try (InputStream in = Files.newInputStream(trustStore)) {
        ks.load(in, pw == null ? null : pw.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("output '" + name + "': cannot use trust store " + trustStore + ": "
          + e.getMessage(), e);
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "-";
    }
  }
}
