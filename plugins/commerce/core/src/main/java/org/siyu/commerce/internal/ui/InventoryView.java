package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.catalogue.Catalogue;

/** The navigator node "Commerce › Inventory" (交易云 › 库存). */
@org.osgi.service.component.annotations.Component
public class InventoryView implements ViewContribution {

    private final Catalogue catalogue;

    @Activate
    public InventoryView(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return "commerce.inventory";
    }

    @Override
    public Text title() {
        return Text.of("Inventory", "库存");
    }

    @Override
    public Text group() {
        return CommerceUi.GROUP;
    }

    @Override
    public String icon() {
        return "STOCK";
    }

    @Override
    public String permission() {
        return CommercePermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new InventoryPanel(catalogue, context);
    }
}
