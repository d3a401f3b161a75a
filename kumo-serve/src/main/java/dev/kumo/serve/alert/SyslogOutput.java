package dev.kumo.serve.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sends alerts as octet-counted RFC 5424 messages over one kept-open TCP connection (RFC 6587), or over TLS
 * (RFC 5425) when given a socket factory: the server certificate must be trusted and match the host name. A failed
 * write closes the connection; the next attempt reconnects. Syslog over TCP has no acknowledgement: delivered means
 * written to a connection the server had not closed. Each attempt is bounded by its timeout (connect, handshake and
 * write; a stuck write is ended by closing the socket).
 */
public final class SyslogOutput implements AlertOutput {
  private final String name;
  private final String host;
  private final int port;
  private final @Nullable SSLSocketFactory tls;
  private final SyslogFormat format;
  private final ScheduledExecutorService watchdog;
  private volatile @Nullable Socket socket;

  /**
   * @param tls the TLS socket factory (trust store applied), or null for plain TCP
   */
  public SyslogOutput(String name, String host, int port, @Nullable SSLSocketFactory tls, SyslogFormat format) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.format = format;
    ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "kumo-alert-syslog-watchdog-" + name);
      t.setDaemon(true);
      return t;
    });
    w.setRemoveOnCancelPolicy(true);
    this.watchdog = w;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void send(Alert alert, Duration timeout) throws IOException {
    byte[] frame = format.frame(alert);
    Socket s = socket;
    if (s != null && peerClosed(s)) {
      closeSocket();
      s = null;
    }
    if (s == null) {
      s = connect(timeout);
      socket = s;
    }
    Socket current = s;
    ScheduledFuture<?> guard = watchdog.schedule(() -> quietClose(current), timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      OutputStream out = s.getOutputStream();
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      closeSocket();
      throw new IOException("output '" + name + "': " + e.getMessage(), e);
    } finally {
      guard.cancel(false);
    }
  }

  private Socket connect(Duration timeout) throws IOException {
    int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), ms);
      plain.setSoTimeout(ms);
      plain.setKeepAlive(true);
      if (tls == null) {
        return plain;
      }
      SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, port, true);
      SSLParameters p = ssl.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
      ssl.setSSLParameters(p);
      ssl.startHandshake();
      return ssl;
    } catch (IOException e) {
      quietClose(plain);
      throw new IOException("output '" + name + "': cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** True when the server closed the connection (a read sees the end, or fails); a server says nothing otherwise. */
  private static boolean peerClosed(Socket s) {
    try {
      int before = s.getSoTimeout();
      s.setSoTimeout(1);
      try {
        InputStream in = s.getInputStream();
        return in.read() < 0;
      } catch (SocketTimeoutException e) {
        return false;
      } finally {
        s.setSoTimeout(before);
      }
    } catch (IOException e) {
      return true;
    }
  }

  private void closeSocket() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      quietClose(s);
    }
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing: nothing more to do
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    closeSocket(); // without the lock: ends a write that is stuck

  }

  @Override
  public String toString() {
    return "SyslogOutput[" + name + ", " + host + ":" + port + (tls == null ? "" : ", tls") + "]";
  }
}
