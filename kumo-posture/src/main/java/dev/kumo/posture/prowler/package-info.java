/** Imports Prowler findings ({@code --output-formats json-ocsf}) as check results and resources. */
@NullMarked
package dev.kumo.posture.prowler;

import org.jspecify.annotations.NullMarked;
