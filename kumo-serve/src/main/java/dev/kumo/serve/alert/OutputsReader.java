package dev.kumo.serve.alert;

import dev.kumo.sigma.Level;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlChecks;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code outputs:} list of the serve configuration (keys in {@code docs/serve.md}, "Alert outputs") into
 * {@link OutputConfig}s. Every problem — unknown keys, bad types, URLs, durations, levels, rate limits, ports,
 * duplicate names — is reported as {@code file:line: reason}, all at once. Not thread-safe: one per document.
 */
public final class OutputsReader {
  /** Largest configuration text accepted. */
  public static final int MAX_CHARS = 1 << 20;
  private static final Duration MAX_DURATION = Duration.ofDays(7);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final String[] COMMON = {"type", "name", "min_level", "dedup_window", "rate_limit", "max_attempts",
      "retry_backoff", "retry_backoff_max", "timeout", "queue_size"};
  private static final Map<String, Integer> FACILITIES = facilities();

  private final YamlChecks checks;

  private OutputsReader(YamlChecks checks) {
    this.checks = checks;
  }

  /**
   * Reads the {@code outputs} key of a YAML document (other top-level keys belong to other readers and are ignored);
   * no {@code outputs} key gives an empty list.
   *
   * @param file names the document in messages
   * @throws OutputConfigException listing every problem
   */
  public static List<OutputConfig> read(String file, String text) {
    if (text.length() > MAX_CHARS) {
      throw new OutputConfigException(List.of(file + ":1: larger than " + MAX_CHARS + " characters"));
    }
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.isEmpty() || docs.get(0).root() == null && docs.get(0).error() == null) {
      return List.of();
    }
    YamlReader.Document d = docs.get(0);
    if (docs.size() != 1 || d.error() != null || !(d.root() instanceof YMap root)) {
      String why = d.error() != null ? d.error() : docs.size() > 1 ? "one document expected"
          : "the configuration must be a map";
      throw new OutputConfigException(List.of(file + ":" + d.line() + ": " + why));
    }
    YamlChecks checks = new YamlChecks(file);
    List<OutputConfig> out = new OutputsReader(checks).outputs(root);
    if (checks.hasErrors()) {
      throw new OutputConfigException(checks.errors());
    }
    return out;
  }

  /**
   * Reads an {@code outputs} entry of a map already parsed, reporting into {@code checks}; for a configuration reader
   * that owns the whole file. Returns what could be read; check {@link YamlChecks#hasErrors()} after.
   */
  public static List<OutputConfig> read(YMap root, YamlChecks checks) {
    return new OutputsReader(checks).outputs(root);
  }

  private List<OutputConfig> outputs(YMap root) {
    YNode n = root.get("outputs");
    if (n == null || n instanceof YScalar s && s.value() == null) {
      return List.of();
    }
    if (!(n instanceof YList list)) {
      checks.error(root.lineOf("outputs"), "'outputs' must be a list of outputs");
      return List.of();
    }
    List<OutputConfig> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (YNode item : list.items()) {
      if (!(item instanceof YMap m)) {
        checks.error(item.line(), "an output must be a map with 'type' and 'name'");
        continue;
      }
      String type = checks.text(m, "type", true);
      String name = checks.id(m, "name");
      Integer first = names.putIfAbsent(name, m.lineOf("name"));
      if (first != null && !name.equals("?")) {
        checks.error(m.lineOf("name"), "duplicate output name '" + name + "' (first on line " + first + ")");
      }
      if (type == null) {
        continue;
      }
      OutputConfig c = switch (type) {
        case "webhook" -> webhook(m, name);
        case "syslog" -> syslog(m, name);
        case "email" -> email(m, name);
        default -> {
          checks.error(m.lineOf("type"), "unknown output type '" + type + "' (one of [webhook, syslog, email])");
          yield null;
        }
      };
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private @Nullable OutputConfig webhook(YMap m, String name) {
    checks.keys(m, concat("url", "format", "headers"));
    DeliveryPolicy policy = policy(m);
    URI url = url(m);
    String f = checks.text(m, "format", false);
    WebhookFormat format = f == null ? WebhookFormat.GENERIC : WebhookFormat.byId(f).orElse(null);
    if (format == null) {
      checks.error(m.lineOf("format"), "unknown format '" + f + "' (one of " + WebhookFormat.ids() + ")");
    }
    Map<String, String> headers = headers(m);
    if (url == null || format == null || policy == null) {
      return null;
    }
    return new WebhookConfig(name, url, format, headers, policy);
  }

  private @Nullable OutputConfig syslog(YMap m, String name) {
    checks.keys(m, concat("host", "port", "tls", "trust_store", "trust_store_password", "trust_store_type",
        "facility", "app_name", "hostname", "sd_id"));
    DeliveryPolicy policy = policy(m);
    String host = host(m);
    boolean tls = checks.bool(m, "tls", false);
    int port = integer(m, "port", tls ? 6514 : 514, 1, 65535);
    String ts = checks.text(m, "trust_store", false);
    if (ts != null && !tls) {
      checks.error(m.lineOf("trust_store"), "'trust_store' needs 'tls: true'");
    }
    String password = checks.text(m, "trust_store_password", false);
    String type = trustStoreType(m);
    int facility = facility(m);
    String app = checks.text(m, "app_name", false);
    if (app != null && !printable(app, 48)) {
      checks.error(m.lineOf("app_name"), "'app_name' must be 1 to 48 printable ASCII characters without spaces");
    }
    String hostname = checks.text(m, "hostname", false);
    if (hostname != null && !printable(hostname, 255)) {
      checks.error(m.lineOf("hostname"), "'hostname' must be 1 to 255 printable ASCII characters without spaces");
    }
    String sdId = checks.text(m, "sd_id", false);
    if (sdId != null && !SyslogFormat.validSdName(sdId)) {
      checks.error(m.lineOf("sd_id"), "'sd_id' must be 1 to 32 printable ASCII characters without = ] \" or spaces"
          + " (e.g. name@enterprise-number)");
    }
    if (host == null || policy == null) {
      return null;
    }
    return new SyslogConfig(name, host, port, tls, ts == null ? null : Path.of(ts), password, type, facility,
        app == null ? "kumo" : app, hostname, sdId == null ? SyslogConfig.DEFAULT_SD_ID : sdId, policy);
  }

  private @Nullable OutputConfig email(YMap m, String name) {
    checks.keys(m, concat("host", "port", "security", "username", "password_env", "from", "to", "trust_store",
        "trust_store_password", "trust_store_type"));
    DeliveryPolicy policy = policy(m);
    String host = host(m);
    String sec = checks.text(m, "security", false);
    EmailConfig.Security security = EmailConfig.Security.STARTTLS;
    if (sec != null) {
      security = null;
      for (EmailConfig.Security x : EmailConfig.Security.values()) {
        if (x.id().equals(sec)) {
          security = x;
        }
      }
      if (security == null) {
        checks.error(m.lineOf("security"), "'security' must be starttls, tls or none, not '" + sec + "'");
      }
    }
    int port = integer(m, "port", security == EmailConfig.Security.TLS ? 465
        : security == EmailConfig.Security.NONE ? 25 : 587, 1, 65535);
    String username = checks.text(m, "username", false);
    String passwordEnv = checks.text(m, "password_env", false);
    if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
      checks.error(m.lineOf("password_env"), "'password_env' must name an environment variable");
    }
    if (passwordEnv != null && username == null) {
      checks.error(m.lineOf("password_env"), "'password_env' needs 'username'");
    }
    String from = checks.text(m, "from", true);
    if (from != null && !address(from)) {
      checks.error(m.lineOf("from"), "'from' is not an e-mail address: '" + from + "'");
    }
    List<String> to = m.strings("to");
    if (to.isEmpty()) {
      checks.error(m.lineOf("to"), "'to' must be one or more e-mail addresses");
    }
    for (String t : to) {
      if (!address(t)) {
        checks.error(m.lineOf("to"), "'to' has a value that is not an e-mail address: '" + t + "'");
      }
    }
    String ts = checks.text(m, "trust_store", false);
    if (ts != null && security == EmailConfig.Security.NONE) {
      checks.error(m.lineOf("trust_store"), "'trust_store' needs 'security: starttls' or 'tls'");
    }
    String tsType = trustStoreType(m);
    if (host == null || policy == null || security == null || from == null || to.isEmpty()) {
      return null;
    }
    return new EmailConfig(name, host, port, security, username, passwordEnv, from, to,
        ts == null ? null : Path.of(ts), checks.text(m, "trust_store_password", false), tsType, policy);
  }

  private static boolean address(String a) {
    try {
      new jakarta.mail.internet.InternetAddress(a, true).validate();
      return true;
    } catch (jakarta.mail.internet.AddressException e) {
      return false;
    }
  }

  private @Nullable String host(YMap m) {
    String host = checks.text(m, "host", true);
    if (host != null && (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/'))) {
      checks.error(m.lineOf("host"), "'host' must be a host name or address, not '" + host + "'");
      return null;
    }
    return host;
  }

  private String trustStoreType(YMap m) {
    String type = checks.text(m, "trust_store_type", false);
    if (type != null && !type.equalsIgnoreCase("PKCS12") && !type.equalsIgnoreCase("JKS")) {
      checks.error(m.lineOf("trust_store_type"), "'trust_store_type' must be PKCS12 or JKS, not '" + type + "'");
    }
    return type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
  }

  private @Nullable DeliveryPolicy policy(YMap m) {
    DeliveryPolicy d = DeliveryPolicy.DEFAULT;
    String lv = checks.text(m, "min_level", false);
    Level level = lv == null ? d.minLevel() : Level.parse(lv);
    if (level == null) {
      checks.error(m.lineOf("min_level"), "unknown level '" + lv + "' (informational, low, medium, high, critical)");
    }
    Duration window = duration(m, "dedup_window", d.dedupWindow());
    RateLimit rate = d.rateLimit();
    String rl = checks.text(m, "rate_limit", false);
    if (rl != null) {
      if (rl.equals("none")) {
        rate = null;
      } else {
        Optional<RateLimit> r = RateLimit.parse(rl);
        if (r.isEmpty()) {
          checks.error(m.lineOf("rate_limit"), "'rate_limit' must be like 30/min (per s, min, hour or day) or none,"
              + " not '" + rl + "'");
        }
        rate = r.orElse(null);
      }
    }
    int attempts = integer(m, "max_attempts", d.maxAttempts(), 1, 100);
    Duration backoff = duration(m, "retry_backoff", d.initialBackoff());
    Duration backoffMax = duration(m, "retry_backoff_max", d.maxBackoff());
    Duration timeout = duration(m, "timeout", d.timeout());
    if (timeout != null && timeout.isZero()) {
      checks.error(m.lineOf("timeout"), "'timeout' must be positive");
      timeout = null;
    }
    int queue = integer(m, "queue_size", d.queueSize(), 1, 1_000_000);
    if (level == null || window == null || backoff == null || backoffMax == null || timeout == null) {
      return null;
    }
    return new DeliveryPolicy(level, window, rate, attempts, backoff, backoffMax, timeout, queue);
  }

  private @Nullable URI url(YMap m) {
    String u = checks.text(m, "url", true);
    if (u == null) {
      return null;
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        checks.error(m.lineOf("url"), "'url' must be an http or https URL with a host");
        return null;
      }
      if (uri.getUserInfo() != null) {
        checks.error(m.lineOf("url"), "'url' must not carry a user name or password (use 'headers')");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      // The message would echo the URL, which may be a secret.
      checks.error(m.lineOf("url"), "'url' is not a valid URL (" + e.getReason() + ")");
      return null;
    }
  }

  private Map<String, String> headers(YMap m) {
    YNode n = m.get("headers");
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n instanceof YScalar s && s.value() == null) {
      return out;
    }
    if (!(n instanceof YMap h)) {
      checks.error(m.lineOf("headers"), "'headers' must be a map of header names to values");
      return out;
    }
    for (String k : h.entries().keySet()) {
      String v = checks.text(h, k, true);
      if (!k.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}") || RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
        checks.error(h.lineOf(k), "'" + k + "' cannot be set as a header");
      } else if (v != null && v.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        checks.error(h.lineOf(k), "the value of header '" + k + "' has control characters");
      } else if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect",
      "host", "upgrade", "content-type");

  private int facility(YMap m) {
    String f = checks.text(m, "facility", false);
    if (f == null) {
      return 16; // local0
    }
    Integer n = FACILITIES.get(f.toLowerCase(Locale.ROOT));
    if (n == null && f.matches("\\d{1,2}") && Integer.parseInt(f) <= 23) {
      n = Integer.parseInt(f);
    }
    if (n == null) {
      checks.error(m.lineOf("facility"), "unknown facility '" + f + "' (0 to 23, or a name such as local0, auth,"
          + " authpriv)");
      return 16;
    }
    return n;
  }

  private @Nullable Duration duration(YMap m, String key, Duration dflt) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return dflt;
    }
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    Matcher x = DURATION.matcher(v.trim());
    if (!x.matches()) {
      checks.error(m.lineOf(key), "'" + key + "' must be a duration like 500ms, 30s, 10m, 1h or 1d, not '" + v + "'");
      return null;
    }
    long n = Long.parseLong(x.group(1));
    Duration d = switch (x.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.compareTo(MAX_DURATION) > 0) {
      checks.error(m.lineOf(key), "'" + key + "' must be at most 7d, not '" + v + "'");
      return null;
    }
    return d;
  }

  private int integer(YMap m, String key, int dflt, int min, int max) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return dflt;
    }
    if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      checks.error(m.lineOf(key), "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + v
          + "'");
      return dflt;
    }
    return Integer.parseInt(v);
  }

  private static boolean printable(String s, int max) {
    return !s.isEmpty() && s.length() <= max && s.chars().allMatch(c -> c >= 33 && c <= 126);
  }

  private static String[] concat(String... specific) {
    String[] all = new String[COMMON.length + specific.length];
    System.arraycopy(COMMON, 0, all, 0, COMMON.length);
    System.arraycopy(specific, 0, all, COMMON.length, specific.length);
    return all;
  }

  private static Map<String, Integer> facilities() {
    String[] names = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv",
        "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
        "local7"};
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], i);
    }
    return Map.copyOf(out);
  }
}
