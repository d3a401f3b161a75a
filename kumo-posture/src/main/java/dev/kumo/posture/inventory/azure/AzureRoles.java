package dev.kumo.posture.inventory.azure;

import java.util.Locale;
import java.util.Map;

/** Names of well-known Azure built-in role definitions, by their fixed GUIDs. */
public final class AzureRoles {
  public static final String OWNER = "Owner";
  public static final String CONTRIBUTOR = "Contributor";
  public static final String USER_ACCESS_ADMINISTRATOR = "User Access Administrator";
  public static final String READER = "Reader";

  private static final Map<String, String> BUILT_IN = Map.of(
      "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", OWNER,
      "b24988ac-6180-42a0-ab88-20f7382dd24c", CONTRIBUTOR,
      "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", USER_ACCESS_ADMINISTRATOR,
      "acdd72a7-3385-48ef-bd42-f606fba81ae7", READER);

  private AzureRoles() {}

  /**
   * The role name for a role definition id ({@code /subscriptions/../roleDefinitions/GUID} or the bare GUID);
   * the id unchanged when the role is not a known built-in one.
   */
  public static String name(String roleDefinitionId) {
    String guid = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return BUILT_IN.getOrDefault(guid, roleDefinitionId);
  }
}
