package dev.kumo.simulate.cloudtrail;

/** An entry of an event's {@code resources} list. */
public record Resource(String arn, String accountId, String type) {}
