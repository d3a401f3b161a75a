package dev.kumo.posture.inventory.terraform;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps the most security-relevant {@code azurerm_*} and {@code google_*} resources. */
final class AzureGcpTerraform {
  static final Set<String> SETTINGS = Set.of("azurerm_network_security_rule", "google_storage_bucket_iam_member",
      "google_storage_bucket_iam_binding");

  private final String file;
  private final Joins joins;

  AzureGcpTerraform(String file, Joins joins) {
    this.file = file;
    this.joins = joins;
  }

  @Nullable Draft primary(TfResource r) {
    Draft d;
    switch (r.type()) {
      case "azurerm_storage_account" -> {
        d = azure(r, "azure.storage.account");
        d.put("allow_blob_public_access", r.bool("allow_nested_items_to_be_public"));
        Boolean https = r.bool("https_traffic_only_enabled");
        d.put("https_only", https != null ? https : r.bool("enable_https_traffic_only"));
        d.put("shared_key_access", r.bool("shared_access_key_enabled"));
        d.put("minimum_tls", r.text("min_tls_version"));
        d.put("infrastructure_encryption", r.bool("infrastructure_encryption_enabled"));
        if (r.bool("public_network_access_enabled") != null) {
          d.put("public_network_access", r.bool("public_network_access_enabled") ? "Enabled" : "Disabled");
        }
        JsonObject nr = r.block("network_rules");
        if (nr != null && nr.get("default_action") instanceof String a && !a.isEmpty()) {
          d.put("network_default_action", a);
        }
      }
      case "azurerm_network_security_group" -> {
        d = azure(r, "azure.network.nsg");
        if (r.value("security_rule") != null) {
          List<NetworkRule> in = new ArrayList<>();
          List<NetworkRule> out = new ArrayList<>();
          for (JsonObject b : r.blocks("security_rule")) {
            nsgRule(b, in, out);
          }
          d.put("ingress", in).put("egress", out);
        }
      }
      case "azurerm_key_vault" -> {
        d = azure(r, "azure.keyvault.vault");
        d.put("purge_protection", r.bool("purge_protection_enabled"))
            .put("rbac_authorization", r.bool("enable_rbac_authorization"));
        if (r.bool("public_network_access_enabled") != null) {
          d.put("public_network_access", r.bool("public_network_access_enabled") ? "Enabled" : "Disabled");
        }
      }
      case "google_storage_bucket" -> {
        String name = r.text("name");
        d = gcp(r, "gcp.storage.bucket", name == null ? null : "//storage.googleapis.com/" + name, name);
        d.put("uniform_access", r.bool("uniform_bucket_level_access"));
        JsonObject v = r.block("versioning");
        if (v != null && v.get("enabled") instanceof Boolean b) {
          d.put("versioning", b);
        } else if (r.value("versioning") != null) {
          d.put("versioning", false);
        }
        if (r.text("public_access_prevention") != null) {
          d.put("public_access_prevention_enforced", r.text("public_access_prevention").equals("enforced"));
        }
        if (r.value("logging") != null) {
          d.put("logging", !r.blocks("logging").isEmpty());
        }
        joins.add(d, name);
        return d;
      }
      case "google_compute_firewall" -> {
        d = gcp(r, "gcp.compute.firewall", selfLink(r), r.text("name"));
        boolean egress = "EGRESS".equals(r.text("direction"));
        List<String> src = r.strings(egress ? "destination_ranges" : "source_ranges");
        Long prio = r.number("priority");
        List<NetworkRule> rules = new ArrayList<>();
        for (String kindOf : List.of("allow", "deny")) {
          for (JsonObject b : r.blocks(kindOf)) {
            String proto = b.get("protocol") instanceof String p ? p.toLowerCase(Locale.ROOT) : "all";
            List<String> ports = ExportJson.strings(b.get("ports"));
            for (int[] range : ports(proto, ports)) {
              rules.add(new NetworkRule(kindOf.equals("allow"), proto, range[0], range[1],
                  src == null ? List.of() : src, prio == null ? 1000 : prio.intValue()));
            }
          }
        }
        d.put(egress ? "egress" : "ingress", rules).put("disabled", r.bool("disabled")).put("network", r.text("network"));
      }
      case "google_compute_instance" -> {
        d = gcp(r, "gcp.compute.instance", selfLink(r), r.text("name"));
        JsonObject sa = r.block("service_account");
        if (sa != null) {
          d.put("service_account", sa.get("email") instanceof String e && !e.isEmpty() ? e : null);
          List<String> scopes = ExportJson.strings(sa.get("scopes"));
          d.put("scopes", scopes == null ? null : scopes.stream().sorted().toList());
        }
        if (r.value("network_interface") != null) {
          d.put("has_public_ip", r.blocks("network_interface").stream()
              .anyMatch(n -> !TfResource.blocks(n.get("access_config")).isEmpty()));
        }
      }
      default -> d = null;
    }
    if (d != null) {
      joins.add(d, r.text("id"), r.text("name"));
    }
    return d;
  }

