package dev.kumo.intel.taxii;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A TAXII 2.1 client: discovery, an API root's collections, and paged, incremental object pulls.
 * Every request asks for {@code application/taxii+json;version=2.1} (STIX JSON answers are accepted
 * too); every failure is a one-line {@link TaxiiException} naming the URL and never the credentials.
 * Redirects are not followed (credentials would go along). Thread-safe; holds no state between calls.
 */
public final class TaxiiClient {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Credentials for a TAXII server. Their {@code toString} hides the secret. */
  public sealed interface Auth {
    /** HTTP basic authentication. */
    record Basic(String user, String password) implements Auth {
      public Basic {
        if (user.indexOf(':') >= 0) {
          throw new IllegalArgumentException("a basic-auth user name cannot contain ':'");
        }
      }

      @Override
      public String toString() {
        return "Basic[user=" + user + ", password=***]";
      }
    }

    /** A bearer token ({@code Authorization: Bearer …}). */
    record Bearer(String token) implements Auth {
      @Override
      public String toString() {
        return "Bearer[token=***]";
      }
    }
  }

  /**
   * How to reach a server.
   *
   * @param url an API root ({@code https://host/api1/}) or a discovery URL (path ending in
   *     {@code /taxii2/}); without {@code user:password@}
   * @param auth credentials, or null
   * @param connectTimeout longest wait for a connection (used by {@link #create})
   * @param readTimeout longest wait for one whole answer
   * @param limit objects asked for per page ({@code limit=})
   * @param maxPages a pull stops (truncated) after this many pages
   * @param maxObjects a pull stops (truncated) after the page that reaches this many objects
   * @param maxPageBytes an answer larger than this fails
   */
  public record Config(URI url, @Nullable Auth auth, Duration connectTimeout, Duration readTimeout, int limit,
      int maxPages, long maxObjects, int maxPageBytes) {

    public Config {
      if (!url.isAbsolute() || url.getHost() == null
          || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
        throw new IllegalArgumentException("a TAXII URL must be an absolute http(s) URL, got " + TaxiiHttp.display(url));
      }
      if (url.getRawUserInfo() != null) {
        throw new IllegalArgumentException("a TAXII URL must not carry credentials (user:password@); give them as auth");
      }
      if (url.getRawQuery() != null || url.getRawFragment() != null) {
        throw new IllegalArgumentException("a TAXII URL takes no query or fragment, got " + url);
      }
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(readTimeout, "readTimeout");
      if (limit < 1 || maxPages < 1 || maxObjects < 1 || maxPageBytes < 1) {
        throw new IllegalArgumentException("limit, maxPages, maxObjects and maxPageBytes must be at least 1");
      }
    }

    private static void requirePositive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
    }

    /**
     * {@code url} without credentials, 10 s to connect, 60 s per answer, 1000 objects a page, at most
     * 10,000 pages and 10,000,000 objects a pull, 64 MiB an answer.
     */
    public static Config of(URI url) {
      return new Config(url, null, Duration.ofSeconds(10), Duration.ofSeconds(60), 1000, 10_000, 10_000_000L,
          64 << 20);
    }

    public Config withAuth(@Nullable Auth a) {
      return new Config(url, a, connectTimeout, readTimeout, limit, maxPages, maxObjects, maxPageBytes);
    }

    public Config withTimeouts(Duration connect, Duration read) {
      return new Config(url, auth, connect, read, limit, maxPages, maxObjects, maxPageBytes);
    }

    public Config withLimit(int pageSize) {
      return new Config(url, auth, connectTimeout, readTimeout, pageSize, maxPages, maxObjects, maxPageBytes);
    }

