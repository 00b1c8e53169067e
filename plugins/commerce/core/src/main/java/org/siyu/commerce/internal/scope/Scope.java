package org.siyu.commerce.internal.scope;

import java.util.Arrays;
import org.siyu.api.i18n.Text;

/**
 * Whose orders an account may see: everyone's, the customers of its data scope, or nobody's when the scope cannot be
 * worked out (closed, with the problem to show).
 *
 * @param customers the customers in scope, ascending, or {@code null} for everyone
 * @param problem   why the scope is closed, or {@code null}
 */
public record Scope(int[] customers, Text problem) {

    public static final Scope UNRESTRICTED = new Scope(null, null);

    public static Scope closed(Text problem) {
        return new Scope(new int[0], problem);
    }

    public boolean unrestricted() {
        return customers == null;
    }

    public boolean closed() {
        return problem != null;
    }

    public boolean allows(int customerId) {
        return customers == null || Arrays.binarySearch(customers, customerId) >= 0;
    }
}
