/** Linux audit events and the raw audit.log files auditd writes. */
@NullMarked
package dev.kumo.simulate.auditd;

import org.jspecify.annotations.NullMarked;
