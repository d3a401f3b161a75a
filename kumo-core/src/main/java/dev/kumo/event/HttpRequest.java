package dev.kumo.event;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request and its response (OCSF HTTP Activity 4002), from load balancer, CDN, storage
 * access or WAF logs. The client sits in the event's source endpoint, the server in its destination.
 *
 * @param url the full URL when known, else the path with its query string
 * @param action what a WAF or proxy did: {@code allow}, {@code block}, {@code count}; null otherwise
 * @param rule the WAF rule or load balancer action that decided, when given
 */
public record HttpRequest(@Nullable String method, @Nullable String url, @Nullable Integer status,
    @Nullable Long bytesIn, @Nullable Long bytesOut, @Nullable String httpVersion, @Nullable String action,
    @Nullable String rule) implements Details {}
