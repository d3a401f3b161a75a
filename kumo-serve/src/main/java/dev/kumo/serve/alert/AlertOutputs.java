package dev.kumo.serve.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the {@link AlertOutput} an {@link OutputConfig} describes. Stateless. */
public final class AlertOutputs {
  private AlertOutputs() {}

  /**
   * The output for {@code config}.
   *
   * @throws IOException when a syslog trust store cannot be read
   */
  public static AlertOutput create(OutputConfig config) throws IOException {
    if (config instanceof WebhookConfig w) {
      return WebhookOutput.create(w.name(), w.url(), w.format(), w.headers(), w.policy().timeout());
    }
    SyslogConfig s = (SyslogConfig) config;
    String hostname = s.hostname() != null ? s.hostname() : localHostName();
    SyslogFormat format = new SyslogFormat(s.facility(), hostname, s.appName(),
        Long.toString(ProcessHandle.current().pid()), s.sdId());
    return new SyslogOutput(s.name(), s.host(), s.port(), s.tls() ? tls(s) : null, format);
  }

  /** TLS sockets trusting the configured trust store, or the JDK's default trust without one. */
  static SSLSocketFactory tls(SyslogConfig s) throws IOException {
    try {
      if (s.trustStore() == null) {
        return SSLContext.getDefault().getSocketFactory();
      }
      KeyStore ks = KeyStore.getInstance(s.trustStoreType());
      String pw = s.trustStorePassword();
      try (InputStream in = Files.newInputStream(s.trustStore())) {
        ks.load(in, pw == null ? null : pw.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("output '" + s.name() + "': cannot use trust store " + s.trustStore() + ": "
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
