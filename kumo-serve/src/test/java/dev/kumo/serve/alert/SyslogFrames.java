package dev.kumo.serve.alert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads octet-counted frames (RFC 6587) and parses RFC 5424 messages, strictly, for the tests. */
final class SyslogFrames {
  /** One structured-data parameter, unescaped. */
  record Param(String name, String value) {}

  /** A parsed message. */
  record Message(int pri, String version, String timestamp, String hostname, String appName, String procId,
      String msgId, String sdId, List<Param> params, String msg) {
    String param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst().orElse(null);
    }
  }

  private SyslogFrames() {}

  /** The next frame's message bytes, or null at the end of the stream. */
  static byte @Nullable [] read(InputStream in) throws IOException {
    StringBuilder len = new StringBuilder();
    int c;
    while ((c = in.read()) != ' ') {
      if (c < 0 && len.length() == 0) {
        return null;
      }
      if (c < '0' || c > '9' || len.length() > 9) {
        throw new IOException("bad frame length prefix: " + len + (char) c);
      }
      len.append((char) c);
    }
    byte[] msg = in.readNBytes(Integer.parseInt(len.toString()));
    if (msg.length != Integer.parseInt(len.toString())) {
      throw new IOException("frame cut short");
    }
    return msg;
  }

  static Message parse(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    int i = s.indexOf('>');
    if (s.charAt(0) != '<' || i < 2 || i > 4) {
      throw new IllegalArgumentException("bad PRI: " + s);
    }
    int pri = Integer.parseInt(s.substring(1, i));
    String[] h = s.substring(i + 1).split(" ", 7);
    for (int k = 0; k < 6; k++) {
      if (h[k].isEmpty() || !h[k].chars().allMatch(ch -> ch >= 33 && ch <= 126)) {
        throw new IllegalArgumentException("header field " + k + " not PRINTUSASCII: " + h[k]);
      }
    }
    String rest = h[6];
    if (rest.charAt(0) != '[') {
      throw new IllegalArgumentException("no structured data: " + rest);
    }
    int p = 1;
    int sp = rest.indexOf(' ', p);
    String sdId = rest.substring(p, sp);
    p = sp;
    List<Param> params = new ArrayList<>();
    while (rest.charAt(p) == ' ') {
      int eq = rest.indexOf('=', p);
      String name = rest.substring(p + 1, eq);
      if (rest.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("PARAM-VALUE not quoted at " + eq);
      }
      StringBuilder value = new StringBuilder();
      int q = eq + 2;
      while (true) {
        char ch = rest.charAt(q);
        if (ch == '\\' && "\"\\]".indexOf(rest.charAt(q + 1)) >= 0) {
          value.append(rest.charAt(q + 1));
          q += 2;
        } else if (ch == '"') {
          break;
        } else if (ch == ']') {
          throw new IllegalArgumentException("unescaped ] in PARAM-VALUE");
        } else {
          value.append(ch);
          q++;
        }
      }
      params.add(new Param(name, value.toString()));
      p = q + 1;
    }
    if (rest.charAt(p) != ']') {
      throw new IllegalArgumentException("structured data not closed at " + p);
    }
    String msg = rest.substring(p + 1);
    if (!msg.startsWith(" \uFEFF")) {
      throw new IllegalArgumentException("MSG without BOM");
    }
    return new Message(pri, h[0], h[1], h[2], h[3], h[4], h[5], sdId, params, msg.substring(2));
  }
}
