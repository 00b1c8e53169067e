package org.siyu.launcher.internal.search;

import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.siyu.api.search.SearchDocument;

/** The index's fields and how a {@link SearchDocument} becomes a Lucene document. */
final class Fields {

    /** {@code type + NUL + id}: the identity a write replaces. */
    static final String UID = "uid";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String DETAIL = "detail";
    /** When the document was written (a node-wide increasing number); a rebuild removes what is older than itself. */
    static final String STAMP = "stamp";
    /** Grams of everything searchable: title, detail, text values, keywords. */
    static final String ALL = "all";
    static final String TITLE_GRAMS = "title_g";
    /** SmartCN words of the title, and of the detail and text values. */
    static final String TITLE_WORDS = "title_s";
    static final String BODY_WORDS = "body_s";
    /** Normalised keywords, whole. */
    static final String KEYWORD = "kw";
    /** The normalised title, whole. */
    static final String TITLE_EXACT = "title_x";

    private Fields() {
    }

    static Term uid(String type, String id) {
        return new Term(UID, type + '\u0000' + id);
    }

    static Document document(SearchDocument d, long stamp) {
        Document doc = new Document();
        doc.add(new StringField(UID, uid(d.type(), d.id()).text(), Field.Store.NO));
        doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
        doc.add(new StoredField(ID, d.id()));
        doc.add(new StoredField(TITLE, d.title()));
        if (d.detail() != null) {
            doc.add(new StoredField(DETAIL, d.detail()));
        }
        doc.add(new LongPoint(STAMP, stamp));
        doc.add(new TextField(TITLE_GRAMS, d.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_WORDS, d.title(), Field.Store.NO));
        doc.add(new StringField(TITLE_EXACT, Analysis.normalize(d.title()), Field.Store.NO));
        doc.add(new TextField(ALL, d.title(), Field.Store.NO));
        if (d.detail() != null && !d.detail().isBlank()) {
            doc.add(new TextField(ALL, d.detail(), Field.Store.NO));
            doc.add(new TextField(BODY_WORDS, d.detail(), Field.Store.NO));
        }
        for (Map.Entry<String, String> e : d.text().entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                doc.add(new TextField(ALL, e.getValue(), Field.Store.NO));
                doc.add(new TextField(BODY_WORDS, e.getValue(), Field.Store.NO));
            }
        }
        for (String keyword : d.keywords()) {
            if (keyword != null && !keyword.isBlank()) {
                doc.add(new StringField(KEYWORD, Analysis.normalize(keyword), Field.Store.NO));
                doc.add(new TextField(ALL, keyword, Field.Store.NO));
            }
        }
        return doc;
    }
}
