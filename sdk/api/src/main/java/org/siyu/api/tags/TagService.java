package org.siyu.api.tags;

import java.util.List;
import java.util.PrimitiveIterator;
import org.osgi.annotation.versioning.ProviderType;

/** Tags customers and counts segments. Provided by the kernel; writes join the calling thread's transaction. */
@ProviderType
public interface TagService {

    /**
     * Assigns a tag; creates the tag (in the group {@code 默认 / default}) if it does not exist. Assigning a tag the
     * customer already has from the same source changes nothing.
     *
     * @param source   {@code manual}, {@code import}, {@code rule:<rule id>}, {@code system}, or {@code plugin:<bundle>}
     * @param evidence what justifies it: an event id, a user name, a file and row
     * @return whether the customer did not have the tag before
     * @throws IllegalArgumentException if the tag name is blank or longer than 64 characters
     */
    boolean assign(int customerId, String tag, String source, String evidence);

    /**
     * Removes a tag from a customer, whatever its source.
     *
     * @return whether the customer had it
     */
    boolean unassign(int customerId, String tag, String actor);

    /** The customer's tags with the why of each, in the order they were assigned. */
    List<TagAssignment> tags(int customerId);

    /** Every tag with its group and how many customers have it. */
    List<TagInfo> list();

    /**
     * How many customers the segment expression selects.
     *
     * @throws SegmentSyntaxException naming the position and token of a syntax error, or an unknown tag
     */
    long count(String expression);

    /** The ids of the customers the expression selects, ascending. */
    PrimitiveIterator.OfInt members(String expression);
}
