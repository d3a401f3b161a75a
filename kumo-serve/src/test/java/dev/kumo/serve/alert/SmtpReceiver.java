package dev.kumo.serve.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntUnaryOperator;

/**
 * A minimal real SMTP server on port 0 (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps
 * each message's data and answers the end of the n-th DATA with a chosen code.
 */
final class SmtpReceiver implements AutoCloseable {
  final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final List<String> recipients = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final Thread thread;
  private final IntUnaryOperator dataAnswer;
  private int count;

  SmtpReceiver(IntUnaryOperator dataAnswer) throws IOException {
    this.dataAnswer = dataAnswer;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::run, "test-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void run() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(60_000);
        session(s);
      } catch (IOException e) {
        // closed, or a client that went away
      }
    }
  }

  private void session(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (cmd) {
        case "EHLO" -> reply(out, "250-test\r\n250 8BITMIME");
        case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
        case "RCPT" -> {
          recipients.add(line.substring(line.indexOf(':') + 1).trim());
          reply(out, "250 ok");
        }
        case "DATA" -> {
          reply(out, "354 go on");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
          }
          int code;
          synchronized (this) {
            code = dataAnswer.applyAsInt(count++);
          }
          if (code == 250) {
            messages.add(data.toString());
          }
          reply(out, code + (code == 250 ? " queued" : " try later"));
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
