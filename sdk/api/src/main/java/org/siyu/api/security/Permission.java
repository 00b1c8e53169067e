package org.siyu.api.security;

import java.util.Objects;
import org.siyu.api.i18n.Text;

/**
 * A permission that a bundle declares.
 *
 * @param id          stable identifier, conventionally {@code <plugin>.<action>} such as {@code notes.edit}
 * @param title       what the permission allows, shown in the admin
 * @param leastRole   the least role that holds this permission
 */
public record Permission(String id, Text title, Role leastRole) {

    public Permission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(leastRole, "leastRole");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("permission id '" + id
                    + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
    }
}
