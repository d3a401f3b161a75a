/** Built-in Azure posture checks; their metadata is in {@code checks/azure.yml}. */
@NullMarked
package dev.kumo.posture.check.azure;

import org.jspecify.annotations.NullMarked;
