package dev.kumo.simulate.actors;

import dev.kumo.simulate.alb.AlbRequest;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.org.UserAgents;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Customer traffic through the internet-facing Application Load Balancers of the production and
 * staging estates: browsers and search engine crawlers on the shop ({@code <env>-web}, forwarding to the
 * web instances on 8080), the mobile app and the web front end on the API ({@code <env>-api}, production
 * only, forwarding to ECS tasks), plain-HTTP visits redirected to HTTPS, and the usual share of 304s,
 * 404s, expired sessions and rare 5xx.
 */
public final class WebActor implements Actor {
  private static final ZoneId CUSTOMERS = ZoneId.of("America/New_York");
  private static final double PEAK_PER_HOUR = 1_200;
  private static final List<String> GOOGLEBOT = List.of("66.249.64.0/19");
  private static final List<String> BINGBOT = List.of("157.55.39.0/24", "40.77.167.0/24", "207.46.13.0/24");
  private static final String[] PRODUCTS = {"linen-shirt", "trail-runner-2", "wool-beanie", "canvas-tote",
      "rain-jacket", "merino-socks", "leather-belt", "denim-jacket", "travel-mug", "yoga-mat", "desk-lamp",
      "ceramic-bowl-set", "cotton-hoodie", "hiking-boots", "sun-hat"};
  private static final String[] CATEGORIES = {"men", "women", "outdoor", "home", "accessories", "sale", "new"};
  private static final String[] SEARCHES = {"jacket", "running+shoes", "gift", "socks", "lamp", "blue+shirt",
      "backpack", "summer", "boots"};
  private static final String[] MOBILE = {
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 "
          + "Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Mobile "
          + "Safari/537.36",
      "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Mobile "
          + "Safari/537.36"};
  private static final String[] APP = {"ShopApp/4.12.0 (iPhone; iOS 18.3; Scale/3.00)",
      "ShopApp/4.12.1 (com.shop.app; build:41201; Android 14) okhttp/4.12.0"};

  private final SplittableRandom random;

  WebActor(SplittableRandom random) {
    this.random = random;
  }

  /** One load balancer: its id, nodes, host name, targets and certificate. */
  private record Alb(Estate estate, String id, List<String> nodes, String domain, List<String> targets,
      String targetGroupArn, String certificateArn, boolean api, String staticHash) {}

  private static boolean served(Estate e) {
    return !e.vpc().albEnis().isEmpty()
        && (e.account().kind() == AccountKind.PRODUCTION || e.account().kind() == AccountKind.STAGING);
  }

  private static double peak(Alb a) {
    double p = a.estate().account().kind() == AccountKind.PRODUCTION ? PEAK_PER_HOUR : PEAK_PER_HOUR * 0.05;
    p = a.estate().home() ? p : p * 0.4;
    return a.api() ? p * 0.6 : p;
  }

