package org.siyu.commerce.codes.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.commerce.codes.internal.CodePermissions;
import org.siyu.commerce.codes.internal.CodeService;

/** The navigator node "Commerce › Product codes" (交易云 › 一物一码): batches, their export, looking a code up. */
@org.osgi.service.component.annotations.Component
public class CodesView implements ViewContribution {

    private final CodeService codes;

    @Activate
    public CodesView(@Reference CodeService codes) {
        this.codes = codes;
    }

    @Override
    public String id() {
        return "commerce.codes";
    }

    @Override
    public Text title() {
        return Text.of("Product codes", "一物一码");
    }

    @Override
    public Text group() {
        return Text.of("Commerce", "交易云");
    }

    @Override
    public String icon() {
        return "QRCODE";
    }

    @Override
    public String permission() {
        return CodePermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new CodesPanel(codes, context.locale(), context.user().username(),
                context.user().isPermitted(CodePermissions.MANAGE), context::notify);
    }
}
