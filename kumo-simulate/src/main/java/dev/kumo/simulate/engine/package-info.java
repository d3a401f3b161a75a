/** The simulation clock: tasks run in event-time order, arrival processes and the working week. */
@NullMarked
package dev.kumo.simulate.engine;

import org.jspecify.annotations.NullMarked;
