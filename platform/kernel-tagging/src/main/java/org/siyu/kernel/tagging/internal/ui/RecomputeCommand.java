package org.siyu.kernel.tagging.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.system.SystemTags;

/** {@code tagging.recompute}: re-evaluates every customer's system tags now, as a job. */
@Component
public class RecomputeCommand implements CommandContribution {

    private static final Text TITLE = Text.of("Recompute system tags", "重新计算系统标签");

    private final SystemTags systemTags;

    @Activate
    public RecomputeCommand(@Reference SystemTags systemTags) {
        this.systemTags = systemTags;
    }

    @Override
    public String id() {
        return "tagging.recompute";
    }

    @Override
    public Text title() {
        return TITLE;
    }

    @Override
    public String permission() {
        return TaggingPermissions.EDIT;
    }

    @Override
    public void execute(ViewContext context, String argument) {
        Jobs.Started started = systemTags.recompute(context.user().username(), TITLE.get(context.locale()));
        context.log(started == null ? Text.of("tagging.recompute: a re-evaluation is running already",
                        "tagging.recompute：重新计算正在进行中").get(context.locale())
                : started.job() != null ? "tagging.recompute: job #" + started.job().id()
                : Text.of("tagging.recompute: started in the background (no job service; progress in the log)",
                        "tagging.recompute：已在后台启动（无任务服务，进度见日志）").get(context.locale()));
    }
}
