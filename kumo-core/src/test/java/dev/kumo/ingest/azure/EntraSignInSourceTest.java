package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.Authentication;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-ins from every layout become Authentication events over one flat record. */
class EntraSignInSourceTest {
  @Test
  void normalize_storageExport_liftsPropertiesAndDescribesTheFailure() {
    List<NormalizedEvent> events = Samples.events("azure.signin/signinlogs-storage.json");

    NormalizedEvent lockout = events.get(0);
    assertThat(lockout.source()).isEqualTo(EntraSignInSource.ID);
    assertThat(lockout.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(lockout.id()).isEqualTo("4c2d9a61-0f3e-4b7a-9d18-2a6c5e7f8b90");
    assertThat(lockout.time()).isEqualTo("2024-05-01T07:58:14.3318456Z");
    assertThat(lockout.actor().principal()).isEqualTo("alice@contoso-lab.example");
    assertThat(lockout.actor().identityType()).isEqualTo("User");
    assertThat(lockout.actor().mfa()).isNull();
    assertThat(lockout.src().ip()).isEqualTo("203.0.113.45");
    assertThat(lockout.src().userAgent()).contains("Chrome/124");
    assertThat(lockout.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");
    assertThat(lockout.api().errorCode()).isEqualTo("50053");
    assertThat(lockout.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("failure");
      assertThat(a.reason()).startsWith("Account is locked");
      assertThat(a.application()).isEqualTo("Microsoft Office");
    });
    assertThat(lockout.field("authenticationRequirement")).isEqualTo("singleFactorAuthentication");
    assertThat(lockout.field("category")).isEqualTo("SignInLogs");
    assertThat(lockout.raw().has("properties")).isFalse();

    NormalizedEvent ok = events.get(1);
    assertThat(ok.details()).isInstanceOfSatisfying(Authentication.class, a -> assertThat(a.result()).isEqualTo("success"));
    assertThat(ok.actor().mfa()).isTrue();
    assertThat(ok.api().failed()).isFalse();
    assertThat(ok.raw().get("signInStatus")).isEqualTo(JsonArray.of("Success", "MFA requirement satisfied by claim in the token"));
  }

  @Test
  void normalize_logAnalyticsRow_parsesDynamicColumns() {
    NormalizedEvent e = Samples.events("azure.signin/log-analytics-signinlogs.json").get(0);

    assertThat(e.source()).isEqualTo(EntraSignInSource.ID);
    assertThat(e.field("DeviceDetail.operatingSystem")).isEqualTo("Linux");
    assertThat(e.field("Status.errorCode")).isEqualTo("53003");
    assertThat(e.field("NetworkLocationDetails")).isEqualTo("[]");
    assertThat(e.field("signInStatus")).isEqualTo("Failure");
    assertThat(e.src().ip()).isEqualTo("192.0.2.77");
    assertThat(e.time()).isEqualTo("2024-05-02T12:11:09.4412345Z");
  }

  @Test
  void normalize_graphResponse_unwrapsValueAndDerivesResultType() {
    List<NormalizedEvent> events = Samples.events("azure.signin/graph-signins.json");

    assertThat(events).hasSize(2);
    NormalizedEvent ok = events.get(0);
    assertThat(ok.field("resultType")).isEqualTo("0");
    assertThat(ok.field("signInStatus")).isEqualTo("Success");
    assertThat(((JsonArray) ok.raw().get("signInStatus"))).hasSize(1); // "Other." is not a reason
    NormalizedEvent denied = events.get(1);
    assertThat(denied.field("resultType")).isEqualTo("500121");
    assertThat(denied.field("resultDescription")).isEqualTo("Authentication failed during strong authentication request.");
    assertThat(denied.raw().get("signInStatus")).isEqualTo(JsonArray.of("Failure",
        "Authentication failed during strong authentication request.", "MFA denied; user declined the authentication"));
    assertThat(denied.time()).isEqualTo("2024-05-03T02:19:03Z");
  }

  @Test
  void success_fromErrorCodeResultTypeOrSignature() {
    assertThat(EntraSignInSource.success(0L, "Failure", null)).isTrue();
    assertThat(EntraSignInSource.success(50126L, null, null)).isFalse();
    assertThat(EntraSignInSource.success(null, "0", null)).isTrue();
    assertThat(EntraSignInSource.success(null, "50074", null)).isFalse();
    assertThat(EntraSignInSource.success(null, "Success", null)).isTrue();
    assertThat(EntraSignInSource.success(null, null, "SUCCESS")).isTrue();
    assertThat(EntraSignInSource.success(null, "", "None")).isNull();
  }
}
