package org.siyu.api.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Set;
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

    /**
     * Resolves many identity sets in one transaction (the calling thread's, or one of its own), in order: the
     * import and ingestion path. Equivalent to calling {@link #resolve} for each request, only faster.
     *
     * @throws IllegalArgumentException naming the request index and the identity that is malformed; nothing of
     *                                  the batch is written then
     * @since 1.1
     */
    List<Resolution> resolveAll(List<ResolveRequest> requests);

    /**
     * The ids of the live (not merged-away) customers, ascending.
     *
     * @since 1.1
     */
    PrimitiveIterator.OfInt ids();

    /**
     * Many customers at once, in the order of {@code ids}; ids that do not exist are skipped. The customer list reads
     * its pages through this.
     *
     * @since 1.1
     */
    List<Customer> customers(int[] ids);

    /**
     * Makes a staff member (guide) the owner of the customer's relationship, or clears it with {@code null}.
     * Publishes {@code customer.owner.changed} with {@code {"owner","previous","actor"}}.
     *
     * @throws IllegalArgumentException if there is no such (live) customer
     * @since 1.1
     */
    void assignOwner(int customerId, String staffId, String actor);

    /**
     * The ids of the live (not merged-away) customers whose owner is one of {@code staffIds}, ascending and without
     * duplicates: the customers of a data scope ({@link org.siyu.api.org.DataScope#staffIds()}). Customers without an
     * owner are in no such set; an empty collection gives an empty array. Like {@link #ids()} it answers from
     * committed data.
     *
     * <p>The default implementation reads every live customer through {@link #customers(int[])}, 500 at a time; the
     * kernel answers from memory.
     *
     * @throws NullPointerException if {@code staffIds} is {@code null} (a {@code null} element matches nobody)
     * @since 1.2
     */
    default int[] idsOwnedBy(Collection<String> staffIds) {
        Set<String> owners = new HashSet<>(staffIds);
        owners.remove(null);
        if (owners.isEmpty()) {
            return new int[0];
        }
        int[] found = new int[64];
        int n = 0;
        int[] page = new int[500];
        PrimitiveIterator.OfInt live = ids();
        while (live.hasNext()) {
            int size = 0;
            while (size < page.length && live.hasNext()) {
                page[size++] = live.nextInt();
            }
            for (Customer customer : customers(Arrays.copyOf(page, size))) {
                if (customer.mergedInto() == 0 && customer.owner() != null && owners.contains(customer.owner())) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = customer.id();
                }
            }
        }
        int[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }
}
