package org.siyu.commerce.internal.search;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchDocument;
import org.siyu.commerce.internal.catalogue.Catalogue;

/**
 * Lets the host rebuild the {@code commerce.product} documents from the catalogue (Developer › Search index, or by
 * itself when the index lacks the type). Single writes are indexed by {@link Catalogue} after each commit.
 */
@Component
public class ProductSource implements DocumentSource {

    private final Catalogue catalogue;

    @Activate
    public ProductSource(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String type() {
        return ProductSearch.TYPE;
    }

    @Override
    public long estimate() {
        return catalogue.productCount();
    }

    @Override
    public void documents(Consumer<SearchDocument> sink, BooleanSupplier cancel) {
        catalogue.each(product -> sink.accept(ProductSearch.document(product)), cancel);
    }
}
