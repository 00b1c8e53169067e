package org.siyu.commerce.codes.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch for the printer: a CSV of every code with its scan URL (UTF-8 with a byte-order mark, so Excel shows
 * Chinese), and an HTML sheet of QR labels (A4, 4 × 6 per page, each with its printed code and the product) that a
 * browser prints. Both stream the codes page by page from the database; neither holds the batch in memory.
 */
public final class Exports {

    static final int PAGE = 1_000;
    /** The most labels on one sheet: 2,000 labels is 84 A4 pages, about what a browser prints without trouble. */
    public static final int MAX_SHEET = 2_000;
    private static final int PER_PAGE = 24;

    private Exports() {
    }

    public static void csv(CodeService codes, Batch batch, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write("serial,code,printed,url,product_id,sku_code\r\n");
        int from = 1;
        List<CodeInfo> page;
        while (!(page = codes.codes(batch.id(), from, PAGE)).isEmpty()) {
            for (CodeInfo c : page) {
                w.write(c.serial() + "," + c.code() + "," + CodeFormat.display(c.code()) + "," + cell(codes.url(c.code()))
                        + "," + batch.productId() + "," + cell(batch.skuCode()) + "\r\n");
            }
            from = page.getLast().serial() + 1;
        }
        w.flush();
    }

    /** @throws IllegalArgumentException for a count beyond {@link #MAX_SHEET} or a start below 1 */
    public static void checkSheet(int from, int count) {
        if (from < 1) {
            throw new IllegalArgumentException("from: the first serial is 1");
        }
        if (count < 1 || count > MAX_SHEET) {
            throw new IllegalArgumentException("count: 1 to " + MAX_SHEET + " labels per sheet");
        }
    }

    /** One code's QR as SVG, pointing at its scan URL. */
    public static String svg(CodeService codes, CodeInfo code) {
        return Qr.svg(codes.url(code.code()), "60mm");
    }

    /** One code's QR as PNG, pointing at its scan URL. */
    public static byte[] png(CodeService codes, CodeInfo code) {
        return Qr.png(codes.url(code.code()), 8);
    }

    /** The printed form of a code. */
    public static String display(String code) {
        return CodeFormat.display(code);
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * The labels of serials {@code from} to {@code from + count - 1}.
     *
     * @throws IllegalArgumentException for a count beyond {@link #MAX_SHEET} or a start below 1
     */
    public static void sheet(CodeService codes, Batch batch, int from, int count, OutputStream out) throws IOException {
        checkSheet(from, count);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String title = html(batch.productName() + (batch.skuCode() == null ? "" : " · " + batch.skuCode()));
        w.write("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>" + title + " #" + batch.id()
                + "</title><style>@page{size:A4;margin:10mm}body{margin:0;font-family:sans-serif}"
                + ".page{display:grid;grid-template-columns:repeat(4,1fr);gap:4mm;page-break-after:always}"
                + ".label{border:1px dashed #bbb;padding:2mm;text-align:center;font-size:8pt;height:40mm;"
                + "overflow:hidden}.code{font-family:monospace;font-size:10pt;letter-spacing:1px}</style></head><body>");
        int written = 0;
        int next = from;
        int end = from + count;
        while (next < end) {
            List<CodeInfo> page = codes.codes(batch.id(), next, Math.min(PAGE, end - next));
            if (page.isEmpty()) {
                break;
            }
            for (CodeInfo c : page) {
                if (c.serial() >= end) {
                    break;
                }
                if (written % PER_PAGE == 0) {
                    w.write(written == 0 ? "<div class=\"page\">" : "</div><div class=\"page\">");
                }
                w.write("<div class=\"label\">" + Qr.svg(codes.url(c.code()), "28mm") + "<div class=\"code\">"
                        + CodeFormat.display(c.code()) + "</div><div>" + title + " · " + c.serial() + "</div></div>");
                written++;
            }
            next = page.getLast().serial() + 1;
        }
        w.write(written == 0 ? "<p>no codes in this range</p>" : "</div>");
        w.write("</body></html>");
        w.flush();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
