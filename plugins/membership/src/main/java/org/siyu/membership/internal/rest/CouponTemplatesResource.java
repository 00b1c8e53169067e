package org.siyu.membership.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.coupons.IssueRuns;
import org.siyu.membership.internal.coupons.TemplateRules;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;
import org.siyu.membership.internal.model.TemplateValues;

/**
 * {@code /api/v1/coupon-templates}: {@code GET} (list, {@code ?archived=true} for all), {@code POST} (create, 201),
 * {@code GET|PUT|DELETE /{id}} (DELETE archives: no more issues, issued coupons stay usable),
 * {@code POST /{id}/issue {"segment"}} (202, a job issuing to every customer of the segment),
 * {@code GET /runs}, {@code GET /runs/{runId}}, {@code POST /runs/{runId}/resume}.
 */
@Component
public class CouponTemplatesResource implements RestResource {

    private final Coupons coupons;
    private final IssueRuns runs;

    @Activate
    public CouponTemplatesResource(@Reference Coupons coupons, @Reference IssueRuns runs) {
        this.coupons = coupons;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "coupon-templates";
    }

    /** A template as REST writes it; times are ISO-8601 instants. */
    public record TemplateBody(String name, String kind, Long amountFen, Integer percentOff, Long maxDiscountFen,
            Long thresholdFen, String validFrom, String validUntil, Integer validDays, Long stock) {
    }

    /** The body of a bulk issue. */
    public record IssueBody(String segment) {
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> s = request.segments();
        String method = request.method();
        return Rest.call(() -> {
            if (s.isEmpty()) {
                if (method.equals("GET")) {
                    Rest.require(request, MembershipPermissions.VIEW);
                    boolean all = request.query("archived").map("true"::equalsIgnoreCase).orElse(false);
                    return coupons.templates(all).stream().map(CouponTemplatesResource::json).toList();
                }
                if (method.equals("POST")) {
                    Rest.require(request, MembershipPermissions.EDIT);
                    CouponTemplate created = coupons.create(values(request.body(TemplateBody.class)),
                            request.user().username());
                    response.status(201);
                    return json(created);
                }
                throw Rest.methodNotAllowed(request, "GET or POST");
            }
            if (s.getFirst().equals("runs")) {
                return runs(request, response, s);
            }
            long id = Rest.longId(s, 0, "templateId");
            if (s.size() == 1) {
                switch (method) {
                    case "GET" -> {
                        Rest.require(request, MembershipPermissions.VIEW);
                        return json(coupons.template(id));
                    }
                    case "PUT" -> {
                        Rest.require(request, MembershipPermissions.EDIT);
                        return json(coupons.update(id, values(request.body(TemplateBody.class))));
                    }
                    case "DELETE" -> {
                        Rest.require(request, MembershipPermissions.EDIT);
                        return json(coupons.archive(id));
                    }
                    default -> throw Rest.methodNotAllowed(request, "GET, PUT or DELETE");
                }
            }
            if (s.size() == 2 && s.get(1).equals("issue")) {
                if (!method.equals("POST")) {
                    throw Rest.methodNotAllowed(request, "POST");
                }
                Rest.require(request, MembershipPermissions.EDIT);
                IssueBody body = request.body(IssueBody.class);
                IssueRuns.Started started = runs.start(id, Rest.required(body.segment(), "segment"),
                        request.user().username());
                response.status(202);
                return run(started);
            }
            throw Rest.noRoute(request, "coupon-templates");
        });
    }

    private Object runs(RestRequest request, RestResponse response, List<String> s) throws RestException {
        if (s.size() == 1 && request.method().equals("GET")) {
            Rest.require(request, MembershipPermissions.VIEW);
            return runs.recent(100).stream().map(CouponTemplatesResource::json).toList();
        }
        if (s.size() == 2 && request.method().equals("GET")) {
            Rest.require(request, MembershipPermissions.VIEW);
            return json(runs.run(Rest.longId(s, 1, "runId")));
        }
        if (s.size() == 3 && s.get(2).equals("resume") && request.method().equals("POST")) {
            Rest.require(request, MembershipPermissions.EDIT);
            IssueRuns.Started started = runs.resume(Rest.longId(s, 1, "runId"), request.user().username());
            response.status(202);
            return run(started);
        }
        throw Rest.noRoute(request, "coupon-templates");
    }

    static TemplateValues values(TemplateBody b) throws RestException {
        String kindText = Rest.required(b.kind(), "kind");
        CouponTemplate.Kind kind;
        try {
            kind = CouponTemplate.Kind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest("kind must be AMOUNT_OFF or PERCENT_OFF, was '" + kindText + "'");
        }
        return new TemplateValues(Rest.required(b.name(), "name"), kind, b.amountFen() == null ? 0 : b.amountFen(),
                b.percentOff() == null ? 0 : b.percentOff(), b.maxDiscountFen(),
                b.thresholdFen() == null ? 0 : b.thresholdFen(), Rest.instant(b.validFrom(), "validFrom"),
                Rest.instant(b.validUntil(), "validUntil"), b.validDays(), Rest.required(b.stock(), "stock"));
    }

    static Map<String, Object> json(CouponTemplate t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("kind", t.kind().name());
        m.put("amountFen", t.amountFen());
        m.put("percentOff", t.percentOff());
        m.put("maxDiscountFen", t.maxDiscountFen());
        m.put("thresholdFen", t.thresholdFen());
        m.put("validFrom", t.validFrom() == null ? null : t.validFrom().toString());
        m.put("validUntil", t.validUntil() == null ? null : t.validUntil().toString());
        m.put("validDays", t.validDays());
        m.put("stock", t.stock());
        m.put("issued", t.issued());
        m.put("active", t.active());
        m.put("terms", TemplateRules.describe(t));
        return m;
    }

    static Map<String, Object> json(IssueRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.id());
        m.put("templateId", r.templateId());
        m.put("segment", r.segment());
        m.put("state", r.state().name());
        m.put("total", r.total());
        m.put("issued", r.issued());
        m.put("skipped", r.skipped());
        m.put("message", r.message());
        m.put("createdBy", r.createdBy());
        m.put("createdAt", r.createdAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        return m;
    }

    private static Map<String, Object> run(IssueRuns.Started started) {
        Map<String, Object> m = json(started.run());
        m.put("jobId", started.job().job() == null ? null : started.job().job().id());
        return m;
    }
}
