package org.siyu.commerce.internal;

import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.CommerceException.Reason;

/** Short forms of the refusals, so that every check names its field. */
public final class Errors {

    private Errors() {
    }

    public static CommerceException invalid(String field, String message) {
        return new CommerceException(Reason.INVALID, field, field == null ? message : field + ": " + message);
    }

    public static CommerceException notFound(String field, String message) {
        return new CommerceException(Reason.NOT_FOUND, field, message);
    }

    public static CommerceException conflict(String field, String message) {
        return new CommerceException(Reason.CONFLICT, field, message);
    }

    public static CommerceException outOfStock(String field, String message) {
        return new CommerceException(Reason.OUT_OF_STOCK, field, field == null ? message : field + ": " + message);
    }

    /** A required text: trimmed, not blank, at most {@code max} characters. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field, "must be at most " + max + " characters, was " + trimmed.length());
        }
        return trimmed;
    }

    /** An optional text: trimmed, empty when absent, at most {@code max} characters. */
    public static String optionalText(String value, String field, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field, "must be at most " + max + " characters, was " + trimmed.length());
        }
        return trimmed;
    }
}
