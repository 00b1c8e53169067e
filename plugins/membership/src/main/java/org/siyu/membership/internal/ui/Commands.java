package org.siyu.membership.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.jobs.DailyJobs;

/** Command {@code membership.daily}: run the daily expiry and tier review now, as a job. */
@Component
public class Commands implements CommandContribution {

    private final DailyJobs daily;

    @Activate
    public Commands(@Reference DailyJobs daily) {
        this.daily = daily;
    }

    @Override
    public String id() {
        return "membership.daily";
    }

    @Override
    public Text title() {
        return Text.of("Membership: expire points and coupons, review tiers now", "会员：立即执行积分/优惠券过期和等级复核");
    }

    @Override
    public String permission() {
        return MembershipPermissions.TIERS;
    }

    @Override
    public void execute(ViewContext context, String argument) {
        daily.start(context.user().username());
        context.log(Text.of("Started the membership daily job; see Developer › Jobs.",
                "已启动会员每日任务，进度见 开发 › 任务。").get(context.locale()));
    }
}
