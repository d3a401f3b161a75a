/**
 * The {@code kumo} command line (picocli): one class per command, sharing option mixins. The only
 * module that writes to stdout and stderr.
 */
package dev.kumo.cli;
