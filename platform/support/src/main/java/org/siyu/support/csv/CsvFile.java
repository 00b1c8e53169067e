package org.siyu.support.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file with its encoding and delimiter settled and its header read. Parsing is Commons CSV's
 * (RFC 4180: double quotes, doubled quotes inside, line breaks inside quotes). Empty lines are kept as blank rows so
 * that row numbers stay the ones Excel shows; the rows are streamed, never all held in memory.
 */
public final class CsvFile {

    private static final int HEADER_LINE_LIMIT = 1 << 16;

    private final CsvSource source;
    private final Charset charset;
    private final int bomLength;
    private final Delimiter delimiter;
    private final CSVFormat format;
    private final List<String> headers;

    private CsvFile(CsvSource source, Charset charset, int bomLength, Delimiter delimiter, List<String> headers) {
        this.source = source;
        this.charset = charset;
        this.bomLength = bomLength;
        this.delimiter = delimiter;
        this.format = format(delimiter);
        this.headers = headers;
    }

    /**
     * Settles the encoding and delimiter ({@code AUTO}: detected) and reads the header.
     *
     * @throws CsvFileException when the file is empty, has no header, or cannot be read
     */
    public static CsvFile open(CsvSource source, Encoding encoding, Delimiter delimiter) throws CsvFileException {
        if (source.size() == 0) {
            throw new CsvFileException("the file is empty");
        }
        Charset charset;
        int bom;
        try (InputStream in = new BufferedInputStream(source.open())) {
            in.mark(4);
            byte[] head = in.readNBytes(3);
            in.reset();
            if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
                charset = StandardCharsets.UTF_8;
                bom = 3;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
                charset = StandardCharsets.UTF_16LE;
                bom = 2;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
                charset = StandardCharsets.UTF_16BE;
                bom = 2;
            } else {
                bom = 0;
                charset = encoding == Encoding.AUTO
                        ? (validUtf8(in) ? StandardCharsets.UTF_8 : Encoding.GB18030.charset())
                        : encoding.charset();
            }
            // A byte-order mark says what the bytes are; a user's explicit choice of another encoding would only
            // garble them, so the mark wins.
        } catch (IOException e) {
            throw new CsvFileException("the file cannot be read: " + e.getMessage(), e);
        }
        Delimiter settled = delimiter;
        if (delimiter == Delimiter.AUTO) {
            settled = Delimiter.guess(firstLine(source, charset, bom));
        }
        CsvFile file = new CsvFile(source, charset, bom, settled, List.of());
        List<String> headers;
        try (RowReader rows = file.reader()) {
            Row header = rows.nextRecord();
            if (header == null) {
                throw new CsvFileException("the file has no header row: the first row must name the columns");
            }
            if (header.blank()) {
                throw new CsvFileException("row 1 is empty: the first row must name the columns");
            }
            headers = names(header.cells());
        }
        return new CsvFile(source, charset, bom, settled, headers);
    }

    /** Whether the rest of the stream is valid UTF-8, read in blocks (a multi-byte character may span two). */
    static boolean validUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        int n;
        while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
            bytes.position(bytes.position() + n);
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, false);
            if (result.isError()) {
                return false;
            }
            chars.clear();
            bytes.compact();
        }
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return false;
        }
        try {
            return !decoder.flush(chars).isError() && !bytes.hasRemaining();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String firstLine(CsvSource source, Charset charset, int bom) throws CsvFileException {
        try (InputStream in = source.open()) {
            in.skipNBytes(bom);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
            char[] buffer = new char[HEADER_LINE_LIMIT];
            int n = reader.read(buffer);
            if (n <= 0) {
                return "";
            }
            String text = new String(buffer, 0, n);
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        } catch (IOException e) {
            throw new CsvFileException("the file cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Column names from the header cells, trimmed: an empty one becomes {@code #<column number>}, a repeated one gets
     * {@code (2)}, {@code (3)}… so each column can be named in a mapping.
     */
    static List<String> names(String[] cells) {
        int last = cells.length - 1;
        while (last >= 0 && cells[last].isBlank()) {
            last--; // Excel writes trailing separators for formatted but empty columns
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i <= last; i++) {
            String name = cells[i].strip();
            if (name.isEmpty()) {
                name = "#" + (i + 1);
            }
            int count = seen.merge(name, 1, Integer::sum);
            names.add(count == 1 ? name : name + " (" + count + ")");
        }
        return List.copyOf(names);
    }

    private static CSVFormat format(Delimiter delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter.character())
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .setAllowMissingColumnNames(true)
                .get();
    }

    public CsvSource source() {
        return source;
    }

    public Charset charset() {
        return charset;
    }

    public Delimiter delimiter() {
        return delimiter;
    }

    /** The column names, in order (see {@link #names}). */
    public List<String> headers() {
        return headers;
    }

    /** Reads the rows after the header. Close it. */
    public RowReader rows() throws CsvFileException {
        RowReader reader = reader();
        reader.nextRecord(); // the header (open() made sure it is row 1)
        return reader;
    }

    /** The first {@code limit} non-blank rows after the header. */
    public List<Row> preview(int limit) throws CsvFileException {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = rows()) {
            Row row;
            while (rows.size() < limit && (row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** How many non-blank rows follow the header (reads the whole file). */
    public int countRows() throws CsvFileException {
        int n = 0;
        try (RowReader reader = rows()) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    private RowReader reader() throws CsvFileException {
        try {
            InputStream in = source.open();
            in.skipNBytes(bomLength);
            Reader text = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            return new RowReader(format.parse(text));
        } catch (IOException e) {
            throw new CsvFileException("the file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Rows one at a time; a broken file (a quote never closed) is a {@link CsvFileException} naming the row. */
    public static final class RowReader implements AutoCloseable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private int lastRow;

        RowReader(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        /** The next non-blank row, or {@code null} at the end of the file. */
        public Row next() throws CsvFileException {
            Row row;
            do {
                row = nextRecord();
            } while (row != null && row.blank());
            return row;
        }

        Row nextRecord() throws CsvFileException {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                lastRow = (int) record.getRecordNumber();
                return new Row(lastRow, record.values());
            } catch (UncheckedIOException | IllegalStateException e) {
                String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new CsvFileException("the file cannot be read after row " + lastRow + " (row " + (lastRow + 1)
                        + " is broken: " + why + "); a double quote that opens a cell must close it, and a quote "
                        + "inside a quoted cell is written twice (\"\")", e);
            }
        }

        /** The number of the last row read (the header is 1). */
        public int lastRow() {
            return lastRow;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // reading is over; nothing was written
            }
        }
    }
}
