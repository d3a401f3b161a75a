package dev.kumo.simulate.org;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A person with an IAM Identity Center user.
 *
 * @param userName the Identity Center user name (their e-mail address), used as role session name
 * @param office their office, or null for someone fully remote
 * @param homeIp the stable address of their home ISP connection
 * @param browser the browser user agent of their laptop
 * @param cli the AWS CLI user agent of their laptop
 * @param sdk the SDK user agent of their scripts (Boto3 and the like)
 * @param permissionSet the permission set they usually work with
 */
public record Person(String userName, String displayName, Team team, ZoneId zone, @Nullable Office office,
    String homeIp, String browser, String cli, String sdk, PermissionSet permissionSet) {}
