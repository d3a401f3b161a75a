package dev.kumo.serve.alert;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Sends each alert as a plain-text e-mail over SMTP (Eclipse Angus Mail), one connection per alert. With STARTTLS
 * or TLS the server certificate must be trusted and name the host. SMTP 5xx answers and failed logins are permanent
 * refusals; other failures are retryable. Each attempt is bounded by its timeout (connect, read, write).
 */
public final class EmailOutput implements AlertOutput {
  private final String name;
  private final String host;
  private final int port;
  private final EmailConfig.Security security;
  private final @Nullable SSLSocketFactory tls;
  private final @Nullable String username;
  private final @Nullable String password;
  private final InternetAddress from;
  private final InternetAddress[] to;

  /**
   * @param tls the socket factory for STARTTLS or TLS (trust store applied), or null for the JDK's default
   * @throws IllegalArgumentException when an address is not valid
   */
  public EmailOutput(String name, String host, int port, EmailConfig.Security security, @Nullable SSLSocketFactory tls,
      @Nullable String username, @Nullable String password, String from, List<String> to) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.security = security;
    this.tls = tls;
    this.username = username;
    this.password = password;
    try {
      this.from = new InternetAddress(from, true);
      this.to = new InternetAddress[to.size()];
      for (int i = 0; i < to.size(); i++) {
        this.to[i] = new InternetAddress(to.get(i), true);
      }
    } catch (AddressException e) {
      throw new IllegalArgumentException("output '" + name + "': not a valid address: " + e.getRef(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Alert alert, Duration timeout) throws IOException {
    Session session = Session.getInstance(properties(timeout));
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(from);
      m.setRecipients(Message.RecipientType.TO, (Address[]) to);
      m.setSentDate(Date.from(alert.raised()));
      m.setSubject(EmailBody.subject(alert), "UTF-8");
      m.setText(EmailBody.text(alert), "UTF-8");
      m.setHeader("X-Kumo-Alert", Alert.SCHEMA);
      try (Transport t = session.getTransport(security == EmailConfig.Security.TLS ? "smtps" : "smtp")) {
        if (username != null) {
          t.connect(host, port, username, password);
        } else {
          t.connect(host, port, null, null);
        }
        t.sendMessage(m, m.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new AlertDeliveryException("output '" + name + "': SMTP login refused", false);
    } catch (SMTPSendFailedException | SMTPAddressFailedException e) {
      int code = e instanceof SMTPSendFailedException s ? s.getReturnCode()
          : ((SMTPAddressFailedException) e).getReturnCode();
      throw new AlertDeliveryException("output '" + name + "': SMTP " + code, code < 500);
    } catch (MessagingException e) {
      Exception next = e.getNextException();
      throw new IOException("output '" + name + "': " + e.getMessage()
          + (next == null ? "" : " (" + next.getClass().getSimpleName() + ": " + next.getMessage() + ")"), e);
    }
  }

  private Properties properties(Duration timeout) {
    String ms = Long.toString(Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    Properties p = new Properties();
    for (String proto : List.of("smtp", "smtps")) {
      String k = "mail." + proto + ".";
      p.put(k + "connectiontimeout", ms);
      p.put(k + "timeout", ms);
      p.put(k + "writetimeout", ms);
      p.put(k + "auth", Boolean.toString(username != null));
      p.put(k + "ssl.checkserveridentity", "true");
      if (tls != null) {
        p.put(k + "ssl.socketFactory", tls);
      }
    }
    if (security == EmailConfig.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (security == EmailConfig.Security.TLS) {
      p.put("mail.smtps.ssl.enable", "true");
    }
    return p;
  }

  @Override
  public void close() {
    // one connection per alert: nothing held
  }

  @Override
  public String toString() {
    return "EmailOutput[" + name + ", " + host + ":" + port + ", " + security.id() + "]";
  }
}
