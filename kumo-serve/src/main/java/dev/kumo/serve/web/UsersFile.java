package dev.kumo.serve.web;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's local users, read from YAML:
 *
 * <pre>
 * users:
 *   - name: alice
 *     role: analyst            # viewer | analyst | admin
 *     password_hash: $argon2id$v=19$m=19456,t=2,p=1$...$...
 * </pre>
 *
 * Every problem (unknown key, bad role, malformed hash, duplicate name) is reported as {@code file:line: reason}.
 * Immutable.
 */
public final class UsersFile {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private final Map<String, WebUser> users;

  private UsersFile(Map<String, WebUser> users) {
    this.users = Map.copyOf(users);
  }

  /** A users file with these users (for tests and embedding). */
  public static UsersFile of(List<WebUser> users) {
    Map<String, WebUser> m = new LinkedHashMap<>();
    users.forEach(u -> m.put(u.name(), u));
    return new UsersFile(m);
  }

  public static UsersFile read(Path path) throws IOException {
    return parse(path.toString(), Yaml.root(path));
  }

  public static UsersFile read(String file, String text) {
    return parse(file, Yaml.root(file, text));
  }

  private static UsersFile parse(String file, YMap root) {
    YamlChecks checks = new YamlChecks(file);
    checks.keys(root, "users");
    Map<String, WebUser> out = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    if (!(root.get("users") instanceof YList list)) {
      checks.error(root.lineOf("users"), "'users' must be a list of {name, role, password_hash}");
    } else {
      for (YNode n : list.items()) {
        if (!(n instanceof YMap u)) {
          checks.error(n.line(), "a user must be a map of name, role and password_hash");
          continue;
        }
        checks.keys(u, "name", "role", "password_hash");
        String name = checks.text(u, "name", true);
        String roleText = checks.text(u, "role", true);
        String hash = checks.text(u, "password_hash", true);
        Role role = roleText == null ? null : Role.parse(roleText);
        if (name != null && !NAME.matcher(name).matches()) {
          checks.error(u.lineOf("name"), "user name must be 1-64 letters, digits, '.', '_', '@' or '-'");
          name = null;
        }
        if (roleText != null && role == null) {
          checks.error(u.lineOf("role"), "unknown role '" + roleText + "' (one of viewer, analyst, admin)");
        }
        if (hash != null && !PasswordHasher.wellFormed(hash)) {
          checks.error(u.lineOf("password_hash"), "password_hash must be an Argon2id PHC string"
              + " ($argon2id$v=19$m=...,t=...,p=...$salt$hash) within the allowed cost");
          hash = null;
        }
        if (name != null && lines.putIfAbsent(name, u.line()) != null) {
          checks.error(u.lineOf("name"), "user '" + name + "' defined twice (first on line " + lines.get(name) + ")");
        } else if (name != null && role != null && hash != null) {
          out.put(name, new WebUser(name, role, hash));
        }
      }
    }
    if (checks.hasErrors()) {
      throw new WebConfigException(checks.errors());
    }
    return new UsersFile(out);
  }

  public Optional<WebUser> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  public List<WebUser> users() {
    return new ArrayList<>(users.values());
  }
}
