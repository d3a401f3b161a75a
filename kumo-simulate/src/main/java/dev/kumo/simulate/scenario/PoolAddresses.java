package dev.kumo.simulate.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Mining pool addresses, from the list Kumo ships ({@code dev/kumo/intel/mining-pools.tsv}). */
final class PoolAddresses {
  private static final String RESOURCE = "/dev/kumo/intel/mining-pools.tsv";

  /** A pool address and one port it serves. */
  record Pool(String address, int port) {}

  private PoolAddresses() {}

  /** Every IPv4 pool with a port, in an order drawn from {@code random}. */
  static List<Pool> shuffled(SplittableRandom random) {
    List<Pool> pools = new ArrayList<>(all());
    Collections.shuffle(pools, new Random(random.nextLong()));
    return pools;
  }

  private static List<Pool> all() {
    List<Pool> out = new ArrayList<>();
    try (InputStream in = PoolAddresses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] cols = line.split("\t");
        if (cols.length == 3 && cols[0].equals("ip") && cols[1].indexOf(':') < 0 && !cols[2].isBlank()) {
          out.add(new Pool(cols[1], Integer.parseInt(cols[2].split(",")[0].trim())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " lists no pool addresses");
    }
    return out;
  }
}
