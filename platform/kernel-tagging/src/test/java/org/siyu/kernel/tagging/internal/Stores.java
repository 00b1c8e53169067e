package org.siyu.kernel.tagging.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.siyu.api.identity.Customer;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.testkit.FakeOrg;

/**
 * Two stores, their guides and customers, for data-scope tests. {@code sh-manager} is linked to store
 * {@code sh-jingan} (guides g-1, g-2) and sees customers 1, 2, 5 and 7; {@code bj-manager} to {@code bj-chaoyang}
 * (g-3) and sees 3; {@code admin} is linked to nothing and sees everyone. Tags ({@link #tag}):
 *
 * <pre>
 * customer  owner        tags            notes
 * 1         g-1          VIP
 * 2         g-2          猫主人
 * 3         g-3          VIP, 猫主人
 * 4         (nobody)     VIP             in no store's scope
 * 5         g-1          VIP, 猫主人
 * 6         g-1          —               merged into 1: in no scope
 * 7         g-2          —               OneID knows it, tagging has not heard of it yet
 * </pre>
 */
public final class Stores {

    public static final String SH_MANAGER = "sh-manager";
    public static final String BJ_MANAGER = "bj-manager";
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private Stores() {
    }

    public static FakeOrg org() {
        return new FakeOrg()
                .staff("g-1", "王导购", "sh-jingan", true)
                .staff("g-2", "李导购", "sh-jingan", true)
                .staff("g-3", "赵导购", "bj-chaoyang", true)
                .account(SH_MANAGER, "sh-jingan")
                .account(BJ_MANAGER, "bj-chaoyang");
    }

    /** OneID with the SDK's default {@code idsOwnedBy} (through {@code ids()} and {@code customers(int[])}). */
    public static FakeIdentity identity() {
        return new FakeIdentity()
                .put(customer(1, "张三", "g-1", 0))
                .put(customer(2, "李四", "g-2", 0))
                .put(customer(3, "王五", "g-3", 0))
                .put(customer(4, "赵六", null, 0))
                .put(customer(5, "钱七", "g-1", 0))
                .put(customer(6, "钱七（旧）", "g-1", 1))
                .put(customer(7, "孙八", "g-2", 0));
    }

    public static Scopes scopes() {
        return new Scopes(org(), identity());
    }

    public static void tag(Tagging tagging) {
        for (int c : new int[] {1, 3, 4, 5}) {
            tagging.assign(c, "VIP", "manual", "alice");
        }
        for (int c : new int[] {2, 3, 5}) {
            tagging.assign(c, "猫主人", "manual", "alice");
        }
    }

    private static Customer customer(int id, String name, String owner, int mergedInto) {
        return new Customer(id, List.of("wecom:wm-" + id), Map.of("name", name), T0, "wecom", null, owner,
                mergedInto);
    }
}
