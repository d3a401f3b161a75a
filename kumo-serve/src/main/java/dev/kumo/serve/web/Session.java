package dev.kumo.serve.web;

import java.time.Instant;

/**
 * A logged-in console session.
 *
 * @param id the cookie value: 256 random bits, URL-safe Base64
 * @param csrfToken the token every state-changing request of this session must carry (256 random bits)
 * @param created login time (the absolute expiry counts from here)
 * @param lastSeen the last request (the idle expiry counts from here)
 */
public record Session(String id, String csrfToken, String user, Role role, Instant created, Instant lastSeen) {
  Session seen(Instant now) {
    return new Session(id, csrfToken, user, role, created, now);
  }

  @Override
  public String toString() {
    return "Session[" + user + ", " + role.id() + ", " + created + "]";
  }
}
