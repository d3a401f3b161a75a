package dev.kumo.respond.plan;

import java.util.Locale;

/** The cloud a plan is written for. Only AWS plans are executed; Azure and GCP plans are text for a responder. */
public enum Provider {
  AWS, AZURE, GCP;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
