package org.siyu.commerce.imports.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.commerce.imports.internal.ImportPermissions;
import org.siyu.commerce.imports.internal.OrderImporter;

/** The navigator node "Commerce › Order import" (交易云 › 订单导入): marketplace reports, their mappings, the history. */
@org.osgi.service.component.annotations.Component
public class OrderImportView implements ViewContribution {

    /** The shell's built-in jobs view, where each job's progress is. */
    static final String JOBS_VIEW = "platform.jobs";

    private final OrderImporter importer;

    @Activate
    public OrderImportView(@Reference OrderImporter importer) {
        this.importer = importer;
    }

    @Override
    public String id() {
        return "commerce.order-import";
    }

    @Override
    public Text title() {
        return Text.of("Order import", "订单导入");
    }

    @Override
    public Text group() {
        return Text.of("Commerce", "交易云");
    }

    @Override
    public String icon() {
        return "UPLOAD";
    }

    @Override
    public String permission() {
        return ImportPermissions.RUN;
    }

    @Override
    public Component createView(ViewContext context) {
        return new OrderImportPanel(importer, context.locale(), context.user().username(), context::notify,
                () -> context.openView(JOBS_VIEW));
    }
}
