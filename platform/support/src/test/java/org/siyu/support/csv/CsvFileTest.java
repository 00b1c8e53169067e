package org.siyu.support.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static CsvFile open(byte[] bytes) throws CsvFileException {
        return CsvFile.open(CsvSource.of("t.csv", bytes), Encoding.AUTO, Delimiter.AUTO);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void utf8WithBomLosesTheBomFromTheFirstHeader() throws Exception {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        CsvFile file = open(concat(bom, "手机,姓名\n13800000000,张三\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, file.charset());
        assertEquals(List.of("手机", "姓名"), file.headers());
        assertArrayEquals(new String[] {"13800000000", "张三"}, file.preview(5).get(0).cells());
    }

    @Test
    void utf8WithoutBomIsRecognised() throws Exception {
        CsvFile file = open("手机,姓名\n13800000000,张三\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, file.charset());
        assertEquals("张三", file.preview(1).get(0).cell(1));
    }

    @Test
    void gb18030IsDetectedWhenTheBytesAreNotUtf8() throws Exception {
        CsvFile file = open("手机号,姓名,标签\n13800000000,张三,VIP|猫主人\n".getBytes(GB18030));
        assertEquals(GB18030, file.charset());
        assertEquals(List.of("手机号", "姓名", "标签"), file.headers());
        assertEquals("VIP|猫主人", file.preview(1).get(0).cell(2));
    }

    @Test
    void gbkBytesLateInALargeFileAreStillDetected() throws Exception {
        StringBuilder text = new StringBuilder("phone,name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("1380000").append(String.format("%04d", i)).append(",ascii\n");
        }
        text.append("13900000000,李四\n"); // past the first megabyte: the whole file is checked
        CsvFile file = open(text.toString().getBytes(GB18030));
        assertEquals(GB18030, file.charset());
    }

    @Test
    void anExplicitEncodingIsUsed() throws Exception {
        byte[] bytes = "手机,姓名\n13800000000,张三\n".getBytes(GB18030);
        CsvFile file = CsvFile.open(CsvSource.of("t.csv", bytes), Encoding.GB18030, Delimiter.COMMA);
        assertEquals("张三", file.preview(1).get(0).cell(1));
    }

    @Test
    void utf16WithBomAsExcelsUnicodeTextIsRead() throws Exception {
        byte[] bom = {(byte) 0xff, (byte) 0xfe};
        CsvFile file = open(concat(bom, "手机\t姓名\n13800000000\t张三\n".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(Delimiter.TAB, file.delimiter());
        assertEquals(List.of("手机", "姓名"), file.headers());
        assertEquals("张三", file.preview(1).get(0).cell(1));
    }

    @Test
    void theDelimiterIsTakenFromTheHeaderLine() throws Exception {
        assertEquals(Delimiter.SEMICOLON, open("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8)).delimiter());
        assertEquals(Delimiter.TAB, open("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)).delimiter());
        assertEquals(Delimiter.COMMA, open("\"a;x\",b\n1,2\n".getBytes(StandardCharsets.UTF_8)).delimiter());
    }

    @Test
    void quotedLineBreaksStayInOneRowAndRowNumbersAreExcels() throws Exception {
        String text = "手机,备注\r\n13800000000,\"第一行\r\n第二行\"\r\n\r\n13900000000,\"说 \"\"你好\"\"\"\r\n";
        List<Row> rows = open(text.getBytes(StandardCharsets.UTF_8)).preview(10);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).number());
        assertEquals("第一行\r\n第二行", rows.get(0).cell(1));
        assertEquals(4, rows.get(1).number(), "the empty line is row 3, as Excel shows it");
        assertEquals("说 \"你好\"", rows.get(1).cell(1));
    }

    @Test
    void raggedRowsKeepWhatTheyHave() throws Exception {
        List<Row> rows = open("a,b,c\n1\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8)).preview(10);
        assertEquals(1, rows.get(0).cells().length);
        assertEquals("", rows.get(0).cell(2));
        assertEquals(4, rows.get(1).cells().length);
    }

    @Test
    void blankAndRepeatedHeadersGetNamesOfTheirOwn() throws Exception {
        CsvFile file = open("备注,,备注,手机,,\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("备注", "#2", "备注 (2)", "手机"), file.headers());
    }

    @Test
    void anEmptyFileOrHeaderIsRefused() {
        assertEquals("the file is empty", assertThrows(CsvFileException.class, () -> open(new byte[0]))
                .getMessage());
        assertEquals("row 1 is empty: the first row must name the columns",
                assertThrows(CsvFileException.class, () -> open(",,\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
                        .getMessage());
    }

    @Test
    void aQuoteThatNeverClosesNamesTheRow() throws Exception {
        CsvFile file = open("手机,备注\n13800000000,ok\n13900000000,\"broken\n13700000000,x\n"
                .getBytes(StandardCharsets.UTF_8));
        CsvFileException e = assertThrows(CsvFileException.class, file::countRows);
        assertTrue(e.getMessage().startsWith("the file cannot be read after row 2 (row 3 is broken"), e.getMessage());
    }

    @Test
    void aFileSourceIsReadLikeBytes(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("客户.csv");
        Files.write(path, "手机,姓名\n13800000000,张三\n13900000000,李四\n".getBytes(GB18030));
        CsvFile file = CsvFile.open(CsvSource.of("客户.csv", path), Encoding.AUTO, Delimiter.AUTO);
        assertEquals(2, file.countRows());
        assertEquals("李四", file.preview(2).get(1).cell(1));
    }

    @Test
    void choicesAreReadFromWords() {
        assertEquals(Encoding.GB18030, Encoding.parse("GBK"));
        assertEquals(Encoding.UTF_8, Encoding.parse("utf8"));
        assertEquals(Delimiter.TAB, Delimiter.parse("tab"));
        assertEquals(Delimiter.SEMICOLON, Delimiter.parse(";"));
        assertEquals("encoding 'latin1' is not supported: use auto, utf-8 or gb18030 (gbk)",
                assertThrows(IllegalArgumentException.class, () -> Encoding.parse("latin1")).getMessage());
    }
}
