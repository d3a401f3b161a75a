package dev.kumo.json;

/** The JSON {@code null} literal inside a tree (Java {@code null} means "absent"). */
public enum JsonNull {
  INSTANCE;

  @Override
  public String toString() {
    return "null";
  }
}