  private static List<Alb> albs(World w) {
    List<Alb> out = new ArrayList<>();
    for (Estate e : w.org().estates()) {
      if (!served(e)) {
        continue;
      }
      boolean prod = e.account().kind() == AccountKind.PRODUCTION;
      String env = prod ? "prod" : "staging";
      List<String> web = new ArrayList<>();
      for (Instance i : e.instances()) {
        if (i.purpose().equals("web")) {
          web.add(i.privateIp());
        }
      }
      if (web.isEmpty()) {
        continue;
      }
      String host = prod ? (e.home() ? "www." : e.region() + ".") + w.org().domain()
          : "staging." + w.org().domain();
      out.add(alb(w, e, env + "-web", e.vpc().albIps(), host, web, false));
      if (prod) {
        SplittableRandom r = RandomIds.stable(w.org().seed(), "alb-api/" + e.accountId() + e.region());
        List<String> nodes = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < e.vpc().albIps().size(); i++) {
          nodes.add(e.vpc().cidrPrefix() + i + "." + (20 + r.nextInt(200)));
        }
        for (int i = 0; i < 4; i++) {
          tasks.add(e.vpc().cidrPrefix() + (2 + i % 2) + "." + (10 + r.nextInt(240)));
        }
        out.add(alb(w, e, env + "-api", nodes, (e.home() ? "api." : "api-" + e.region() + ".") + w.org().domain(),
            tasks, true));
      }
    }
    return out;
  }

  private static Alb alb(World w, Estate e, String name, List<String> nodes, String domain, List<String> targets,
      boolean api) {
    SplittableRandom r = RandomIds.stable(w.org().seed(), "alb/" + e.accountId() + "/" + e.region() + "/" + name);
    String arnPrefix = "arn:aws:elasticloadbalancing:" + e.region() + ":" + e.accountId() + ":";
    return new Alb(e, "app/" + name + "/" + RandomIds.hex(r, 16), List.copyOf(nodes), domain, List.copyOf(targets),
        arnPrefix + "targetgroup/" + name + "-tg/" + RandomIds.hex(r, 16),
        "arn:aws:acm:" + e.region() + ":" + e.accountId() + ":certificate/" + RandomIds.uuid(r), api,
        RandomIds.hex(r, 8));
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double sum = 0;
    for (Alb a : albs(w)) {
      sum += peak(a) * 24 * WorkWeek.trafficMean();
    }
    return sum;
  }

  @Override
  public void start(World w) {
    for (Alb a : albs(w)) {
      next(w, a, random.split(), w.timeline().now());
    }
  }

  private void next(World w, Alb a, SplittableRandom r, long now) {
    long t = Arrivals.next(now, peak(a) * w.scale(), x -> WorkWeek.traffic(x, CUSTOMERS), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        w.emit(a.api() ? api(a, r, time) : web(a, r, time));
        next(w, a, r, time);
      });
    }
  }

  /** A request to the shop. */
  private static AlbRequest web(Alb a, SplittableRandom r, long t) {
    int who = r.nextInt(100);
    String client;
    String agent;
    if (who < 5) {
      client = Addresses.inAny(GOOGLEBOT, r);
      agent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    } else if (who < 8) {
      client = Addresses.inAny(BINGBOT, r);
      agent = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    } else {
      client = Addresses.inAny(Addresses.VISITORS, r);
      agent = who < 45 ? MOBILE[r.nextInt(MOBILE.length)] : UserAgents.browser(r);
    }
    String path;
    boolean asset = false;
    int k = r.nextInt(100);
    if (who < 8 && k < 10) {
      path = k < 5 ? "/robots.txt" : "/sitemap.xml";
    } else if (k < 14) {
      path = "/";
    } else if (k < 34) {
      path = "/products/" + Pick.one(r, PRODUCTS);
    } else if (k < 42) {
      path = "/category/" + Pick.one(r, CATEGORIES) + (r.nextInt(4) == 0 ? "?page=" + (2 + r.nextInt(4)) : "");
    } else if (k < 47) {
      path = "/search?q=" + Pick.one(r, SEARCHES);
    } else if (k < 52) {
      path = Pick.one(r, "/cart", "/checkout", "/account", "/login");
    } else if (k < 70) {
      String file = Pick.one(r, "js/main", "js/vendor", "css/main");
      path = "/static/" + file + "." + a.staticHash() + (file.startsWith("js") ? ".js" : ".css");
      asset = true;
    } else if (k < 92) {
      path = "/images/products/" + Pick.one(r, PRODUCTS) + "-" + (1 + r.nextInt(4)) + ".webp";
      asset = true;
    } else if (k < 95) {
      path = "/favicon.ico";
      asset = true;
    } else {
      path = "/products/" + Pick.one(r, PRODUCTS) + "-" + Pick.one(r, "old", "2023", "classic"); // retired items
    }
    boolean post = path.equals("/login") && r.nextInt(3) == 0 || path.equals("/cart") && r.nextInt(4) == 0;
    if (r.nextInt(100) < 3) { // typed or linked without https: the listener on 80 redirects
      return redirect(a, r, t, client, agent, path);
    }
    int status;
    int s = r.nextInt(1000);
    if (path.contains("-old") || path.contains("-2023") || path.contains("-classic")) {
      status = 404;
    } else if (asset && s < 300) {
      status = 304;
    } else if ((path.equals("/account") || path.equals("/checkout")) && s < 250) {
      status = 302; // not signed in: sent to the login page
    } else if (post && path.equals("/login")) {
      status = s < 850 ? 302 : 401;
    } else if (s < 4) {
      status = 500;
    } else if (s < 6) {
      status = 502;
    } else if (s < 7) {
      status = 504;
    } else {
      status = 200;
    }
    String url = "https://" + a.domain() + ":443" + path;
    return forward(a, r, t, client, agent, post ? "POST" : "GET", url, status, asset, r.nextInt(3) == 0 ? "h2" : "https",
        post ? 1 : asset ? 4 : 2);
  }

  /** A call to the API. */
  private static AlbRequest api(Alb a, SplittableRandom r, long t) {
    boolean app = r.nextInt(100) < 60;
    String agent = app ? APP[r.nextInt(APP.length)] : UserAgents.browser(r);
    String client = Addresses.inAny(Addresses.VISITORS, r);
    int k = r.nextInt(100);
    String method = "GET";
    String path;
    int status = 200;
    int s = r.nextInt(1000);
    if (k < 30) {
      path = "/v1/products?page=" + (1 + r.nextInt(5)) + "&limit=24";
    } else if (k < 45) {
      path = "/v1/products/" + Pick.one(r, PRODUCTS);
    } else if (k < 60) {
      path = "/v1/cart";
      method = r.nextBoolean() ? "GET" : "PUT";
    } else if (k < 72) {
      path = "/v1/orders/" + (100_000 + r.nextInt(900_000));
    } else if (k < 80) {
      path = "/v1/orders";
      method = "POST";
      status = s < 900 ? 201 : 422;
    } else if (k < 86) {
      path = "/v1/payments/intents";
      method = "POST";
      status = s < 940 ? 201 : 402;
    } else {
      path = "/v1/customers/me";
      status = s < 80 ? 401 : 200; // an expired token
    }
    if (status == 200 && s >= 995) {
      status = s >= 998 ? 503 : 500;
    }
    String url = "https://" + a.domain() + ":443" + path;
    return forward(a, r, t, client, agent, method, url, status, false, app ? "h2" : "https", method.equals("GET") ? 1 : 2);
  }

  /**
   * A request from {@code client} to the first load balancer of {@code e}, forwarded to one of its targets, as
   * scenarios write them; null when {@code e} serves no web traffic.
   *
   * @param path the path and query, as sent ({@code /api/render?url=...})
   */
  public static @Nullable AlbRequest request(World w, Estate e, SplittableRandom r, long t, String client, String agent,
      String method, String path, int status) {
    for (Alb a : albs(w)) {
      if (a.estate().equals(e)) {
        return forward(a, r, t, client, agent, method, "https://" + a.domain() + ":443" + path, status, false, "https",
            method.equals("GET") ? 1 : 2);
      }
    }
    return null;
  }

  private static AlbRequest forward(Alb a, SplittableRandom r, long t, String client, String agent, String method,
      String url, int status, boolean asset, String type, int rule) {
    Estate e = a.estate();
    String target = Pick.one(a.targets(), r);
    double targetSeconds = asset ? 0.001 + r.nextInt(6) / 1000.0 : 0.004 + Arrivals.exponential(r) * 0.08;
    int targetStatus = status;
    String error = null;
    if (status == 502) {
      targetStatus = -1;
      targetSeconds = -1;
      error = "TargetConnectionError";
    } else if (status == 504) {
      targetStatus = -1;
      targetSeconds = -1;
      error = "TargetTimeout";
    }
    long sent = status == 304 ? 180 + r.nextInt(60) : status >= 300 && status < 400 ? 300 + r.nextInt(200)
        : asset ? 4_000 + r.nextInt(180_000) : status >= 400 ? 200 + r.nextInt(800) : 2_000 + r.nextInt(60_000);
    long received = (method.equals("GET") ? 350 : 900) + r.nextInt(900) + agent.length();
    long micros = t * 1000 + r.nextInt(1000);
    long duration = (long) (Math.max(0, targetSeconds) * 1_000_000) + 400 + r.nextInt(800);
    return new AlbRequest(e.accountId(), e.region(), a.id(), Pick.one(a.nodes(), r), type, micros, duration, client,
        1024 + r.nextInt(64_000), target, 8080, 0.0, targetSeconds, 0.0, status, targetStatus, received, sent, method,
        url, type.equals("h2") ? "HTTP/2.0" : "HTTP/1.1", agent, a.domain(), a.certificateArn(), a.targetGroupArn(),
        rule, "forward", null, error);
  }

  private static AlbRequest redirect(Alb a, SplittableRandom r, long t, String client, String agent, String path) {
    Estate e = a.estate();
    return new AlbRequest(e.accountId(), e.region(), a.id(), Pick.one(a.nodes(), r), "http", t * 1000 + r.nextInt(1000),
        200 + r.nextInt(300), client, 1024 + r.nextInt(64_000), null, 0, -1, -1, -1, 301, -1, 120 + r.nextInt(400),
        330 + r.nextInt(60), "GET", "http://" + a.domain() + ":80" + path, "HTTP/1.1", agent, a.domain(), null, null, 1,
        "redirect", "https://" + a.domain() + ":443" + path, null);
  }
}
