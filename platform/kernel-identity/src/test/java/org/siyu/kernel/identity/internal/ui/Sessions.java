package org.siyu.kernel.identity.internal.ui;

import java.util.Locale;
import org.siyu.api.security.Role;
import org.siyu.kernel.identity.internal.IdentityPermissions;
import org.siyu.testkit.FakeContext;

/** The shell's session for these views, with the permissions the roles hold by default: everyone views, operators
 * and admins edit. The view's own checks are what is tested, so the rule is the roles', not "everything". */
final class Sessions {

    private Sessions() {
    }

    static FakeContext of(Locale locale, String username, Role role) {
        return new FakeContext(locale).as(username, role).permitting(permission ->
                permission.equals(IdentityPermissions.VIEW)
                        || (permission.equals(IdentityPermissions.EDIT) && role.includes(Role.OPERATOR)));
    }
}