  void join(TfResource r) {
    Draft d;
    switch (r.type()) {
      case "azurerm_network_security_rule" -> {
        if ((d = joins.find("azure.network.nsg", r, "network_security_group_name")) != null) {
          List<NetworkRule> in = new ArrayList<>(existing(d, "ingress"));
          List<NetworkRule> out = new ArrayList<>(existing(d, "egress"));
          nsgRule(r.values(), in, out);
          d.put("ingress", in).put("egress", out);
        }
      }
      case "google_storage_bucket_iam_member", "google_storage_bucket_iam_binding" -> {
        if ((d = joins.find("gcp.storage.bucket", r, "bucket")) != null) {
          List<String> members = new ArrayList<>();
          if (r.text("member") != null) {
            members.add(r.text("member"));
          }
          List<String> ms = r.strings("members");
          if (ms != null) {
            members.addAll(ms);
          }
          List<String> all = new ArrayList<>(d.facts.has("iam_members")
              ? d.build().facts().strings("iam_members") : List.of());
          for (String m : members) {
            all.add(r.text("role") + "=" + m);
          }
          d.put("iam_members", all.stream().distinct().sorted().toList());
        }
      }
      default -> { }
    }
  }

  private static List<NetworkRule> existing(Draft d, String fact) {
    List<NetworkRule> l = d.facts.has(fact) ? d.build().facts().list(fact, NetworkRule.class) : null;
    return l == null ? List.of() : l;
  }

  private static void nsgRule(JsonObject b, List<NetworkRule> in, List<NetworkRule> out) {
    List<String> src = new ArrayList<>();
    boolean inbound = !"Outbound".equalsIgnoreCase(b.get("direction") instanceof String s ? s : "");
    String one = inbound ? "source_address_prefix" : "destination_address_prefix";
    if (b.get(one) instanceof String s && !s.isEmpty()) {
      src.add(s);
    }
    List<String> many = ExportJson.strings(b.get(one + "es"));
    if (many != null) {
      src.addAll(many);
    }
    String proto = b.get("protocol") instanceof String p ? p.toLowerCase(Locale.ROOT) : "all";
    proto = proto.equals("*") ? "all" : proto;
    List<String> ports = new ArrayList<>();
    if (b.get("destination_port_range") instanceof String p && !p.isEmpty()) {
      ports.add(p);
    }
    List<String> pr = ExportJson.strings(b.get("destination_port_ranges"));
    if (pr != null) {
      ports.addAll(pr);
    }
    Long prio = TfResource.number(b.get("priority"));
    boolean allow = !"Deny".equalsIgnoreCase(b.get("access") instanceof String a ? a : "");
    for (int[] range : ports(proto, ports)) {
      (inbound ? in : out).add(new NetworkRule(allow, proto, range[0], range[1], src,
          prio == null ? 0 : prio.intValue()));
    }
  }

  /** Port ranges written {@code 22}, {@code 1000-2000} or {@code *}; all ports when none are listed. */
  private static List<int[]> ports(String proto, @Nullable List<String> ports) {
    List<int[]> out = new ArrayList<>();
    if (proto.equals("all") || ports == null || ports.isEmpty()) {
      out.add(new int[] {0, 65535});
      return out;
    }
    for (String p : ports) {
      try {
        if (p.equals("*")) {
          out.add(new int[] {0, 65535});
        } else if (p.contains("-")) {
          String[] ft = p.split("-", 2);
          out.add(new int[] {Integer.parseInt(ft[0].trim()), Integer.parseInt(ft[1].trim())});
        } else {
          int n = Integer.parseInt(p.trim());
          out.add(new int[] {n, n});
        }
      } catch (NumberFormatException e) {
        out.add(new int[] {0, 65535});
      }
    }
    return out;
  }

  private Draft azure(TfResource r, String kind) {
    String id = r.text("id");
    String sub = "";
    if (id != null && id.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
      sub = id.split("/")[2];
    }
    String loc = r.text("location");
    return new Draft(r, Provider.AZURE, kind, id != null ? id : r.address(),
        r.text("name") != null ? r.text("name") : r.address(), sub, loc == null ? "" : loc.toLowerCase(Locale.ROOT),
        file);
  }

  private Draft gcp(TfResource r, String kind, @Nullable String id, @Nullable String name) {
    String project = r.text("project");
    String region = r.text("location") != null ? r.text("location").toLowerCase(Locale.ROOT)
        : r.text("zone") != null ? r.text("zone") : "";
    return new Draft(r, Provider.GCP, kind, id != null ? id : r.address(), name != null ? name : r.address(),
        project == null ? "" : project, region, file);
  }

  private static @Nullable String selfLink(TfResource r) {
    String link = r.text("self_link");
    String marker = "/compute/v1/";
    if (link != null && link.contains(marker)) {
      return "//compute.googleapis.com/" + link.substring(link.indexOf(marker) + marker.length());
    }
    return null;
  }
}
