package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;

/**
 * The dead letters of one session: a grid with a Replay button per row. A replay runs on the subscriber's own
 * thread; its outcome comes back through push.
 */
class DeadLetterListView extends Composite<VerticalLayout> {

    private static final int SHOWN = 500;

    private final Delivery delivery;
    private final ViewContext context;
    private final Locale locale;
    private final boolean mayReplay;
    private final Grid<DeadLetter> grid = new Grid<>();
    private final Checkbox showReplayed;

    DeadLetterListView(Delivery delivery, ViewContext context) {
        this.delivery = delivery;
        this.context = context;
        this.locale = context.locale();
        // Checked on the server: a disabled button's clicks are ignored by Vaadin.
        this.mayReplay = context.user().isPermitted(EventsPermissions.REPLAY);

        Button refresh = new Button(Text.of("Refresh", "刷新").get(locale), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("dead-letters-refresh");
        showReplayed = new Checkbox(Text.of("Show replayed", "显示已重放").get(locale), e -> refresh());
        showReplayed.setId("dead-letters-show-replayed");
        HorizontalLayout toolbar = new HorizontalLayout(refresh, showReplayed);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("dead-letter-grid");
        grid.addColumn(DeadLetter::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeadLetter::subscriberId).setHeader(Text.of("Subscriber", "订阅者").get(locale)).setAutoWidth(true);
        grid.addColumn(DeadLetter::offset).setHeader(Text.of("Offset", "偏移量").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeadLetter::type).setHeader(Text.of("Type", "类型").get(locale)).setAutoWidth(true);
        grid.addColumn(DeadLetter::attempts).setHeader(Text.of("Attempts", "尝试次数").get(locale)).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> EventsUi.shorten(d.error(), 200)).setHeader(Text.of("Error", "错误").get(locale)).setFlexGrow(1);
        grid.addColumn(d -> EventsUi.time(d.failedAt(), locale)).setHeader(Text.of("Failed", "失败时间").get(locale)).setAutoWidth(true);
        grid.addColumn(d -> EventsUi.time(d.replayedAt(), locale)).setHeader(Text.of("Replayed", "重放时间").get(locale)).setAutoWidth(true);
        grid.addComponentColumn(this::replayButton).setAutoWidth(true).setFlexGrow(0);

        VerticalLayout root = getContent();
        root.setId("dead-letters-view");
        root.setSizeFull();
        root.add(toolbar);
        root.addAndExpand(grid);
        addAttachListener(e -> refresh());
    }

    private Button replayButton(DeadLetter letter) {
        Button replay = new Button(Text.of("Replay", "重放").get(locale), VaadinIcon.ROTATE_LEFT.create());
        replay.setId("replay-" + letter.id());
        replay.addThemeVariants(ButtonVariant.SMALL);
        replay.setEnabled(mayReplay && letter.replayedAt() == null);
        replay.addClickListener(e -> replay(letter, replay));
        return replay;
    }

    private void replay(DeadLetter letter, Button button) {
        if (!mayReplay) {
            return;
        }
        button.setEnabled(false);
        UI ui = UI.getCurrent();
        try {
            delivery.replay(letter.id()).whenComplete((outcome, failure) -> {
                String message = failure != null ? failure.getMessage()
                        : outcome.replayed() ? Text.of("Replayed dead letter ", "已重放死信 ").get(locale) + letter.id()
                        : Text.of("The subscriber failed again: ", "订阅者再次失败：").get(locale) + outcome.error();
                try {
                    ui.access(() -> {
                        context.notify(message);
                        refresh();
                    });
                } catch (UIDetachedException gone) {
                    // the user left; nothing to show
                }
            });
        } catch (RuntimeException e) { // no such letter, already replayed, subscriber not running
            context.notify(e.getMessage());
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(delivery.deadLetters(showReplayed.getValue(), SHOWN));
    }
}
