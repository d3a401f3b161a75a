package dev.kumo.posture.policy;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An AWS IAM policy document (identity, resource or trust policy), parsed: its statements with single values
 * widened to lists. Parsing is lenient about shape (a single statement object, a string action) and strict
 * about content: anything that is not a policy is refused with the reason.
 */
public record PolicyDocument(List<PolicyStatement> statements) {
  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /**
   * Parses policy JSON text; URL-encoded text (as IAM and AWS Config export it) is decoded first.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static PolicyDocument parse(String text) {
    String t = text.trim();
    if (t.startsWith("%7B") || t.startsWith("%7b")) {
      t = URLDecoder.decode(t, StandardCharsets.UTF_8);
    }
    Object tree;
    try {
      tree = JsonTreeReader.lenient().read(t);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("policy is not JSON: " + e.getMessage());
    }
    return fromTree(tree);
  }

  /**
   * Reads a policy from a parsed JSON value: an object, or a string holding the JSON (possibly URL-encoded).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static PolicyDocument fromTree(@Nullable Object tree) {
    if (tree instanceof String s) {
      return parse(s);
    }
    if (!(tree instanceof JsonObject doc)) {
      throw new IllegalArgumentException("policy is not a JSON object");
    }
    Object st = doc.get("Statement");
    List<PolicyStatement> out = new ArrayList<>();
    if (st instanceof JsonObject one) {
      out.add(statement(one));
    } else if (st instanceof JsonArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (!(arr.get(i) instanceof JsonObject s)) {
          throw new IllegalArgumentException("Statement[" + i + "] is not an object");
        }
        out.add(statement(s));
      }
    } else {
      throw new IllegalArgumentException("policy has no Statement");
    }
    return new PolicyDocument(out);
  }

  private static PolicyStatement statement(JsonObject s) {
    String effect = s.getString("Effect");
    if (effect == null || !(effect.equalsIgnoreCase("Allow") || effect.equalsIgnoreCase("Deny"))) {
      throw new IllegalArgumentException("statement Effect is '" + effect + "', not Allow or Deny");
    }
    boolean notPrincipal = s.has("NotPrincipal");
    Object principal = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
    JsonObject conditions = s.get("Condition") instanceof JsonObject c ? c : JsonObject.EMPTY;
    return new PolicyStatement(effect.equalsIgnoreCase("Allow"), principals(principal), notPrincipal,
        strings(s.get("Action")), strings(s.get("NotAction")), strings(s.get("Resource")),
        strings(s.get("NotResource")), conditions);
  }

  private static List<String> principals(@Nullable Object principal) {
    if (principal == null) {
      return List.of();
    }
    if (principal instanceof String s) {
      return List.of(s.equals("*") ? "*" : "AWS:" + s);
    }
    if (!(principal instanceof JsonObject o)) {
      throw new IllegalArgumentException("Principal is neither a string nor an object");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < o.size(); i++) {
      for (String v : strings(o.valueAt(i))) {
        out.add(o.keyAt(i) + ":" + v);
      }
    }
    return out;
  }

  /** A string or an array of strings as a list; anything else is refused. */
  static List<String> strings(@Nullable Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof JsonArray a) {
      List<String> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof String s)) {
          throw new IllegalArgumentException("expected strings, found " + a.get(i));
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException("expected a string or an array of strings, found " + v);
  }

  /** Allow statements open to everyone without a restricting condition. */
  public List<PolicyStatement> publicAllows() {
    return statements.stream().filter(PolicyStatement::isPublicAllow).toList();
  }

  /** True when an Allow statement grants {@code *} on {@code *}. */
  public boolean grantsFullAdmin() {
    return statements.stream().anyMatch(PolicyStatement::grantsFullAdmin);
  }

  /** True when some Allow statement open to everyone covers {@code action}. */
  public boolean publiclyAllows(String action) {
    return publicAllows().stream().anyMatch(s -> s.coversAction(action));
  }

  /** True when some statement allows {@code action} (whoever the principal is). */
  public boolean allows(String action) {
    return statements.stream().anyMatch(s -> s.allow() && s.coversAction(action));
  }

  /** Service principals trusted by Allow statements, e.g. {@code ec2.amazonaws.com}. */
  public List<String> trustedServices() {
    return statements.stream().filter(PolicyStatement::allow).flatMap(s -> s.principals().stream())
        .filter(p -> p.startsWith("Service:")).map(p -> p.substring("Service:".length())).distinct().toList();
  }
}
