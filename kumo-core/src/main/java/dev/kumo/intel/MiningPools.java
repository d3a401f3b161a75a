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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Known cryptocurrency mining pools: domains (a listed name covers its subdomains) and addresses
 * (with the ports the list saw them serve), from a file of {@code domain<TAB>name} and
 * {@code ip<TAB>address<TAB>ports} lines. Immutable, serializable, thread-safe.
 */
public final class MiningPools implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUILTIN = "/dev/kumo/intel/mining-pools.tsv";
  private static final int[] NO_PORTS = new int[0];

  /** A listed address and the ports it was seen serving (empty: the list gives none). */
  public record PoolAddress(String address, int[] ports) implements Serializable {
    /** Whether the list names {@code port} for this address. */
    public boolean servesPort(@Nullable Integer port) {
      if (port == null) {
        return false;
      }
      for (int p : ports) {
        if (p == port) {
          return true;
        }
      }
      return false;
    }

    /** Whether the list gives ports for this address. */
    public boolean hasPorts() {
      return ports.length > 0;
    }
  }

  private final Set<String> domains;
  private final IpRangeMap<PoolAddress> addresses;
  private final int addressCount;

  private MiningPools(Set<String> domains, IpRangeMap<PoolAddress> addresses, int addressCount) {
    this.domains = Set.copyOf(domains);
    this.addresses = addresses;
    this.addressCount = addressCount;
  }

  private static final class Holder {
    static final MiningPools BUILTIN_POOLS = load();

    private static MiningPools load() {
      try (InputStream in = MiningPools.class.getResourceAsStream(BUILTIN)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUILTIN);
        }
        return parse(in, BUILTIN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The list shipped with Kumo (generated from Maltrail; see the file header). Loaded once. */
  public static MiningPools builtin() {
    return Holder.BUILTIN_POOLS;
  }

  /**
   * Parses a pools file. Blank lines and lines starting with '#' are ignored.
   *
   * @throws IllegalArgumentException naming the source and line when a line is malformed
   */
  public static MiningPools parse(InputStream in, String sourceName) throws IOException {
    Set<String> domains = new HashSet<>();
    List<IpNetwork> nets = new ArrayList<>();
    List<PoolAddress> values = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String where = sourceName + ":" + lineNo + ": ";
      if (cols[0].equals("domain") && cols.length == 2 && cols[1].indexOf('.') > 0) {
        domains.add(cols[1].trim().toLowerCase(Locale.ROOT));
      } else if (cols[0].equals("ip") && cols.length == 3) {
        byte[] a = IpAddress.parse(cols[1].trim());
        if (a == null) {
          throw new IllegalArgumentException(where + "'" + cols[1] + "' is not an address");
        }
        int[] ports = NO_PORTS;
        if (!cols[2].isBlank()) {
          try {
            ports = Arrays.stream(cols[2].split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "ports must be numbers separated by commas");
          }
        }
        nets.add(IpNetwork.parse(cols[1].trim() + (a.length == 4 ? "/32" : "/128")));
        values.add(new PoolAddress(IpAddress.format(a), ports));
      } else {
        throw new IllegalArgumentException(where + "expected 'domain<TAB>name' or 'ip<TAB>address<TAB>ports'");
      }
    }
    return new MiningPools(domains, IpRangeMap.build(nets, values), nets.size());
  }

  /**
   * The listed domain that {@code hostname} is or is a subdomain of, or null. Case-insensitive; a
   * trailing dot is ignored. Allocation-free when the name has no upper-case letters and no match.
   */
  public @Nullable String domainOf(@Nullable String hostname) {
    if (hostname == null || hostname.isEmpty()) {
      return null;
    }
    String h = hostname;
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (int i = 0; i < h.length(); i++) {
      if (Character.isUpperCase(h.charAt(i))) {
        h = h.toLowerCase(Locale.ROOT);
        break;
      }
    }
    int from = 0;
    while (true) {
      String suffix = from == 0 ? h : h.substring(from);
      if (suffix.indexOf('.') < 0) {
        return null;
      }
      if (domains.contains(suffix)) {
        return suffix;
      }
      int dot = h.indexOf('.', from);
      if (dot < 0) {
        return null;
      }
      from = dot + 1;
    }
  }

  /** The listed pool address {@code address} is, or null. */
  public @Nullable PoolAddress address(@Nullable String address) {
    return address == null ? null : addresses.get(address);
  }

  public int domains() {
    return domains.size();
  }

  public int addresses() {
    return addressCount;
  }
}
