package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siyu.api.commerce.CommerceException;

/**
 * The fields of one form by the names the service's refusals use ({@code trackingNo}, {@code delta},
 * {@code priceFen}…), so that a refusal lands under the field the user typed it into, labelled in the user's
 * language, instead of in a notification that names an API field the user never saw.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors add(String name, HasValidation field) {
        // The service decides what is valid; the field's own checks would clear the mark on the next keystroke.
        field.setManualValidation(true);
        fields.put(name, field);
        return this;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /**
     * Marks the field {@code e} names, if it is one of these.
     *
     * @return whether the refusal is shown under a field
     */
    boolean show(CommerceException e) {
        clear();
        HasValidation field = e.field() == null ? null : fields.get(key(e.field()));
        if (field == null) {
            return false;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(e.field() + ": ")) {
            message = message.substring(e.field().length() + 2);
        }
        String label = field instanceof HasLabel l && l.getLabel() != null ? l.getLabel() : e.field();
        field.setErrorMessage(label + ": " + message);
        field.setInvalid(true);
        return true;
    }

    /** The error shown under the field, or {@code null}. */
    String error(String name) {
        HasValidation field = fields.get(name);
        return field != null && field.isInvalid() ? field.getErrorMessage() : null;
    }

    /**
     * The form's name for a refused request field: {@code skus[0].priceFen} and {@code sku.priceFen} are the price
     * of the SKU being edited, {@code sku.attributes.口味} its attributes, {@code imageUrls[2]} the image list.
     */
    static String key(String field) {
        String f = field.replaceFirst("^(skus\\[\\d+]|sku)\\.", "");
        int dot = f.indexOf('.');
        return (dot < 0 ? f : f.substring(0, dot)).replaceFirst("\\[\\d+]$", "");
    }
}
