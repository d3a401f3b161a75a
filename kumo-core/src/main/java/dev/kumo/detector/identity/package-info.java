/** Detectors about identities: stolen workload credentials, role chains, behaviour baselines. */
@NullMarked
package dev.kumo.detector.identity;

import org.jspecify.annotations.NullMarked;
