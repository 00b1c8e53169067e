package org.siyu.kernel.identity.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.identity.Customer;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdSet;
import org.siyu.kernel.identity.internal.ui.CustomerUi;

/**
 * The search documents of customers (type {@value CustomerUi#TYPE}): the text a person would look a customer up by
 * (name, nickname, remark, city), a title and a detail line for the hit, and exact keywords (tag names, the masked
 * phone). Unmasked identities never go into the index. A rebuild reads live customers 500 at a time; their tags come
 * from tagging's bitmaps (one {@code members} per tag, up front), not one query per customer.
 */
@Component
public class CustomerDocuments implements DocumentSource {

    /** The traits that are searched as text. */
    static final List<String> TEXT_TRAITS = List.of("name", "nickname", "remark", "city");

    /** Customers read per batch call while rebuilding. */
    static final int CHUNK = 500;

    private final CustomerServices services;

    @Activate
    public CustomerDocuments(@Reference CustomerServices services) {
        this.services = services;
    }

    @Override
    public String type() {
        return CustomerUi.TYPE;
    }

    @Override
    public long estimate() {
        return services.oneId().liveIds().size();
    }

    @Override
    public void documents(Consumer<SearchDocument> sink, BooleanSupplier cancel) {
        Map<String, IdSet> tagged = tagSets(services.tags());
        PrimitiveIterator.OfInt ids = services.oneId().liveIds().iterator();
        int[] chunk = new int[CHUNK];
        while (ids.hasNext() && !cancel.getAsBoolean()) {
            int n = 0;
            while (n < CHUNK && ids.hasNext()) {
                chunk[n++] = ids.nextInt();
            }
            for (Customer c : services.oneId().customers(java.util.Arrays.copyOf(chunk, n))) {
                if (c.mergedInto() == 0) {
                    List<String> tags = new ArrayList<>();
                    tagged.forEach((tag, members) -> {
                        if (members.contains(c.id())) {
                            tags.add(tag);
                        }
                    });
                    sink.accept(document(c, tags));
                }
            }
        }
    }

    /** The members of every tag, by tag name; empty without tagging. */
    static Map<String, IdSet> tagSets(TagService tags) {
        if (tags == null) {
            return Map.of();
        }
        Map<String, IdSet> sets = new LinkedHashMap<>();
        for (TagInfo tag : tags.list()) {
            if (tag.customers() > 0) {
                try {
                    sets.put(tag.name(), IdSet.of(tags.members("tag:" + quoted(tag.name()))));
                } catch (SegmentSyntaxException e) {
                    // removed since list(): nobody has it
                }
            }
        }
        return sets;
    }

    /** A tag name as a quoted segment-expression name: {@code "VIP \"gold\""}. */
    static String quoted(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The document of one live customer with its tag names. */
    static SearchDocument document(Customer c, List<String> tags) {
        Map<String, String> text = new LinkedHashMap<>();
        for (String trait : TEXT_TRAITS) {
            String value = c.traits().get(trait);
            if (value != null && !value.isBlank()) {
                text.put(trait, value);
            }
        }
        String phone = CustomerUi.maskedPhone(c);
        String detail = (phone == null ? "" : phone + " · ") + c.firstChannel();
        List<String> keywords = new ArrayList<>(tags);
        if (phone != null) {
            keywords.add(phone);
        }
        return new SearchDocument(CustomerUi.TYPE, String.valueOf(c.id()), CustomerUi.title(c, Locale.CHINESE), detail,
                text, keywords);
    }
}
