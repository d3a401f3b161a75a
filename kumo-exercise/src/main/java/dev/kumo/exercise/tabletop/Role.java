package dev.kumo.exercise.tabletop;

/**
 * A role of the response team, e.g. {@code incident-commander}.
 *
 * @param name the role name decisions use as their owner
 * @param description one line saying what the role does in the exercise
 */
public record Role(String name, String description) {}
