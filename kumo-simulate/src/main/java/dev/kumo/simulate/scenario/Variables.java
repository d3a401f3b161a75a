package dev.kumo.simulate.scenario;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ${name}} variables scenario values may use. Per scenario run: {@code account},
 * {@code region}, {@code foreign_account} (the attacker's own AWS account), {@code attacker_ip},
 * {@code instance} (the actor's instance id), {@code instance_role}, {@code volume}, {@code bucket},
 * {@code bucket2}, {@code kms_key}, {@code database}, {@code secret}, {@code parameter},
 * {@code security_group}, {@code user} (the IAM user whose key is used), {@code org} (the company's short
 * name). Per record: {@code i} (0-based repeat index), {@code n} (1-based), {@code instance_i},
 * {@code bucket_i}, {@code secret_i}, {@code parameter_i} (the i-th of the estate's, cycling), {@code uuid},
 * {@code hex8}, {@code hex17}, {@code time} (the record's time, ISO-8601).
 */
public final class Variables {
  static final Set<String> NAMES = Set.of("account", "region", "foreign_account", "attacker_ip", "instance",
      "instance_role", "volume", "bucket", "bucket2", "kms_key", "database", "secret", "parameter", "security_group",
      "user", "org", "i", "n", "instance_i", "bucket_i", "secret_i", "parameter_i", "uuid", "hex8", "hex17", "time");
  private static final Pattern VAR = Pattern.compile("\\$\\{([a-z0-9_]+)}");

  private Variables() {}

  /** The variable names used in {@code node} that do not exist, with the line of each. */
  static List<String> unknown(@Nullable YNode node) {
    List<String> out = new ArrayList<>();
    walk(node, s -> {
      Matcher m = VAR.matcher(s.raw());
      while (m.find()) {
        if (!NAMES.contains(m.group(1))) {
          out.add(s.line() + ": unknown variable ${" + m.group(1) + "} (known: " + NAMES.stream().sorted().toList()
              + ")");
        }
      }
    });
    return out;
  }

  /** The unknown variables of a plain string. */
  static List<String> unknown(String text) {
    return unknown(new YScalar(text, text, 0));
  }

  /** {@code text} with every variable replaced by {@code values}' value for it. */
  static String expand(String text, Function<String, String> values) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = VAR.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(values.apply(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void walk(@Nullable YNode node, java.util.function.Consumer<YScalar> onScalar) {
    if (node instanceof YScalar s) {
      if (s.value() instanceof String) {
        onScalar.accept(s);
      }
    } else if (node instanceof YList l) {
      l.items().forEach(n -> walk(n, onScalar));
    } else if (node instanceof YMap m) {
      for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
        walk(e.getValue(), onScalar);
      }
    }
  }
}
