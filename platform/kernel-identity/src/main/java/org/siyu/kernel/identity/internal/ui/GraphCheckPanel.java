package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.graph.GraphChecks;

/**
 * The graph check for operators: start it (a job; one at a time on the node), read what the last one found, undo
 * the merges it lists as made through keys that are poison now, newest first, and split off the identities it lists
 * as linked through such keys, each after a confirmation. The result is the one the check kept in memory; an undone
 * merge or a split is marked here until the next check no longer lists it.
 */
class GraphCheckPanel extends Composite<VerticalLayout> {

    private final GraphChecks checks;
    private final OneId oneId;
    private final ViewContext context;
    private final Locale locale;
    private final NumberFormat count;
    private final Button run = new Button();
    private final Button undoAll = new Button();
    private final Button splitAll = new Button();
    private final Button joinAll = new Button();
    private final Span status = new Span();
    private final Div summary = new Div();
    private final Grid<GraphCheck.SuspectMerge> suspects = new Grid<>();
    private final Grid<GraphCheck.SuspectLinks> splits = new Grid<>();
    private final Grid<GraphCheck.SuspectApart> joins = new Grid<>();
    /** Merges undone from this panel since the result shown was computed. */
    private final Set<Long> undone = new HashSet<>();
    /** Splits of the result shown carried out from this panel. */
    private final Set<Integer> split = new HashSet<>();
    /** Joins of the result shown carried out from this panel. */
    private final Set<Integer> joined = new HashSet<>();
    private GraphCheck.Result shown;
    private final GraphCheckGrids grids;
    private UI ui;

