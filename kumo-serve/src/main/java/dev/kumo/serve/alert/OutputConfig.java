package dev.kumo.serve.alert;

/** One configured alert output (an entry of {@code outputs:}). */
public sealed interface OutputConfig permits WebhookConfig, SyslogConfig, EmailConfig {
  /** Unique among the outputs: lower-case letters, digits and dashes. */
  String name();

  DeliveryPolicy policy();
}
