package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.siyu.api.i18n.Text;
import org.siyu.api.tags.TagInfo;
import org.siyu.kernel.tagging.internal.TagDef;
import org.siyu.kernel.tagging.internal.Tagging;

/** The tags of one session: a grid with name, title, group, system flag and customer count; refreshed when shown. */
class TagsPanel extends Composite<VerticalLayout> {

    /** One grid row. */
    record Row(String name, String title, String group, boolean system, long customers) {
    }

    private final Tagging tagging;
    private final Locale locale;
    private final Grid<Row> grid = new Grid<>();

    TagsPanel(Tagging tagging, Locale locale) {
        this.tagging = tagging;
        this.locale = locale;
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        grid.setId("tags-grid");
        grid.addColumn(Row::name).setHeader(Text.of("Tag", "标签").get(locale)).setFlexGrow(1).setSortable(true);
        grid.addColumn(Row::title).setHeader(Text.of("Title", "显示名").get(locale)).setAutoWidth(true);
        grid.addColumn(Row::group).setHeader(Text.of("Group", "分组").get(locale)).setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> r.system() ? Text.of("system", "系统").get(locale) : "")
                .setHeader(Text.of("Kind", "类型").get(locale)).setAutoWidth(true);
        grid.addColumn(r -> numbers.format(r.customers())).setHeader(Text.of("Customers", "客户数").get(locale))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setComparator(Row::customers).setSortable(true);
        Button refresh = new Button(Text.of("Refresh", "刷新").get(locale), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("tags-refresh");

        VerticalLayout root = getContent();
        root.setId("tags-view");
        root.setSizeFull();
        root.add(refresh);
        root.addAndExpand(grid);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        grid.setItems(rows());
    }

    List<Row> rows() {
        String language = locale == null ? "en" : locale.getLanguage();
        return tagging.list().stream().map((TagInfo t) -> new Row(t.name(),
                        tagging.tag(t.name()).map((TagDef d) -> d.title(language)).orElse(t.name()),
                        t.group(), t.system(), t.customers()))
                .toList();
    }
}
