package org.siyu.kernel.org.internal.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siyu.kernel.org.internal.OrgValidationException;

/** The fields of a form by the names the service's errors use, so a refusal lands under the right field. */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors add(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks the field the exception names (or none, if it names no field of this form). */
    void show(IllegalArgumentException e) {
        clear();
        if (e instanceof OrgValidationException v && fields.containsKey(v.field())) {
            HasValidation field = fields.get(v.field());
            field.setErrorMessage(v.getMessage());
            field.setInvalid(true);
        }
    }

    /** The error shown under the field, or {@code null} (tests). */
    String error(String name) {
        HasValidation field = fields.get(name);
        return field != null && field.isInvalid() ? field.getErrorMessage() : null;
    }
}
