package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.siyu.api.events.Event;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;

/** The newest events, newest first, reloaded by the Refresh button and each time the view is shown. */
class EventTailView extends Composite<VerticalLayout> {

    private static final int SHOWN = 200;

    private final EventBusService bus;
    private final Grid<Event> grid = new Grid<>();

    EventTailView(EventBusService bus, ViewContext context) {
        this.bus = bus;
        Locale locale = context.locale();
        Button refresh = new Button(Text.of("Refresh", "刷新").get(locale), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("events-refresh");

        grid.setId("events-grid");
        grid.addColumn(Event::offset).setHeader(Text.of("Offset", "偏移量").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> EventsUi.time(e.time(), locale)).setHeader(Text.of("Time", "时间").get(locale)).setAutoWidth(true);
        grid.addColumn(Event::type).setHeader(Text.of("Type", "类型").get(locale)).setAutoWidth(true);
        grid.addColumn(Event::source).setHeader(Text.of("Source", "来源").get(locale)).setAutoWidth(true);
        grid.addColumn(Event::subject).setHeader(Text.of("Customer", "客户").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> EventsUi.shorten(e.data(), 300)).setHeader(Text.of("Data", "数据").get(locale)).setFlexGrow(1);
        grid.addColumn(Event::id).setHeader("ID").setAutoWidth(true);

        VerticalLayout root = getContent();
        root.setId("events-view");
        root.setSizeFull();
        root.add(refresh);
        root.addAndExpand(grid);
        addAttachListener(e -> refresh());
    }

    private void refresh() {
        grid.setItems(bus.latest(SHOWN));
    }
}
