/** Incidents: findings grouped into attacks, with an attack-chain narrative and the reasons for the grouping. */
@NullMarked
package dev.kumo.incident;

import org.jspecify.annotations.NullMarked;
