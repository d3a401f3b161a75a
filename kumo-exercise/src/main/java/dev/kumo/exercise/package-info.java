/**
 * Exercises: detection drills (simulated or labelled logs hunted and scored step by step against ground
 * truth, with after-action reports and ATT&CK Navigator layers) and tabletop response exercises.
 */
@NullMarked
package dev.kumo.exercise;

import org.jspecify.annotations.NullMarked;
