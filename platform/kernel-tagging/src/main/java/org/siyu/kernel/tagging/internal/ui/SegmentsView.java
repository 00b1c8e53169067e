package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.kernel.tagging.internal.scope.Scopes;

/**
 * The navigator node "Customers › Segments" (客户 › 分群): type an expression and see how many customers it selects,
 * save it under a name, open the saved ones, export the customers to CSV; counts and exports of the user's data scope.
 */
@org.osgi.service.component.annotations.Component
public class SegmentsView implements ViewContribution {

    private final Tagging tagging;
    private final SavedSegments saved;
    private final SegmentExport export;
    private final Scopes scopes;

    @Activate
    public SegmentsView(@Reference Tagging tagging, @Reference SavedSegments saved, @Reference SegmentExport export,
            @Reference Scopes scopes) {
        this.tagging = tagging;
        this.saved = saved;
        this.export = export;
        this.scopes = scopes;
    }

    @Override
    public String id() {
        return "tagging.segments";
    }

    @Override
    public Text title() {
        return Text.of("Segments", "分群");
    }

    @Override
    public Text group() {
        return TagsView.GROUP;
    }

    @Override
    public String icon() {
        return "FILTER";
    }

    @Override
    public String permission() {
        return TaggingPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new SavedSegmentsPanel(tagging, saved, export, scopes, context.user(), context.locale(),
                context::notify);
    }
}
