/** Threat and network intelligence shipped with Kumo: who owns an address, known-bad indicators. */
@NullMarked
package dev.kumo.intel;

import org.jspecify.annotations.NullMarked;
