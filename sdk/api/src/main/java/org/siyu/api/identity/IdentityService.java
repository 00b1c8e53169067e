package org.siyu.api.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.osgi.annotation.versioning.ProviderType;

/** Resolves channel identities to customers. Provided by the kernel. */
@ProviderType
public interface IdentityService {

    /**
     * Finds the customer these identities belong to, or creates one; links every identity to it; merges customers
     * when a merge rule says they are the same person. Joins the calling thread's transaction if one is open. Publishes
     * {@code customer.created} and {@code customer.merged} events.
     *
     * @param identities at least one, each {@code <channel>:<value>} of a registered channel
     * @param traits     optional attributes (name, nickname, gender, city, remark, campaign, owner, …), may be empty
     * @throws IllegalArgumentException naming the identity that is malformed or of an unknown channel
     */
    Resolution resolve(List<String> identities, Map<String, String> traits);

    /** The customer by id; a customer merged into another answers with the survivor's id in {@link Customer#mergedInto()}. */
    Optional<Customer> customer(int id);

    /** The customer an identity is linked to. */
    OptionalInt find(String identity);

    /** The merges that involve the customer, newest first. */
    List<Merge> merges(int customerId);

    /**
     * Undoes a merge: the merged customer gets back the identities it brought, and a {@code customer.unmerged} event
     * tells other bundles to restore what they moved.
     *
     * @throws IllegalArgumentException if there is no such merge or it was already undone
     */
    void undoMerge(long mergeId, String actor);

    /** How many customers there are (merged ones not counted). */
    int count();
}
