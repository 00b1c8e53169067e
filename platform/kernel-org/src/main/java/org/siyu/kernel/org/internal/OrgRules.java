package org.siyu.kernel.org.internal;

import java.util.regex.Pattern;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;

/**
 * The field checks that need no database. Every message starts with {@code field '<name>'}: the REST resource
 * passes it on as the detail and the view puts it under the field of that name.
 */
final class OrgRules {

    /** Stable codes: they end up in URLs, in customers' {@code owner} and in other bundles' rows. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private OrgRules() {
    }

    static OrgValidationException invalid(String field, String problem) {
        return new OrgValidationException(field, problem);
    }

    static void unit(OrgUnit unit) {
        if (unit == null) {
            throw invalid("unit", "is required");
        }
        code("id", unit.id());
        text("name", unit.name(), 100);
        if (unit.parentId() != null && unit.parentId().isBlank()) {
            throw invalid("parentId", "is blank; give a unit id, or null for the root");
        }
    }

    static void staff(Staff staff) {
        if (staff == null) {
            throw invalid("staff", "is required");
        }
        code("id", staff.id());
        text("name", staff.name(), 100);
        if (staff.unitId().isBlank()) {
            throw invalid("unitId", "is required: the org unit the member works in");
        }
        if (staff.account() != null) {
            text("account", staff.account(), 100);
        }
    }

    static void account(String account) {
        if (account == null) {
            throw invalid("account", "is required");
        }
        text("account", account, 100);
    }

    static void actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw invalid("actor", "is required: who makes the change (recorded in the audit trail)");
        }
    }

    private static void code(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is blank");
        }
        if (!CODE.matcher(value).matches()) {
            throw invalid(field, "'" + value + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit (e.g. sh-jingan)");
        }
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is blank");
        }
        if (value.length() > max) {
            throw invalid(field, "is longer than " + max + " characters");
        }
        if (!value.equals(value.strip())) {
            throw invalid(field, "'" + value + "' starts or ends with spaces");
        }
    }
}
