/** Google Workspace audit activities (Reports API, Panther, and Workspace logs shared into Cloud Logging). */
@NullMarked
package dev.kumo.ingest.gworkspace;

import org.jspecify.annotations.NullMarked;
