package dev.kumo.serve.alert;

import java.net.URI;
import java.util.Map;

/**
 * A webhook output.
 *
 * @param url {@code http} or {@code https}; a secret for Slack and Teams (never printed)
 * @param headers extra request headers, e.g. {@code Authorization} (values never printed)
 */
public record WebhookConfig(String name, URI url, WebhookFormat format, Map<String, String> headers,
    DeliveryPolicy policy) implements OutputConfig {
  public WebhookConfig {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "WebhookConfig[name=" + name + ", host=" + url.getHost() + ", format=" + format.id() + ", headers="
        + headers.keySet() + ", policy=" + policy + "]";
  }
}
