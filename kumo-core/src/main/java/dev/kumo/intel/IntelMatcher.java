package dev.kumo.intel;

import dev.kumo.event.Actor;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FileActivity;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Looks up every value of an event that an indicator can name, in every source: source and
 * destination addresses and names, DNS questions and answers, URLs and their hosts, user agents,
 * access keys, accounts (the event's and those inside the acting principal's ARN), principal and
 * session-issuer ARNs and resource ARNs, e-mail-shaped user names, and wallet-shaped words of user
 * agents, URLs and process command lines. Stateless.
 */
public final class IntelMatcher {
  /** Shortest word looked up as a wallet address (Bitcoin's shortest is 26 characters). */
  private static final int MIN_WALLET = 26;

  private IntelMatcher() {}

  /** The hits of {@code e} in {@code store}, sorted and without repeats; empty (not allocated) when none. */
  public static List<IntelHit> hits(IntelStore store, NormalizedEvent e) {
    if (store.isEmpty()) {
      return List.of();
    }
    List<IntelHit> out = new ArrayList<>(0);
    match(store, e, h -> {
      if (!out.contains(h)) {
        out.add(h);
      }
    });
    if (out.isEmpty()) {
      return List.of();
    }
    out.sort(null);
    return out;
  }

  /** Calls {@code out} for each hit (a value seen twice in the event may hit twice). */
  public static void match(IntelStore store, NormalizedEvent e, Consumer<IntelHit> out) {
    if (store.isEmpty()) {
      return;
    }
    var t = e.time();
    endpoint(store, e.src(), t, out);
    if (e.dst() != null) {
      endpoint(store, e.dst(), t, out);
    }
    if (e.details() instanceof DnsQuery q) {
      store.matchDomain(q.hostname(), t, out);
      for (String a : q.answers()) {
        if (IpAddress.isAddress(a)) {
          store.matchIp(a, t, out);
        } else {
          store.matchDomain(a, t, out);
        }
      }
    } else if (e.details() instanceof HttpRequest r && r.url() != null) {
      url(store, r.url(), t, out);
    } else if (e.details() instanceof FileActivity f && f.process() != null && store.has(IndicatorType.WALLET)) {
      words(store, f.process(), t, out);
    }
    Actor a = e.actor();
    store.matchExact(IndicatorType.ACCESS_KEY, a.accessKeyId(), t, out);
    if (store.has(IndicatorType.ACCOUNT)) {
      String account = e.cloud().account();
      store.matchExact(IndicatorType.ACCOUNT, account, t, out);
      String principalAccount = arnAccount(a.principal());
      if (principalAccount != null && !principalAccount.equals(account)) {
        store.matchExact(IndicatorType.ACCOUNT, principalAccount, t, out);
      }
    }
    if (store.has(IndicatorType.ARN)) {
      store.matchExact(IndicatorType.ARN, a.principal(), t, out);
      store.matchExact(IndicatorType.ARN, a.sessionIssuer(), t, out);
      for (ResourceRef r : e.resources()) {
        if (r.uid() != null && r.uid().startsWith("arn:")) {
          store.matchExact(IndicatorType.ARN, r.uid(), t, out);
        }
      }
    }
    if (store.has(IndicatorType.EMAIL)) {
      email(store, a.userName(), t, out);
      if (a.principal() != null && !a.principal().equals(a.userName())) {
        email(store, a.principal(), t, out);
      }
    }
  }

  private static void endpoint(IntelStore store, Endpoint p, java.time.Instant t, Consumer<IntelHit> out) {
    store.matchIp(p.ip(), t, out);
    if (p.name() != null) {
      if (IpAddress.isAddress(p.name())) {
        store.matchIp(p.name(), t, out);
      } else {
        store.matchDomain(p.name(), t, out);
      }
    }
    if (p.userAgent() != null) {
      store.matchExact(IndicatorType.USER_AGENT, p.userAgent(), t, out);
      if (store.has(IndicatorType.WALLET)) {
        words(store, p.userAgent(), t, out);
      }
    }
  }

  private static void url(IntelStore store, String url, java.time.Instant t, Consumer<IntelHit> out) {
    if (store.has(IndicatorType.URL)) {
      store.matchExact(IndicatorType.URL, url, t, out);
      try {
        String canonical = Indicators.canonical(IndicatorType.URL, url);
        if (!canonical.equals(url)) {
          store.matchExact(IndicatorType.URL, canonical, t, h -> out.accept(observedAs(h, url)));
        }
      } catch (IllegalArgumentException notAbsolute) {
        // a path only: nothing to canonicalize
      }
    }
    String host = Indicators.urlHost(url);
    if (host != null) {
      if (IpAddress.isAddress(host)) {
        store.matchIp(host, t, out);
      } else {
        store.matchDomain(host, t, out);
      }
    }
    if (store.has(IndicatorType.WALLET)) {
      words(store, url, t, out);
    }
  }

  private static IntelHit observedAs(IntelHit h, String observed) {
    return new IntelHit(h.type(), h.indicator(), observed, h.feed(), h.id(), h.confidence(), h.context());
  }

  private static void email(IntelStore store, @Nullable String s, java.time.Instant t, Consumer<IntelHit> out) {
    if (s != null && s.indexOf('@') > 0) {
      int slash = s.lastIndexOf('/');
      String v = slash >= 0 ? s.substring(slash + 1) : s;
      store.matchExact(IndicatorType.EMAIL, v.toLowerCase(java.util.Locale.ROOT), t, h -> out.accept(observedAs(h, s)));
    }
  }

  /** Looks up each word (letters and digits) of at least {@link #MIN_WALLET} characters as a wallet. */
  private static void words(IntelStore store, String text, java.time.Instant t, Consumer<IntelHit> out) {
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (i - start >= MIN_WALLET) {
          store.matchExact(IndicatorType.WALLET, text.substring(start, i), t, out);
        }
        start = -1;
      }
    }
  }

  /** The account field of an ARN ({@code arn:aws:iam::123456789012:user/x} → 123456789012), or null. */
  static @Nullable String arnAccount(@Nullable String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int from = 0;
    for (int i = 0; i < 4; i++) {
      from = arn.indexOf(':', from) + 1;
      if (from == 0) {
        return null;
      }
    }
    int end = arn.indexOf(':', from);
    return end <= from ? null : arn.substring(from, end);
  }
}
