package org.siyu.shell.internal.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siyu.shell.internal.search.SearchResult;
import org.siyu.api.security.Role;
import org.siyu.shell.internal.Catalog;
import org.siyu.shell.internal.Fixtures;
import org.siyu.shell.internal.builtin.BuiltInViews;
import org.siyu.shell.internal.palette.PaletteEntry.Kind;
import org.siyu.shell.internal.palette.PaletteModel.CommandLine;

class PaletteModelTest {

    private final Catalog catalog = new Catalog(Fixtures.notesRegistry(), () -> BuiltInViews.entries(null));

    private static List<String> labels(List<PaletteEntry> entries) {
        return entries.stream().map(PaletteEntry::label).toList();
    }

    @Test
    void listsEveryPermittedViewAndCommand() {
        assertEquals(List.of("Open: Notes", "Open: Note statistics"),
                labels(PaletteModel.entries(catalog, Role.VIEWER, Locale.ENGLISH)));
        List<PaletteEntry> operator = PaletteModel.entries(catalog, Role.OPERATOR, Locale.ENGLISH);
        assertEquals(List.of("Open: Plugins", "Open: Jobs", "Open: Search index", "Open: Notes",
                "Open: Note statistics", "New note"), labels(operator));
        assertEquals(new PaletteEntry(Kind.COMMAND, "notes.new", "New note"), operator.get(5));
        assertEquals(List.of("打开：插件", "打开：任务", "打开：搜索索引", "打开：笔记", "打开：笔记统计", "New note"),
                labels(PaletteModel.entries(catalog, Role.OPERATOR, Locale.CHINA)));
        assertEquals(10, PaletteModel.entries(catalog, Role.ADMIN, Locale.ENGLISH).size());
    }

    @Test
    void filterMatchesEveryWordInLabelOrId() {
        List<PaletteEntry> all = PaletteModel.entries(catalog, Role.ADMIN, Locale.ENGLISH);
        assertEquals(all, PaletteModel.filter(all, "  "));
        assertEquals(List.of("Open: Note statistics"), labels(PaletteModel.filter(all, "note stat")));
        assertEquals(List.of("Reindex notes"), labels(PaletteModel.filter(all, "REINDEX")));
        assertEquals(List.of("Open: Plugins"), labels(PaletteModel.filter(all, "platform.plug")));
        assertEquals(List.of(), PaletteModel.filter(all, "nothing like this"));
    }

    @Test
    void searchHitsBecomeRecordEntriesThatOpenTheirEditor() {
        List<PaletteEntry> records = PaletteModel.records(List.of(
                new SearchResult("notes.list", null, null, "Notes", "Notes"),
                new SearchResult(null, "customer", "42", "王小明", "138****5678"),
                new SearchResult(null, "order", "o-1", "订单 o-1", null)));
        assertEquals(List.of(new PaletteEntry(Kind.RECORD, "customer:42", "王小明 · 138****5678"),
                new PaletteEntry(Kind.RECORD, "order:o-1", "订单 o-1")), records, "views are listed already");
    }

    @Test
    void prefixMatchesComeFirst() {
        List<PaletteEntry> entries = List.of(
                new PaletteEntry(Kind.COMMAND, "x.reindex", "Reindex notes"),
                new PaletteEntry(Kind.VIEW, "notes.list", "Open: Notes"),
                new PaletteEntry(Kind.COMMAND, "notes.new", "New note"));
        assertEquals(List.of("Open: Notes", "New note", "Reindex notes"), labels(PaletteModel.filter(entries, "no")));
    }

    @Test
    void commandLineSplitsIdAndArgument() {
        assertEquals(new CommandLine("notes.new", "Buy milk  now"), CommandLine.parse("  notes.new   Buy milk  now "));
        assertEquals(new CommandLine("help", ""), CommandLine.parse("help"));
        assertNull(CommandLine.parse("   "));
        assertNull(CommandLine.parse(null));
    }
}
