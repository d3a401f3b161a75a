/**
 * Shared-responsibility dead spots: Kumo's control catalog (modelled on CSA CCM v4, in our own words) with
 * ownership per service model and per service, joined with the services in use, the organisation's owners
 * and attestations, posture evidence, detection coverage and exercise results.
 */
@NullMarked
package dev.kumo.posture.deadspot;

import org.jspecify.annotations.NullMarked;