    public Config withSafetyLimits(int pages, long objects, int pageBytes) {
      return new Config(url, auth, connectTimeout, readTimeout, limit, pages, objects, pageBytes);
    }
  }

  private final Config config;
  private final TaxiiHttp http;

  /** A client sending its requests through {@code http} (whose connect timeout and redirects it keeps). */
  public TaxiiClient(Config config, HttpClient http) {
    this.config = config;
    this.http = new TaxiiHttp(http, config);
  }

  /** A client with its own {@link HttpClient}: the config's connect timeout, no redirects. */
  public static TaxiiClient create(Config config) {
    return new TaxiiClient(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  public Config config() {
    return config;
  }

  /** Whether {@code url} is a discovery URL (its path ends in {@code /taxii2/} or {@code /taxii2}). */
  static boolean isDiscovery(URI url) {
    String p = url.getRawPath() == null ? "" : url.getRawPath();
    return p.endsWith("/taxii2/") || p.endsWith("/taxii2");
  }

  /**
   * Asks the discovery endpoint: the configured discovery URL, or {@code /taxii2/} on the configured
   * API root's server.
   */
  public TaxiiDiscovery discover() throws TaxiiException {
    URI url = isDiscovery(config.url()) ? slash(config.url()) : config.url().resolve("/taxii2/");
    TaxiiHttp.Reply r = http.get(url, "no TAXII discovery endpoint");
    String at = TaxiiHttp.display(url);
    URI def = r.body().getString("default") == null ? null : root(url, r.body().getString("default"), "default", at);
    List<URI> roots = new ArrayList<>();
    Object list = r.body().get("api_roots");
    if (list != null && !(list instanceof JsonArray)) {
      throw new TaxiiException("api_roots at " + at + " is not a list");
    }
    if (list instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof String s)) {
          throw new TaxiiException("api_roots[" + i + "] at " + at + " is not a URL");
        }
        roots.add(root(url, s, "api_roots[" + i + "]", at));
      }
    }
    String title = r.body().getString("title");
    return new TaxiiDiscovery(title == null ? "" : title, r.body().getString("description"), def, roots);
  }

  private static URI root(URI discovery, String raw, String where, String at) throws TaxiiException {
    try {
      URI u = discovery.resolve(raw.strip());
      if (u.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return slash(u);
    } catch (IllegalArgumentException e) {
      throw new TaxiiException(where + " at " + at + " is not a URL: " + TaxiiHttp.excerpt(raw));
    }
  }

  /**
   * The API root to use: the configured one, or for a discovery URL the server's default (or its only
   * API root).
   *
   * @throws TaxiiException also when discovery names several roots and no default
   */
  public URI apiRoot() throws TaxiiException {
    if (!isDiscovery(config.url())) {
      return slash(config.url());
    }
    TaxiiDiscovery d = discover();
    if (d.defaultRoot() != null) {
      return d.defaultRoot();
    }
    if (d.apiRoots().size() == 1) {
      return d.apiRoots().get(0);
    }
    throw new TaxiiException("discovery at " + TaxiiHttp.display(config.url()) + " names " + d.apiRoots().size()
        + " API roots and no default; configure one of them: " + d.apiRoots());
  }

  /** The collections of {@code apiRoot} ({@code GET {root}/collections/}). */
  public List<TaxiiCollection> collections(URI apiRoot) throws TaxiiException {
    URI url = slash(apiRoot).resolve("collections/");
    String at = TaxiiHttp.display(url);
    TaxiiHttp.Reply r = http.get(url, "no API root");
    Object list = r.body().get("collections");
    if (list == null) {
      return List.of();
    }
    if (!(list instanceof JsonArray a)) {
      throw new TaxiiException("collections at " + at + " is not a list");
    }
    List<TaxiiCollection> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonObject c) || c.getString("id") == null || c.getString("id").isBlank()) {
        throw new TaxiiException("collections[" + i + "] at " + at + " has no id");
      }
      String id = c.getString("id");
      String title = c.getString("title");
      List<String> types = new ArrayList<>();
      if (c.get("media_types") instanceof JsonArray m) {
        for (Object t : m) {
          types.add(String.valueOf(t));
        }
      }
      out.add(new TaxiiCollection(id, title == null ? id : title, c.getString("description"),
          Boolean.TRUE.equals(c.get("can_read")), Boolean.TRUE.equals(c.get("can_write")), types));
    }
    return out;
  }

  /**
   * Pulls the objects of a collection added after {@code addedAfter}, page by page
   * ({@code GET {root}/collections/{id}/objects/?limit=N&added_after=T&next=X}), following {@code more}
   * and {@code next} until the server has no more or a safety limit is reached. Each page's JSON text
   * (a TAXII envelope, or a STIX bundle from a STIX-speaking server) goes to {@code pages} as it
   * arrives, in order.
   *
   * @param addedAfter only objects the server added strictly after it (sent with millisecond
   *     precision, rounded down: at worst an object is fetched again, never missed), or null for all
   * @param pages gets each page's JSON text; an exception it throws ends the pull and propagates
   * @throws TaxiiException on any failure; pages already handed on stay handed on
   * @throws IllegalArgumentException if {@code collectionId} is blank
   */
  public PullResult objects(URI apiRoot, String collectionId, @Nullable Instant addedAfter, Consumer<String> pages)
      throws TaxiiException {
    if (collectionId.isBlank()) {
      throw new IllegalArgumentException("a TAXII collection id cannot be blank");
    }
    String base = slash(apiRoot) + "collections/" + encode(collectionId) + "/objects/?limit=" + config.limit()
        + (addedAfter == null ? "" : "&added_after=" + timestamp(addedAfter));
    String notFound = "no collection " + TaxiiHttp.excerpt(collectionId);
    Instant last = addedAfter;
    long objects = 0;
    int count = 0;
    String next = null;
    while (true) {
      URI url = URI.create(next == null ? base : base + "&next=" + encode(next));
      String at = TaxiiHttp.display(url);
      TaxiiHttp.Reply r = http.get(url, notFound);
      Instant pageLast = dateHeader(r, "X-TAXII-Date-Added-Last", at);
      if (pageLast != null && (last == null || pageLast.isAfter(last))) {
        last = pageLast;
      }
      objects += objectCount(r.body(), at);
      count++;
      pages.accept(r.text());
      Object more = r.body().get("more");
      if (more != null && !(more instanceof Boolean)) {
        throw new TaxiiException("'more' at " + at + " is not true or false");
      }
      if (!Boolean.TRUE.equals(more)) {
        return new PullResult(objects, count, last, false);
      }
      String nextToken = r.body().getString("next");
      if (nextToken == null || nextToken.isEmpty()) {
        throw new TaxiiException("server at " + at + " says more objects follow but gives no 'next'");
      }
      if (nextToken.equals(next)) {
        throw new TaxiiException("server at " + at + " answers 'next' " + TaxiiHttp.excerpt(nextToken)
            + " again; stopped to avoid a loop");
      }
      if (count >= config.maxPages() || objects >= config.maxObjects()) {
        return new PullResult(objects, count, last, true);
      }
      next = nextToken;
    }
  }

  private static int objectCount(JsonObject body, String at) throws TaxiiException {
    Object list = body.get("objects");
    if (list == null) {
      return 0;
    }
    if (!(list instanceof JsonArray a)) {
      throw new TaxiiException("'objects' at " + at + " is not a list");
    }
    return a.size();
  }

  private static @Nullable Instant dateHeader(TaxiiHttp.Reply r, String name, String at) throws TaxiiException {
    String v = r.headers().firstValue(name).orElse(null);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new TaxiiException("header " + name + " at " + at + " is not a timestamp: " + TaxiiHttp.excerpt(v));
    }
  }

  /** RFC 3339 with millisecond precision, as TAXII shows it: {@code 2016-11-01T03:04:05.000Z}. */
  static String timestamp(Instant t) {
    return TIMESTAMP.format(t);
  }

  /** {@code s} encoded for a path segment or query value ({@code %20} for space, never {@code +}). */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI slash(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? u : URI.create(s + "/");
  }
}
