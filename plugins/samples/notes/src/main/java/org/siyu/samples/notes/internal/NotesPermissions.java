package org.siyu.samples.notes.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/**
 * The permissions of the notes sample. Viewers read notes; operators (and admins) also write them. The shell
 * hides what a user may not use, and the server refuses it too.
 */
@Component
public class NotesPermissions implements PermissionProvider {

    /** Read notes: open the list, the editor and the inspector section, find notes in search. */
    static final String VIEW = "notes.view";
    /** Create, change and delete notes. */
    static final String EDIT = "notes.edit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("Read notes", "查看笔记"), Role.VIEWER),
                new Permission(EDIT, Text.of("Create, change and delete notes", "新建、修改和删除笔记"),
                        Role.OPERATOR));
    }
}
