/** Health and Prometheus metrics of {@code kumo serve}, through Micrometer. */
@NullMarked
package dev.kumo.serve.metrics;

import org.jspecify.annotations.NullMarked;
