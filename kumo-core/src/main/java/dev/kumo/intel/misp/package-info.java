/** MISP events, feeds and warninglists read as Kumo indicators; sightings written back for MISP. */
@NullMarked
package dev.kumo.intel.misp;

import org.jspecify.annotations.NullMarked;
