package org.siyu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One benchmark's result as Markdown: what was run on what, tables, notes. Printed and written to a file. */
public final class Report {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    public Report(String name, String title, Context context) {
        this.name = name;
        text.append("# ").append(title).append("\n\n");
        text.append("- run: ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(", `./siyu bench ").append(name).append(" --size=").append(context.sizeLabel())
                .append("`, seed ").append(context.seed()).append(context.smoke() ? ", smoke run (CI: few runs)" : "")
                .append('\n');
        text.append("- machine: ").append(Machine.describe()).append('\n');
        text.append(String.format("- load average (1 min) at start: %.2f%n", Machine.load()));
    }

    public Report line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public Report paragraph(String paragraph) {
        text.append('\n').append(paragraph).append('\n');
        return this;
    }

    /** A table; every row must have as many cells as the header. */
    public Report table(List<String> header, List<List<String>> rows) {
        text.append('\n');
        text.append(row(header));
        List<String> rule = new ArrayList<>();
        header.forEach(h -> rule.add("---"));
        text.append(row(rule));
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, header " + header.size());
            }
            text.append(row(r));
        }
        return this;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }

    /** Adds the load average at the end, prints the report and writes it to {@code <dir>/<name>.md}. */
    public Path finish(Path dir) {
        text.append(String.format("%n- load average (1 min) at the end: %.2f%n", Machine.load()));
        String markdown = text.toString();
        System.out.println();
        System.out.println(markdown);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".md");
            Files.writeString(file, markdown);
            System.out.println("written to " + file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
