package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.Product;
import org.siyu.api.ui.EditorContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.search.ProductSearch;

/** Opens products ({@code commerce.product}) as editor tabs: from the catalogue, a search hit, an order line. */
@org.osgi.service.component.annotations.Component
public class ProductEditors implements EditorContribution {

    private final Catalogue catalogue;

    @Activate
    public ProductEditors(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String type() {
        return ProductSearch.TYPE;
    }

    @Override
    public String title(String recordId, Locale locale) {
        return parse(recordId) == 0 ? recordId : catalogue.product(parse(recordId)).map(Product::name).orElse(recordId);
    }

    @Override
    public String permission() {
        return CommercePermissions.VIEW;
    }

    @Override
    public Component createEditor(String recordId, ViewContext context) {
        long id = parse(recordId);
        Product product = catalogue.product(id).orElseThrow(() -> new NoSuchElementException("no product " + recordId));
        return new ProductEditor(catalogue, product.id(), context);
    }

    static long parse(String recordId) {
        try {
            return Long.parseLong(recordId);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
