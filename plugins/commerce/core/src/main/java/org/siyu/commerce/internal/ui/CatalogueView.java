package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.catalogue.Catalogue;

/** The navigator node "Commerce › Products" (交易云 › 商品). */
@org.osgi.service.component.annotations.Component
public class CatalogueView implements ViewContribution {

    private final Catalogue catalogue;

    @Activate
    public CatalogueView(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return "commerce.products";
    }

    @Override
    public Text title() {
        return Text.of("Products", "商品");
    }

    @Override
    public Text group() {
        return CommerceUi.GROUP;
    }

    @Override
    public String icon() {
        return "PACKAGE";
    }

    @Override
    public String permission() {
        return CommercePermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new CataloguePanel(catalogue, context);
    }
}
