package dev.kumo.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DNS query and its answers (OCSF DNS Activity 4003).
 *
 * @param hostname the queried name, without the trailing dot
 * @param rcode the response code, e.g. {@code NOERROR}, {@code NXDOMAIN}
 */
public record DnsQuery(String hostname, @Nullable String type, @Nullable String rcode, List<String> answers,
    @Nullable String transport) implements Details {
  public DnsQuery {
    answers = List.copyOf(answers);
  }
}
