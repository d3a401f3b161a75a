/** Writes normalized events as OCSF (Open Cybersecurity Schema Framework) 1.1 JSON. */
@NullMarked
package dev.kumo.ocsf;

import org.jspecify.annotations.NullMarked;
