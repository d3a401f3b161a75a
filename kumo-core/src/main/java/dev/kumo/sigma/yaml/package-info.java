/** YAML documents as small typed trees that remember their line numbers, for precise rule errors. */
@NullMarked
package dev.kumo.sigma.yaml;

import org.jspecify.annotations.NullMarked;
