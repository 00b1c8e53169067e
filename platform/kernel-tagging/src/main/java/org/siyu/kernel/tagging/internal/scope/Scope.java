package org.siyu.kernel.tagging.internal.scope;

import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.i18n.Text;

/**
 * The customers an account may see, as counts and exports use them: unrestricted, or the bitmap of the customers its
 * data scope holds. A scope that could not be worked out is {@linkplain #closed() closed}: no customers, and a
 * {@link #problem()} that says why.
 *
 * @param customers the customers in scope, {@code null} when unrestricted; shared, never to be modified
 * @param account   the account, {@code null} when unrestricted
 * @param unit      the org unit the account is linked to, {@code null} when unrestricted
 * @param problem   why the scope is closed, or {@code null}
 */
public record Scope(RoaringBitmap customers, String account, String unit, Text problem) {

    /** Every customer. */
    public static final Scope UNRESTRICTED = new Scope(null, null, null, null);

    /** A scope that fails closed: nobody, with the reason. */
    static Scope closed(String account, String unit, Text problem) {
        return new Scope(new RoaringBitmap(), account, unit, problem);
    }

    /** Whether the account sees every customer. */
    public boolean unrestricted() {
        return customers == null;
    }

    /** Whether the scope could not be worked out, so it holds nobody ({@link #problem()} says why). */
    public boolean closed() {
        return problem != null;
    }

    /** What to intersect with: {@code null} for every customer. */
    public RoaringBitmap within() {
        return customers;
    }

    /** For logs and the audit: {@code all customers}, or the account's unit and how many customers it holds. */
    public String describe() {
        if (unrestricted()) {
            return "all customers";
        }
        return "data scope of unit '" + unit + "' (" + customers.getLongCardinality() + " customers"
                + (closed() ? ", closed: " + problem.en() : "") + ")";
    }
}
