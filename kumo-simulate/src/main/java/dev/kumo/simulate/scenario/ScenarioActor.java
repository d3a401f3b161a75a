package dev.kumo.simulate.scenario;

import org.jspecify.annotations.Nullable;

/**
 * Who performs scenario steps, and with which credentials.
 *
 * @param credentials {@code instance-role} (the session of an instance's role), {@code user-key} (a long-term
 *     access key of one of the account's IAM users), {@code role} (a session of a named role assumed by the
 *     attacker), or {@code none} (steps that leave no API calls: flows, billing)
 * @param instance for {@code instance-role} and network steps: the purpose of the instance ({@code web},
 *     {@code worker} ...)
 * @param user for {@code user-key}: the IAM user's purpose or name; null for the account's first user
 * @param role for {@code role}: the role's name in the actor's account
 * @param account the kind of account the actor works in ({@code shared-services} ...): where its role and
 *     instance are, and what its variables name; null for the scenario's target account
 * @param assumedBy for {@code role}: the actor whose credentials assume the role (role chaining), or null for
 *     a session the attacker already holds
 * @param from where calls come from: {@code external} (an address outside every cloud range), {@code instance}
 *     (the instance's own address), or an IPv4 address
 * @param userAgent the agent of the calls; null for the instance's own SDK agent
 */
public record ScenarioActor(String name, String credentials, @Nullable String instance, @Nullable String user,
    @Nullable String role, String from, @Nullable String userAgent, @Nullable String account,
    @Nullable String assumedBy) {}
