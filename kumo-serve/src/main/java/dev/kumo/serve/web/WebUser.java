package dev.kumo.serve.web;

/**
 * A local console user.
 *
 * @param passwordHash the Argon2id PHC string (see {@link PasswordHasher})
 */
public record WebUser(String name, Role role, String passwordHash) {
  @Override
  public String toString() {
    return "WebUser[" + name + ", " + role.id() + "]";
  }
}
