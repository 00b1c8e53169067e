package org.siyu.membership.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** Membership's permissions. */
@Component
public class MembershipPermissions implements PermissionProvider {

    /** See member cards, ledgers, coupons, tiers and the analytics. */
    public static final String VIEW = "membership.view";
    /** Redeem points, issue coupons, write coupon templates. */
    public static final String EDIT = "membership.edit";
    /** Change tiers and their benefits. */
    public static final String TIERS = "membership.tiers";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See members, points, coupons and membership analytics",
                        "查看会员、积分、优惠券和会员分析"), Role.VIEWER),
                new Permission(EDIT, Text.of("Redeem points, issue coupons, edit coupon templates",
                        "兑换积分、发放优惠券、编辑优惠券模板"), Role.OPERATOR),
                new Permission(TIERS, Text.of("Change membership tiers and benefits", "修改会员等级和权益"), Role.ADMIN));
    }
}
