package dev.kumo.simulate.org;

/** A person's team, which decides what they do in the cloud. */
public enum Team {
  ENGINEERING, PLATFORM, SECURITY, DATA, FINANCE
}
