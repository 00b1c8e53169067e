package org.siyu.kernel.imports.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.imports.internal.ImportPermissions;
import org.siyu.kernel.imports.internal.Importer;

/** The navigator node "Customers › Import" (客户 › 导入): upload, map, dry-run and import a CSV file; the history. */
@org.osgi.service.component.annotations.Component
public class ImportView implements ViewContribution {

    /** The shell's built-in jobs view (platform/shell BuiltInViews.JOBS), where each job's progress is. */
    static final String JOBS_VIEW = "platform.jobs";

    private final Importer importer;

    @Activate
    public ImportView(@Reference Importer importer) {
        this.importer = importer;
    }

    @Override
    public String id() {
        return "imports.customers";
    }

    @Override
    public Text title() {
        return Text.of("Import", "导入");
    }

    @Override
    public Text group() {
        return Text.of("Customers", "客户"); // the group of the other customer views (tagging, identity)
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
        return new ImportPanel(importer, context.locale(), context.user().username(), context::notify,
                () -> context.openView(JOBS_VIEW));
    }
}
