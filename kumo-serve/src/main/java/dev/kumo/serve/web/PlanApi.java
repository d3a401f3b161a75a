package dev.kumo.serve.web;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanJson;
import dev.kumo.serve.CaseAccess;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.StringWriter;

/**
 * {@code GET /api/v1/incidents/{id}/plan[?playbook=ID]}: the incident's response plan as {@code kumo.plan/1} JSON
 * ({@link PlanJson}), the same plan as {@code kumo respond plan --case DIR --incident ID --format json}. Nothing is
 * run. 404 for an unknown incident, 400 for a playbook that is not shipped, 422 when no plan can be built (the
 * error says why).
 */
final class PlanApi {
  private final CaseAccess cases;

  PlanApi(CaseAccess cases) {
    this.cases = cases;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, ApiRoutes.PREFIX + "/incidents/{id}/plan", Role.VIEWER, this::plan);
  }

  private void plan(Context ctx) throws IOException {
    Incident inc;
    try (CaseQuery q = cases.open()) {
      inc = new CaseViews(q).incident(ctx.pathParam("id")).orElseThrow(() -> new WebError(404, "no such incident"));
    }
    PlanView v = PlanView.of(inc, ctx.queryParam("playbook"));
    Plan plan = v.plan();
    if (plan == null) {
      throw new WebError(422, "no response plan: " + v.problem());
    }
    StringWriter out = new StringWriter();
    PlanJson.write(plan, out);
    ctx.status(200).contentType("application/json").result(out.toString());
  }
}
