package dev.kumo.simulate.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The synthetic organisation: accounts, offices, people, the estates accounts run per region, and
 * their roles. Immutable; built by {@link OrganisationFactory} from a seed.
 *
 * @param name short company name, used in bucket and resource names
 * @param domain the company's e-mail domain
 * @param orgId the AWS Organizations id ({@code o-...})
 * @param identityStoreId the IAM Identity Center identity store ({@code d-...})
 * @param githubOrg the GitHub organisation whose workflows deploy
 */
public record Organisation(long seed, String name, String domain, String orgId, String identityStoreId,
    String githubOrg, List<Account> accounts, List<Office> offices, List<Person> people, List<Estate> estates,
    Map<String, Role> roles, List<ServiceUser> serviceUsers) {

  public Organisation {
    accounts = List.copyOf(accounts);
    offices = List.copyOf(offices);
    people = List.copyOf(people);
    estates = List.copyOf(estates);
    roles = Map.copyOf(roles);
    serviceUsers = List.copyOf(serviceUsers);
  }

  /** The account of {@code kind} (each kind exists once). */
  public Account account(AccountKind kind) {
    for (Account a : accounts) {
      if (a.kind() == kind) {
        return a;
      }
    }
    throw new IllegalArgumentException("no " + kind + " account");
  }

  /** The role {@code name} of {@code account}. */
  public Role role(String account, String name) {
    Role r = roles.get(account + "/" + name);
    if (r == null) {
      throw new IllegalArgumentException("no role " + name + " in " + account);
    }
    return r;
  }

  public @Nullable Role findRole(String account, String name) {
    return roles.get(account + "/" + name);
  }

  /** The estates of {@code account}, home region first. */
  public List<Estate> estates(Account account) {
    List<Estate> out = new ArrayList<>();
    for (Estate e : estates) {
      if (e.account().equals(account)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every instance of the organisation. */
  public List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    for (Estate e : estates) {
      out.addAll(e.instances());
    }
    return out;
  }

  /** The role an Identity Center user of {@code set} gets in {@code account}. */
  public Role ssoRole(Account account, PermissionSet set) {
    return role(account.id(), "AWSReservedSSO_" + set.ssoName() + "_" + ssoSuffix(set));
  }

  /** The random suffix of a permission set's role names (the same in every account). */
  public String ssoSuffix(PermissionSet set) {
    return dev.kumo.simulate.engine.RandomIds.hex(dev.kumo.simulate.engine.RandomIds.stable(seed, "sso/" + set), 16);
  }
}
