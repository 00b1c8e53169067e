package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.SerializableFunction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.siyu.api.i18n.Text;
import org.siyu.kernel.identity.internal.graph.GraphCheck;

/**
 * What the graph check view's three lists show: the merges to undo, the splits and the joins, each row with the
 * button the view gives it.
 */
final class GraphCheckGrids {

    private final Locale locale;

    GraphCheckGrids(Locale locale) {
        this.locale = locale;
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    /** An ISO-8601 instant of the check's result, as the other customer views show times. */
    String time(String iso) {
        try {
            return CustomerUi.time(Instant.parse(iso), locale);
        } catch (DateTimeParseException | NullPointerException e) {
            return iso == null ? "" : iso;
        }
    }

    void suspects(Grid<GraphCheck.SuspectMerge> grid,
            SerializableFunction<GraphCheck.SuspectMerge, ? extends Component> button) {
        grid.setId("graph-check-suspects");
        grid.addColumn(GraphCheck.SuspectMerge::mergeId).setHeader(t("Merge", "合并")).setAutoWidth(true);
        grid.addColumn(m -> time(m.at())).setHeader(t("At", "时间")).setAutoWidth(true);
        grid.addColumn(m -> m.merged() + " → " + m.survivor()).setHeader(t("Merged → into", "被合并 → 并入"))
                .setAutoWidth(true);
        grid.addColumn(GraphCheck.SuspectMerge::rule).setHeader(t("Rule", "规则")).setAutoWidth(true);
        grid.addColumn(GraphCheck.SuspectMerge::evidence).setHeader(t("Evidence", "依据")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.poisonKeys())).setHeader(t("Poison keys", "毒化标识")).setFlexGrow(1);
        grid.addColumn(GraphCheck.SuspectMerge::customerNow).setHeader(t("Customer now", "当前客户"))
                .setAutoWidth(true);
        grid.addComponentColumn(button::apply).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    void splits(Grid<GraphCheck.SuspectLinks> grid,
            SerializableFunction<GraphCheck.SuspectLinks, ? extends Component> button) {
        grid.setId("graph-check-splits");
        grid.addColumn(l -> time(l.at())).setHeader(t("Last linked", "最近关联")).setAutoWidth(true);
        grid.addColumn(GraphCheck.SuspectLinks::identities).setHeader(t("Identities", "身份数")).setAutoWidth(true);
        grid.addColumn(l -> String.join(", ", l.ties())).setHeader(t("Linked through", "关联依据")).setFlexGrow(1);
        grid.addColumn(l -> String.join(", ", l.poisonKeys())).setHeader(t("Poison keys", "毒化标识"))
                .setAutoWidth(true);
        grid.addColumn(GraphCheck.SuspectLinks::customerNow).setHeader(t("Customer now", "当前客户"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.moveTo() == 0 ? t("a new customer", "新客户") : String.valueOf(l.moveTo()))
                .setHeader(t("Belongs with", "应归属")).setAutoWidth(true);
        grid.addComponentColumn(button::apply).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    void joins(Grid<GraphCheck.SuspectApart> grid,
            SerializableFunction<GraphCheck.SuspectApart, ? extends Component> button) {
        grid.setId("graph-check-joins");
        grid.addColumn(j -> j.customers().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .setHeader(t("Customers", "客户")).setFlexGrow(1);
        grid.addColumn(GraphCheck.SuspectApart::evidence).setHeader(t("Shared key", "共同标识")).setAutoWidth(true);
        grid.addColumn(j -> j.customers().getFirst()).setHeader(t("Into", "并入")).setAutoWidth(true);
        grid.addComponentColumn(button::apply).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }
}
