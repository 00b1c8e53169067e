package org.siyu.kernel.identity.internal.ui;

import java.text.NumberFormat;
import java.util.Locale;
import org.siyu.api.i18n.Text;
import org.siyu.kernel.identity.internal.graph.GraphCheck;

/** The summary the graph check view shows above its lists, in the user's language. */
final class GraphCheckSummary {

    private final Locale locale;
    private final NumberFormat count;

    private GraphCheckSummary(Locale locale) {
        this.locale = locale;
        this.count = NumberFormat.getIntegerInstance(locale);
    }

    /**
     * @param undone merges undone from the view since the result was computed
     * @param split  splits carried out from the view since
     * @param joined joins carried out from the view since
     */
    static String text(GraphCheck.Result r, int undone, int split, int joined, Locale locale) {
        return new GraphCheckSummary(locale).text(r, undone, split, joined);
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    private String n(long value) {
        return count.format(value);
    }

    private String text(GraphCheck.Result r, int undone, int split, int joined) {
        StringBuilder text = new StringBuilder();
        text.append(t(n(r.mergesThroughPoison()) + " merges through keys that are poison now, in "
                        + n(r.customersAffected()) + (r.customersAffected() == 1 ? " customer" : " customers"),
                "经由现已毒化的标识进行的合并 " + n(r.mergesThroughPoison()) + " 次，涉及 " + n(r.customersAffected())
                        + " 个客户"));
        if (r.suspects().size() < r.mergesThroughPoison()) {
            text.append(t(" (the newest " + r.suspects().size() + " listed)",
                    "（列出最新的 " + r.suspects().size() + " 次）"));
        }
        text.append('\n').append(t(n(r.identitiesAstray()) + " identities linked through such keys, in "
                        + n(r.splits().size()) + (r.splits().size() == 1 ? " split" : " splits"),
                "经由此类标识关联的身份 " + n(r.identitiesAstray()) + " 个，需拆分 " + n(r.splits().size()) + " 处"));
        text.append('\n').append(t(n(r.merges()) + " merges checked, " + n(r.claimedKeys()) + " claimed keys, "
                        + n(r.linkGroups()) + " link groups, " + n(r.records()) + " records, threshold "
                        + r.threshold(),
                "已检查合并 " + n(r.merges()) + " 次，认领的标识 " + n(r.claimedKeys()) + " 个，关联组 " + n(r.linkGroups())
                        + " 个，记录 " + n(r.records()) + " 条，阈值 " + r.threshold()));
        text.append('\n').append(t("Poison keys: " + n(r.poisonRebuilt()) + " in the rebuild, " + n(r.poisonNow())
                        + " flagged online",
                "毒化标识：重建中 " + n(r.poisonRebuilt()) + " 个，线上已标记 " + n(r.poisonNow()) + " 个"));
        if (!r.newlyPoison().isEmpty()) {
            text.append('\n').append(t("Poison in the rebuild, not flagged online: ", "重建中毒化但线上未标记："))
                    .append(String.join(", ", r.newlyPoison()));
        }
        if (!r.joins().isEmpty()) {
            text.append('\n').append(t(n(r.joins().size()) + " rebuilt customers are several customers now: join them",
                    "重建中的 " + n(r.joins().size()) + " 个客户现为多个客户：请合并"));
        }
        if (r.apartNow() > 0) {
            text.append('\n').append(t(n(r.apartNow()) + " rebuilt customers are apart now (an operator undid a merge "
                            + "between them)",
                    "重建中的 " + n(r.apartNow()) + " 个客户现已分开（操作员撤销了其间的合并）"));
        }
        if (undone + split + joined > 0) {
            text.append('\n').append(t(undone + " undone, " + split + " split and " + joined
                            + " joined here since; run the check again to see what is left",
                    "此后在此撤销了 " + undone + " 次、拆分了 " + split + " 处、合并了 " + joined + " 处；再次运行检查可查看剩余情况"));
        }
        return text.toString();
    }
}
