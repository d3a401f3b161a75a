package dev.kumo.serve.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The body a webhook output posts. */
public enum WebhookFormat {
  /** {@link GenericJsonBody}: schema {@code kumo.alert/1}. */
  GENERIC("generic"),
  /** {@link SlackBody}: Slack incoming webhook, {@code text} and {@code blocks}. */
  SLACK("slack"),
  /** {@link TeamsBody}: Microsoft Teams incoming webhook (Workflows), an Adaptive Card. */
  TEAMS("teams");

  private final String id;

  WebhookFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<WebhookFormat> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(WebhookFormat::id).toList();
  }

  /** The JSON body for {@code alert}. */
  public String body(Alert alert) {
    return switch (this) {
      case GENERIC -> GenericJsonBody.write(alert);
      case SLACK -> SlackBody.write(alert);
      case TEAMS -> TeamsBody.write(alert);
    };
  }
}
