package dev.kumo.event;

/** The OCSF event classes Kumo normalizes into (OCSF 1.1). */
public enum OcsfClass {
  FILE_SYSTEM_ACTIVITY(1001, "File System Activity", 1, "System Activity"),
  DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
  AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
  NETWORK_ACTIVITY(4001, "Network Activity", 4, "Network Activity"),
  HTTP_ACTIVITY(4002, "HTTP Activity", 4, "Network Activity"),
  DNS_ACTIVITY(4003, "DNS Activity", 4, "Network Activity"),
  API_ACTIVITY(6003, "API Activity", 6, "Application Activity"),
  /** Cost lines: OCSF has no billing class; exported with class_uid 0 (Base Event) and the details in unmapped. */
  BILLING(0, "Base Event", 0, "Uncategorized");

  private final int uid;
  private final String caption;
  private final int categoryUid;
  private final String category;

  OcsfClass(int uid, String caption, int categoryUid, String category) {
    this.uid = uid;
    this.caption = caption;
    this.categoryUid = categoryUid;
    this.category = category;
  }

  public int uid() {
    return uid;
  }

  public String caption() {
    return caption;
  }

  public int categoryUid() {
    return categoryUid;
  }

  public String category() {
    return category;
  }
}
