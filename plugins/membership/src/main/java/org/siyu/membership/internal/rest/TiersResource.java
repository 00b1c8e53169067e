package org.siyu.membership.internal.rest;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.TierValues;
import org.siyu.membership.internal.tiers.Tiers;

/**
 * {@code /api/v1/member-tiers}: {@code GET} every tier with its benefits, lowest first; {@code PUT /{code}} with the
 * tier's values (every field; the code comes from the path) changes it or adds a new one ({@code membership.tiers}).
 */
@Component
public class TiersResource implements RestResource {

    private final Tiers tiers;

    @Activate
    public TiersResource(@Reference Tiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public String name() {
        return "member-tiers";
    }

    /** A tier as REST writes it. */
    public record TierBody(Integer rank, String nameZh, String nameEn, Long minSpendFen, Long minGrowth,
            Integer discountPercent, Boolean freeShipping, Integer warrantyMonths, String birthdayGift,
            Integer pointsPer100, Long birthdayTemplateId) {
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> s = request.segments();
        return Rest.call(() -> {
            if (s.isEmpty() && request.method().equals("GET")) {
                Rest.require(request, MembershipPermissions.VIEW);
                return tiers.list().stream().map(Tier::values).toList();
            }
            if (s.size() == 1 && request.method().equals("PUT")) {
                Rest.require(request, MembershipPermissions.TIERS);
                TierBody b = request.body(TierBody.class);
                TierValues values = new TierValues(s.getFirst(), Rest.required(b.rank(), "rank"),
                        Rest.required(b.nameZh(), "nameZh"), Rest.required(b.nameEn(), "nameEn"),
                        Rest.required(b.minSpendFen(), "minSpendFen"), Rest.required(b.minGrowth(), "minGrowth"),
                        Rest.required(b.discountPercent(), "discountPercent"),
                        Rest.required(b.freeShipping(), "freeShipping"),
                        Rest.required(b.warrantyMonths(), "warrantyMonths"),
                        b.birthdayGift() == null ? "" : b.birthdayGift(),
                        Rest.required(b.pointsPer100(), "pointsPer100"), b.birthdayTemplateId());
                return tiers.save(values, request.user().username()).values();
            }
            if (s.size() <= 1) {
                throw Rest.methodNotAllowed(request, s.isEmpty() ? "GET" : "PUT");
            }
            throw RestException.notFound("no such path: /api/v1/member-tiers/" + String.join("/", s));
        });
    }
}
