package org.siyu.membership.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.support.jobs.Jobs;
import org.siyu.membership.internal.tiers.Tiers;

/**
 * Command {@code membership.sync-tags}: give every member the tag of its tier again, as a job (after the tag service
 * was away while tiers changed, or after a tier was renamed).
 */
@Component
public class SyncTagsCommand implements CommandContribution {

    private final Tiers tiers;
    private final Jobs jobs;

    @Activate
    public SyncTagsCommand(@Reference Tiers tiers, @Reference Jobs jobs) {
        this.tiers = tiers;
        this.jobs = jobs;
    }

    @Override
    public String id() {
        return "membership.sync-tags";
    }

    @Override
    public Text title() {
        return Text.of("Membership: re-tag every member with its tier", "会员：按等级重新打会员标签");
    }

    @Override
    public String permission() {
        return MembershipPermissions.TIERS;
    }

    @Override
    public void execute(ViewContext context, String argument) {
        jobs.start("membership.sync-tags", "Membership: tier tags", context.user().username(), progress -> {
            int done = tiers.syncTags(progress::done);
            return done + " members tagged";
        });
        context.log(Text.of("Started re-tagging the members; see Developer › Jobs.", "已开始重新打会员标签，进度见 开发 › 任务。")
                .get(context.locale()));
    }
}