    GraphCheckPanel(GraphChecks checks, OneId oneId, ViewContext context) {
        this.checks = checks;
        this.oneId = oneId;
        this.context = context;
        this.locale = context.locale();
        this.count = NumberFormat.getIntegerInstance(locale);

        Span intro = new Span(t("Online, OneID learns that a phone or unionid is shared (poison) only after more than "
                        + oneId.poisonThreshold() + " customers presented it, so some merged through it first. The check "
                        + "rebuilds the identity graph from the stored claims with the poison rule applied first and "
                        + "lists those merges; undo them newest first. It also lists identities that were linked to a "
                        + "customer through such a key without a merge (a visitor who gave the shop's phone with a new "
                        + "account); split them off, after undoing the merges. Undoing can leave a person's own "
                        + "customers apart: the check lists them to join again.",
                "线上只有当超过 " + oneId.poisonThreshold() + " 个客户出示同一手机号或 unionid 后，OneID 才知道它是共用的（毒化），"
                        + "在此之前可能已经据此合并了客户。检查会先应用毒化规则，再按已存的认领重建身份图谱，并列出这些合并；"
                        + "请从最新的开始撤销。检查还会列出未经合并、仅凭此类标识关联到某客户的身份（例如访客用门店手机号"
                        + "加上自己的新账号）；请在撤销合并之后将其拆分出去。撤销可能使同一人的多个客户分开，检查会列出它们以便重新合并。"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");

        run.setText(t("Run check", "运行检查"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.setId("graph-check-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.addClickListener(e -> start());
        status.setId("graph-check-status");
        HorizontalLayout bar = new HorizontalLayout(run, status);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        summary.setId("graph-check-summary");
        summary.getStyle().set("white-space", "pre-line");

        grids = new GraphCheckGrids(locale);
        grids.suspects(suspects, this::undoButton);
        grids.splits(splits, this::splitButton);
        grids.joins(joins, this::joinButton);

        VerticalLayout root = getContent();
        root.setId("graph-check-view");
        root.setWidthFull();
        undoAll.setId("graph-check-undo-all");
        undoAll.addClickListener(e -> confirmAll(GraphChecks.Action.UNDO_MERGES));
        splitAll.setId("graph-check-split-all");
        splitAll.addClickListener(e -> confirmAll(GraphChecks.Action.SPLITS));
        joinAll.setId("graph-check-join-all");
        joinAll.addClickListener(e -> confirmAll(GraphChecks.Action.JOINS));
        HorizontalLayout all = new HorizontalLayout(undoAll, splitAll, joinAll);
        root.add(intro, bar, summary, all, suspects, splits, joins);
        render();
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    /** A confirmation: {@code action} runs when the user confirms. */
    private void confirm(String header, String text, String confirmText, String theme, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("graph-check-confirm");
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(t("Cancel", "取消"));
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme(theme);
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
    }

    private String count(int n) {
        return " (" + this.count.format(n) + ")";
    }

    /** Starts a check; the panel shows it running and its result when it ends. */
    void start() {
        Optional<GraphChecks.Run> started;
        try {
            started = checks.start(context.user().username(), t("Identity graph check", "身份图谱检查"));
        } catch (RuntimeException e) {
            context.notify(t("The check did not start: ", "检查未能启动：") + e.getMessage());
            return;
        }
        follow(started);
    }

    /** Carries out a whole list of the result shown, as a job that runs the check again at its end. */
    void carryOut(GraphChecks.Action action) {
        GraphCheck.Result r = shown;
        if (r == null) {
            return;
        }
        Optional<GraphChecks.Run> started;
        try {
            started = checks.carryOut(action, r.checkedAt(), context.user().username(),
                    t("Identity graph check: carry out a list", "身份图谱检查：批量处理"));
        } catch (RuntimeException e) {
            context.notify(e.getMessage());
            return;
        }
        follow(started);
    }

    private void follow(Optional<GraphChecks.Run> started) {
        if (started.isEmpty()) {
            context.notify(t("A graph check is running already.", "已有身份图谱检查在运行。"));
        } else {
            started.get().done().whenComplete((summaryLine, failure) -> {
                UI attached = ui;
                if (attached != null) {
                    try {
                        attached.access(() -> {
                            if (summaryLine != null && !summaryLine.startsWith("cancelled")) {
                                context.notify(summaryLine);
                            }
                            render();
                        });
                    } catch (UIDetachedException e) {
                        // the view was closed meanwhile; it shows the result when opened again
                    }
                }
            });
        }
        render();
    }

    private void confirmAll(GraphChecks.Action action) {
        GraphCheck.Result r = shown;
        if (r == null) {
            return;
        }
        String header = switch (action) {
            case UNDO_MERGES -> t("Undo all " + r.suspects().size() + " merges listed?",
                    "撤销列出的全部 " + r.suspects().size() + " 次合并？");
            case SPLITS -> t("Carry out all " + r.splits().size() + " splits listed?",
                    "执行列出的全部 " + r.splits().size() + " 处拆分？");
            case JOINS -> t("Carry out all " + r.joins().size() + " joins listed?",
                    "执行列出的全部 " + r.joins().size() + " 处合并？");
        };
        String confirmText = switch (action) {
            case UNDO_MERGES -> t("Undo all", "全部撤销");
            case SPLITS -> t("Split all", "全部拆分");
            case JOINS -> t("Join all", "全部合并");
        };
        confirm(header, t("A job does them one by one (the Jobs view shows its progress), skips what changed since, "
                        + "and runs the check again at its end.",
                "由一个任务逐项处理（任务视图显示进度），跳过此后已变化的项，结束时再次运行检查。"), confirmText,
                action == GraphChecks.Action.JOINS ? "primary" : "error primary", () -> carryOut(action));
    }

    /** Shows whether a check runs and the last result. */
    void render() {
        boolean running = checks.running();
        run.setEnabled(!running);
        Optional<GraphCheck.Result> last = checks.last();
        if (last.isPresent() && last.get() != shown) {
            shown = last.get();
            undone.clear();
            split.clear();
            joined.clear();
        }
        // what is left of each list: the items not yet carried out from this view
        int merges = shown == null ? 0 : shown.suspects().size() - undone.size();
        int splitsLeft = shown == null ? 0 : shown.splits().size() - split.size();
        int joinsLeft = shown == null ? 0 : shown.joins().size() - joined.size();
        undoAll.setText(t("Undo all merges", "全部撤销") + count(merges));
        splitAll.setText(t("Split all", "全部拆分") + count(splitsLeft));
        joinAll.setText(t("Join all", "全部合并") + count(joinsLeft));
        undoAll.setEnabled(!running && merges > 0);
        splitAll.setEnabled(!running && splitsLeft > 0);
        joinAll.setEnabled(!running && joinsLeft > 0);
        if (running) {
            status.setText(t("Running… (the Jobs view shows its progress)", "运行中……（任务视图显示进度）"));
        } else if (shown == null) {
            status.setText(t("No check since the node started.", "节点启动以来尚未检查。"));
        } else {
            status.setText(t("Last check: ", "上次检查：") + grids.time(shown.checkedAt()) + " ("
                    + count.format(shown.millis()) + " ms)");
        }
        if (shown == null) {
            summary.setText("");
            suspects.setItems(List.of());
            splits.setItems(List.of());
            joins.setItems(List.of());
            return;
        }
        GraphCheck.Result r = shown;
        summary.setText(GraphCheckSummary.text(r, undone.size(), split.size(), joined.size(), locale));
        suspects.setItems(r.suspects());
        splits.setItems(r.splits());
        joins.setItems(r.joins());
    }

    private Button joinButton(GraphCheck.SuspectApart join) {
        boolean done = joined.contains(join.ref());
        Button button = new Button(done ? t("Joined", "已合并") : t("Join", "合并"), VaadinIcon.CONNECT.create(),
                e -> confirmJoin(join));
        button.setId("graph-check-join-" + join.ref());
        button.addThemeVariants(ButtonVariant.SMALL);
        button.setEnabled(!done);
        return button;
    }

    private void confirmJoin(GraphCheck.SuspectApart join) {
        String others = join.customers().subList(1, join.customers().size()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        confirm(t("Join customers " + others + " into " + join.customers().getFirst() + "?",
                        "将客户 " + others + " 合并到 " + join.customers().getFirst() + "？"),
                t("Each is an audited merge (rule graph-check) that can be undone.",
                        "每次合并都会记录（规则 graph-check），并可撤销。"),
                t("Join", "合并"), "primary", () -> join(join.ref()));
    }

    /** Carries out a listed join (after the confirmation); a refusal (the data changed since) is shown. */
    void join(int ref) {
        carryOutRow(joined, ref, checks::join, c -> t("Joined into customer " + c, "已合并到客户 " + c));
    }

    /** A split or a join of the result shown: {@code (ref, checkedAt, actor) -> the customer}. */
    private interface RowAction {
        int apply(int ref, String checkedAt, String actor);
    }

    private void carryOutRow(Set<Integer> done, int ref, RowAction action, IntFunction<String> message) {
        GraphCheck.Result r = shown;
        if (r == null) {
            return;
        }
        try {
            int customer = action.apply(ref, r.checkedAt(), context.user().username());
            done.add(ref);
            context.notify(message.apply(customer));
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            context.notify(e.getMessage());
        }
        render();
    }

    private Button splitButton(GraphCheck.SuspectLinks links) {
        boolean done = split.contains(links.ref());
        Button button = new Button(done ? t("Split", "已拆分") : t("Split off", "拆分"), VaadinIcon.SPLIT.create(),
                e -> confirmSplit(links));
        button.setId("graph-check-split-" + links.ref());
        button.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        button.setEnabled(!done);
        return button;
    }

    private void confirmSplit(GraphCheck.SuspectLinks links) {
        String target = links.moveTo() == 0 ? t("a new customer", "一个新客户") : t("customer ", "客户 ") + links.moveTo();
        confirm(t("Split " + links.identities() + " identities off customer " + links.customerNow() + "?",
                        "从客户 " + links.customerNow() + " 拆分出 " + links.identities() + " 个身份？"),
                t("They move to " + target + ". Tags, orders and points stay with customer " + links.customerNow()
                        + ".",
                        "这些身份将移至" + target + "。标签、订单和积分仍留在客户 " + links.customerNow() + "。"),
                t("Split off", "拆分"), "error primary", () -> split(links.ref()));
    }

    /** Carries out a listed split (after the confirmation); a refusal (the data changed since) is shown. */
    void split(int ref) {
        carryOutRow(split, ref, checks::split, c -> t("Split off to customer " + c, "已拆分至客户 " + c));
    }

    private Button undoButton(GraphCheck.SuspectMerge merge) {
        boolean done = undone.contains(merge.mergeId());
        Button undo = new Button(done ? t("Undone", "已撤销") : t("Undo", "撤销"),
                VaadinIcon.ARROW_BACKWARD.create(), e -> confirmUndo(merge));
        undo.setId("graph-check-undo-" + merge.mergeId());
        undo.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        undo.setEnabled(!done);
        return undo;
    }

    private void confirmUndo(GraphCheck.SuspectMerge merge) {
        confirm(t("Undo merge " + merge.mergeId() + "?", "撤销合并 " + merge.mergeId() + "？"),
                t("Customer " + merge.merged() + " gets back the identities it brought to customer " + merge.survivor()
                        + "; the two are not merged again by the rules.",
                        "客户 " + merge.merged() + " 将取回其带到客户 " + merge.survivor() + " 的身份；规则不会再次合并二者。"),
                t("Undo merge", "撤销合并"), "error primary", () -> undo(merge.mergeId()));
    }

    /** Undoes a listed merge (after the confirmation); a refusal (merged since, already undone) is shown. */
    void undo(long mergeId) {
        try {
            oneId.undoMerge(mergeId, context.user().username());
            undone.add(mergeId);
            context.notify(t("Merge " + mergeId + " undone", "已撤销合并 " + mergeId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            context.notify(e.getMessage());
        }
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
        render(); // a check may have ended while the view was closed
    }

    @Override
    protected void onDetach(DetachEvent event) {
        ui = null;
        super.onDetach(event);
    }
}
