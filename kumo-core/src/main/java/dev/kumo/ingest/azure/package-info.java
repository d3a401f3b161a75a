/**
 * Microsoft Azure and Entra ID logs: Activity Log, Entra ID sign-ins, audits, risk detections and
 * PIM alerts, AKS audit logs and Microsoft security alerts, in their diagnostic-settings, Log
 * Analytics and Microsoft Graph layouts.
 */
@NullMarked
package dev.kumo.ingest.azure;

import org.jspecify.annotations.NullMarked;
