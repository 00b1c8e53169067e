package org.siyu.kernel.org.internal.rest;

import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.org.internal.OrgPermissions;

/**
 * {@code /api/v1/org}: units, staff and account links.
 * <ul>
 *   <li>{@code GET units} → every unit, parents first: {@code [{"id","parentId","name","kind"}]};</li>
 *   <li>{@code PUT units/{id}} {@code {"parentId","name","kind"}} → the unit (201 when new);</li>
 *   <li>{@code GET staff?unit=<id>} → the staff of the unit and the units below it (all staff without
 *       {@code unit}): {@code [{"id","name","unitId","account","active"}]};</li>
 *   <li>{@code PUT staff/{id}} {@code {"name","unitId","account","active"}} → the member (201 when new);</li>
 *   <li>{@code GET accounts/{account}} → {@code {"account","unitId","unrestricted","units","staff"}};</li>
 *   <li>{@code PUT accounts/{account}} {@code {"unitId"}} → the same; {@code "unitId":null} unlinks.</li>
 * </ul>
 * Reads need {@code org.view}, writes {@code org.admin} (admins). A refused change is a 400 whose detail names the
 * field ({@code field 'parentId': there is no unit 'nowhere'}).
 */
@Component
public class OrgResource implements RestResource {

    /** The body of {@code PUT units/{id}}. */
    public record UnitBody(String parentId, String name, String kind) {
    }

    /** The body of {@code PUT staff/{id}}; {@code active} defaults to true. */
    public record StaffBody(String name, String unitId, String account, Boolean active) {
    }

    /** The body of {@code PUT accounts/{account}}. */
    public record AccountBody(String unitId) {
    }

    /** An account's link and what it may see. */
    public record AccountAnswer(String account, String unitId, boolean unrestricted, List<String> units,
            int staff) {
    }

    private final OrgService org;

    @Activate
    public OrgResource(@Reference OrgService org) {
        this.org = org;
    }

    @Override
    public String name() {
        return "org";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        List<String> path = request.segments();
        String collection = path.isEmpty() ? "" : path.getFirst();
        boolean one = path.size() == 2;
        if (path.size() > 2 || !List.of("units", "staff", "accounts").contains(collection)
                || ("accounts".equals(collection) && !one)) {
            throw RestException.notFound("no resource at /api/v1/org/" + String.join("/", path) + "; there are "
                    + "/api/v1/org/units[/{id}], /api/v1/org/staff[/{id}] and /api/v1/org/accounts/{account}");
        }
        String method = request.method();
        if ("GET".equals(method)) {
            require(request, OrgPermissions.VIEW);
            return switch (collection) {
                case "units" -> one ? unit(path.get(1)) : org.units();
                case "staff" -> one ? staffMember(path.get(1)) : staff(request);
                default -> account(path.get(1));
            };
        }
        if ("PUT".equals(method) && one) {
            require(request, OrgPermissions.ADMIN);
            String actor = request.user().username();
            try {
                return switch (collection) {
                    case "units" -> putUnit(request, response, path.get(1), actor);
                    case "staff" -> putStaff(request, response, path.get(1), actor);
                    default -> putAccount(request, path.get(1), actor);
                };
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest(e.getMessage());
            }
        }
        throw new RestException(405, "method not allowed", method + " is not supported on /api/v1/org/"
                + String.join("/", path) + "; use GET" + (one ? " or PUT" : ""));
    }

    private OrgUnit unit(String id) throws RestException {
        return org.unit(id).orElseThrow(() -> RestException.notFound("there is no unit '" + id + "'"));
    }

    private Staff staffMember(String id) throws RestException {
        return org.staffMember(id).orElseThrow(() -> RestException.notFound("there is no staff member '" + id + "'"));
    }

    private List<Staff> staff(RestRequest request) throws RestException {
        String unitId = request.query("unit").orElse(null);
        if (unitId == null) {
            return org.staff(null, true);
        }
        if (org.unit(unitId).isEmpty()) {
            throw RestException.notFound("query parameter 'unit': there is no unit '" + unitId + "'");
        }
        return org.staff(unitId, true);
    }

    private AccountAnswer account(String account) {
        DataScope scope = org.scope(account);
        List<String> units = scope.unrestricted() ? List.of()
                : org.units().stream().map(OrgUnit::id).filter(scope.unitIds()::contains).toList();
        return new AccountAnswer(account, org.accountUnit(account).orElse(null), scope.unrestricted(), units,
                scope.staffIds().size());
    }

    private OrgUnit putUnit(RestRequest request, RestResponse response, String id, String actor)
            throws RestException {
        UnitBody body = required(request.body(UnitBody.class));
        if (body.name() == null) {
            throw RestException.badRequest("field 'name' is required");
        }
        if (body.kind() == null) {
            throw RestException.badRequest("field 'kind' is required: HQ, REGION or STORE");
        }
        OrgUnit.Kind kind;
        try {
            kind = OrgUnit.Kind.valueOf(body.kind().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest("field 'kind': '" + body.kind() + "' is not a kind; give HQ, REGION or STORE");
        }
        boolean created = org.unit(id).isEmpty();
        OrgUnit saved = org.saveUnit(new OrgUnit(id, body.parentId(), body.name(), kind), actor);
        if (created) {
            response.status(201);
        }
        return saved;
    }

    private Staff putStaff(RestRequest request, RestResponse response, String id, String actor)
            throws RestException {
        StaffBody body = required(request.body(StaffBody.class));
        if (body.name() == null) {
            throw RestException.badRequest("field 'name' is required");
        }
        if (body.unitId() == null) {
            throw RestException.badRequest("field 'unitId' is required: the org unit the member works in");
        }
        boolean created = org.staffMember(id).isEmpty();
        Staff saved = org.saveStaff(new Staff(id, body.name(), body.unitId(), body.account(),
                body.active() == null || body.active()), actor);
        if (created) {
            response.status(201);
        }
        return saved;
    }

    private AccountAnswer putAccount(RestRequest request, String account, String actor) throws RestException {
        AccountBody body = required(request.body(AccountBody.class));
        org.linkAccount(account, body.unitId(), actor);
        return account(account);
    }

    private static <T> T required(T body) throws RestException {
        if (body == null) {
            throw RestException.badRequest("a JSON body is required");
        }
        return body;
    }

    private static void require(RestRequest request, String permission) throws RestException {
        if (!request.user().isPermitted(permission)) {
            throw RestException.forbidden("this needs the permission " + permission + "; "
                    + request.user().username() + " does not hold it");
        }
    }
}
