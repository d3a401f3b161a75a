package dev.kumo.event;

/** The OCSF event classes Kumo normalizes into. */
public enum OcsfClass {
  FILE_SYSTEM_ACTIVITY(1001, "File System Activity", "System Activity"),
  DETECTION_FINDING(2004, "Detection Finding", "Findings"),
  AUTHENTICATION(3002, "Authentication", "Identity & Access Management"),
  NETWORK_ACTIVITY(4001, "Network Activity", "Network Activity"),
  HTTP_ACTIVITY(4002, "HTTP Activity", "Network Activity"),
  DNS_ACTIVITY(4003, "DNS Activity", "Network Activity"),
  API_ACTIVITY(6003, "API Activity", "Application Activity");

  private final int uid;
  private final String caption;
  private final String category;

  OcsfClass(int uid, String caption, String category) {
    this.uid = uid;
    this.caption = caption;
    this.category = category;
  }

  public int uid() {
    return uid;
  }

  public String caption() {
    return caption;
  }

  public String category() {
    return category;
  }
}
