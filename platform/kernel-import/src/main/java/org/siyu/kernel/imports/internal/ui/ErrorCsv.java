package org.siyu.kernel.imports.internal.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.siyu.kernel.imports.internal.RowError;

/** The errors of a dry run as a CSV file Excel opens correctly: UTF-8 with a byte-order mark, Chinese headers too. */
final class ErrorCsv {

    private ErrorCsv() {
    }

    static byte[] write(List<RowError> errors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            printer.printRecord("row 行", "column 列", "value 值", "problem 问题");
            for (RowError e : errors) {
                printer.printRecord(e.row(), e.column(), e.value(), e.detail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
