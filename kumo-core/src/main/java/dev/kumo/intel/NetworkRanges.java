package dev.kumo.intel;

import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;
import dev.kumo.net.IpRangeMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers which cloud provider, CDN, hoster or VPN operates an IP address, from a ranges file of
 * {@code cidr<TAB>owner<TAB>kind} lines. Within a kind the longest prefix wins; across kinds the most
 * authoritative kind wins ({@link NetworkOwner.Kind} order), because VPN/datacenter lists overlap
 * the providers' own published ranges. Immutable, serializable, thread-safe.
 */
public final class NetworkRanges implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUILTIN = "/dev/kumo/intel/network-ranges.tsv";

  private final List<IpRangeMap<NetworkOwner>> byKind;
  private final int networks;

  private NetworkRanges(List<IpRangeMap<NetworkOwner>> byKind, int networks) {
    this.byKind = List.copyOf(byKind);
    this.networks = networks;
  }

  /** The ranges shipped with Kumo (generated from MISP warninglists; see the file header). */
  public static NetworkRanges builtin() {
    try (InputStream in = NetworkRanges.class.getResourceAsStream(BUILTIN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILTIN);
      }
      return parse(in, BUILTIN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a ranges file. Blank lines and lines starting with '#' are ignored.
   *
   * @throws IllegalArgumentException naming the source and line when a line is malformed
   */
  public static NetworkRanges parse(InputStream in, String sourceName) throws IOException {
    Map<NetworkOwner.Kind, List<IpNetwork>> nets = new EnumMap<>(NetworkOwner.Kind.class);
    Map<NetworkOwner.Kind, List<NetworkOwner>> owners = new EnumMap<>(NetworkOwner.Kind.class);
    Map<String, NetworkOwner> interned = new HashMap<>();
    int count = 0;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new IllegalArgumentException(sourceName + ":" + lineNo + ": expected cidr, owner and kind separated by tabs");
      }
      NetworkOwner.Kind kind;
      try {
        kind = NetworkOwner.Kind.valueOf(cols[2].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(sourceName + ":" + lineNo + ": unknown kind '" + cols[2] + "'");
      }
      IpNetwork net;
      try {
        net = IpNetwork.parse(cols[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(sourceName + ":" + lineNo + ": " + e.getMessage());
      }
      NetworkOwner owner = interned.computeIfAbsent(cols[1].trim() + "\t" + kind,
          k -> new NetworkOwner(cols[1].trim(), kind));
      nets.computeIfAbsent(kind, k -> new ArrayList<>()).add(net);
      owners.computeIfAbsent(kind, k -> new ArrayList<>()).add(owner);
      count++;
    }
    List<IpRangeMap<NetworkOwner>> maps = new ArrayList<>();
    for (NetworkOwner.Kind kind : NetworkOwner.Kind.values()) {
      if (nets.containsKey(kind)) {
        maps.add(IpRangeMap.build(nets.get(kind), owners.get(kind)));
      }
    }
    return new NetworkRanges(maps, count);
  }

  /** The owner of an address literal, or null when no listed network contains it. */
  public @Nullable NetworkOwner lookup(@Nullable String address) {
    if (address == null) {
      return null;
    }
    byte[] a = IpAddress.parse(address);
    if (a == null) {
      return null;
    }
    for (IpRangeMap<NetworkOwner> map : byKind) {
      NetworkOwner o = map.get(a);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  /** Whether the address is in a listed cloud provider's range. */
  public boolean isCloud(@Nullable String address) {
    NetworkOwner o = lookup(address);
    return o != null && o.kind() == NetworkOwner.Kind.CLOUD;
  }

  /** Number of networks loaded. */
  public int networks() {
    return networks;
  }
}
