package dev.kumo.respond.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a WireMock server standing in for AWS received, for the tests that assert the exact calls. */
public final class WireJournal {
  private WireJournal() {}

  /** Every request, oldest first. */
  public static List<LoggedRequest> requests(WireMockServer server) {
    List<LoggedRequest> requests = new ArrayList<>(server.findAll(anyRequestedFor(urlMatching(".*"))));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return requests;
  }

  /** Each request as its Query action, JSON target ({@code X-Amz-Target}) or REST method and URL, oldest first. */
  public static List<String> journal(WireMockServer server) {
    List<String> calls = new ArrayList<>();
    for (LoggedRequest r : requests(server)) {
      String target = r.getHeader("X-Amz-Target");
      String body = r.getBodyAsString();
      if (target != null) {
        calls.add(target);
      } else if (body.startsWith("Action=")) {
        int end = body.indexOf('&');
        calls.add(body.substring("Action=".length(), end < 0 ? body.length() : end));
      } else {
        calls.add(r.getMethod().getName() + " " + r.getUrl());
      }
    }
    return calls;
  }
}
