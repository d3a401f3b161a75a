/** Who acts in the organisation: people, pipelines, AWS services, agents and scheduled jobs. */
@NullMarked
package dev.kumo.simulate.actors;

import org.jspecify.annotations.NullMarked;
