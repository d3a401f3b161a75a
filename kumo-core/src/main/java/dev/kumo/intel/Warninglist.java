package dev.kumo.intel;

import java.io.Serializable;
import java.util.List;

/**
 * A list of known-benign values (a MISP warninglist): an indicator value on it does not match, and an
 * address on a cloud provider's list is known to belong to that provider.
 *
 * @param name e.g. {@code List of known Amazon AWS IP address ranges}
 * @param type the values' type: {@link IndicatorType#IP} for CIDR lists, {@link IndicatorType#DOMAIN}
 *     for hostname lists, other types for exact strings
 * @param values canonical values (CIDRs, domains, strings)
 * @param cloudProvider the provider whose ranges these are ({@code aws}, {@code gcp}, {@code azure},
 *     {@code oci}, …), or empty when it is not a cloud provider's list
 */
public record Warninglist(String name, IndicatorType type, List<String> values, String cloudProvider)
    implements Serializable {
  public Warninglist {
    values = List.copyOf(values);
  }
}
