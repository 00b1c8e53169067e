package org.siyu.kernel.tagging.internal.system;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The rules of the system tags, PID {@value #PID}. The admin renders its form from this description; a change
 * applies to the next event and the next re-evaluation (run "Recompute system tags" to apply it to everyone now).
 */
@ObjectClassDefinition(id = SystemTagsConfig.PID, name = "System tags (lifecycle, reach, RFM)",
        description = "When the kernel tags a customer new, active, dormant or churned; reachable, engaged or owned; "
                + "and the RFM buckets. Days are whole days before now; amounts are in fen (1 yuan = 100 fen).")
public @interface SystemTagsConfig {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    String PID = "org.siyu.kernel.tagging.systemtags";

    @AttributeDefinition(name = "New: days since creation", min = "1",
            description = "A customer created fewer than this many days ago, with at most 'New: most orders' paid "
                    + "orders, is lifecycle.new. Default: 30.")
    int newDays() default 30;

    @AttributeDefinition(name = "New: most orders", min = "0",
            description = "A new customer has paid at most this many orders. Default: 1.")
    int newMaxOrders() default 1;

    @AttributeDefinition(name = "Active: days since last activity", min = "1",
            description = "Activity within this many days makes a customer lifecycle.active; later than that, "
                    + "lifecycle.dormant. Default: 90.")
    int activeDays() default 90;

    @AttributeDefinition(name = "Churned: days since last activity", min = "1",
            description = "No activity for more than this many days makes a customer lifecycle.churned. Must be "
                    + "more than the active days. Default: 180.")
    int churnedDays() default 180;

    @AttributeDefinition(name = "Activity event types",
            description = "Comma-separated event types (exact, prefix.* or *) that count as activity, besides paid "
                    + "orders and engagement. Default: order.*,member.*,coupon.redeemed.")
    String activityTypes() default "order.*,member.*,coupon.redeemed";

    @AttributeDefinition(name = "Paid order event types",
            description = "Comma-separated event types of a paid order; the amount is read from amountFen, "
                    + "totalFen (fen) or amount, total (yuan). Default: order.paid.")
    String orderTypes() default "order.paid";

    @AttributeDefinition(name = "Reachable channels",
            description = "Comma-separated channels through which the brand can reach a customer; one identity "
                    + "of them makes the customer reach.reachable. Default: wecom,phone,wechat-mp,mini.")
    String reachableChannels() default "wecom,phone,wechat-mp,mini";

    @AttributeDefinition(name = "Engagement event types",
            description = "Comma-separated event types that count as engagement (reach.engaged). Default: "
                    + "content.read,live.watched,group.joined,guide.chatted.")
    String engagementTypes() default "content.read,live.watched,group.joined,guide.chatted";

    @AttributeDefinition(name = "Engaged: days since last engagement", min = "1",
            description = "Engagement within this many days makes a customer reach.engaged. Default: 30.")
    int engagedDays() default 30;

    @AttributeDefinition(name = "Owned: repeat orders", min = "1",
            description = "Paid orders within 'Owned: window' that make a repeat buyer. Default: 2.")
    int ownedMinOrders() default 2;

    @AttributeDefinition(name = "Owned: window (days)", min = "1", max = "3650",
            description = "The window of repeat purchase, in days. Default: 365.")
    int ownedWindowDays() default 365;

    @AttributeDefinition(name = "Owned: needs an owning guide",
            description = "Whether reach.owned also needs a staff member who owns the relationship (repeat buyer "
                    + "or active member, with a guide). Default: true.")
    boolean ownedNeedsOwner() default true;

    @AttributeDefinition(name = "RFM recency (days)",
            description = "Four ascending day counts: a last paid order at most the first ago is R5, at most the "
                    + "second R4, the third R3, the fourth R2, older R1. Default: 30,60,90,180.")
    String rfmRecencyDays() default "30,60,90,180";

    @AttributeDefinition(name = "RFM frequency (orders)",
            description = "Four ascending order counts within the RFM window: at least the first is F2, the second "
                    + "F3, the third F4, the fourth F5, fewer F1. Default: 2,3,5,8.")
    String rfmFrequency() default "2,3,5,8";

    @AttributeDefinition(name = "RFM monetary (fen)",
            description = "Four ascending amounts in fen paid within the RFM window: at least the first is M2, the "
                    + "second M3, the third M4, the fourth M5, less M1. Default: 20000,50000,100000,200000 "
                    + "(200, 500, 1,000, 2,000 yuan).")
    String rfmMonetaryFen() default "20000,50000,100000,200000";

    @AttributeDefinition(name = "RFM window (days)", min = "1", max = "3650",
            description = "The days of orders that F and M count. Default: 365.")
    int rfmWindowDays() default 365;

    @AttributeDefinition(name = "RFM high score", min = "2", max = "5",
            description = "A score at least this is 'high' in the eight RFM segments (重要价值客户 = R, F and M "
                    + "high, …). Default: 3.")
    int rfmHighScore() default 3;

    @AttributeDefinition(name = "Re-evaluation delay (s)", min = "0",
            description = "Seconds after start before the first re-evaluation of every customer. Default: 60.")
    int recomputeDelaySeconds() default 60;

    @AttributeDefinition(name = "Re-evaluation interval (hours)", min = "0",
            description = "Hours between re-evaluations of every customer (time passes without events); 0: only "
                    + "the one after start. Default: 24.")
    int recomputeIntervalHours() default 24;

    @AttributeDefinition(name = "Re-evaluation chunk", min = "1", max = "10000",
            description = "Customers re-evaluated per transaction. Default: 500.")
    int chunkSize() default 500;
}
