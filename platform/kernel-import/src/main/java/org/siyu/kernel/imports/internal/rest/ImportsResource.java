package org.siyu.kernel.imports.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.imports.internal.DryRunReport;
import org.siyu.kernel.imports.internal.ImportPermissions;
import org.siyu.kernel.imports.internal.ImportRecord;
import org.siyu.kernel.imports.internal.Importer;
import org.siyu.kernel.imports.internal.RowError;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.kernel.imports.internal.mapping.Mapping;

/**
 * {@code /api/v1/imports}: {@code POST customers?dryRun=true|false} with the CSV as the body, {@code GET} the recent
 * imports, {@code GET <id>} one with its errors, {@code POST <id>/cancel}, {@code GET mappings},
 * {@code PUT mappings/<name>?columns=…}. Everything needs the permission {@value ImportPermissions#RUN}.
 */
@Component
public class ImportsResource implements RestResource {

    /** The largest body accepted, the same as the admin's upload. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;
    static final int DEFAULT_RECENT = 20;

    private final Importer importer;

    @Activate
    public ImportsResource(@Reference Importer importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "imports";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        if (!request.user().isPermitted(ImportPermissions.RUN)) {
            throw RestException.forbidden("this needs the permission " + ImportPermissions.RUN + "; "
                    + request.user().username() + " does not hold it");
        }
        List<String> path = request.segments();
        String method = request.method();
        if (path.isEmpty()) {
            require(method, "GET");
            return importer.recent(DEFAULT_RECENT).stream().map(r -> summary(r)).toList();
        }
        String first = path.get(0);
        if (first.equals("customers") && path.size() == 1) {
            require(method, "POST");
            return importCustomers(request, response);
        }
        if (first.equals("mappings")) {
            if (path.size() == 1) {
                require(method, "GET");
                return importer.mappingNames();
            }
            if (path.size() == 2) {
                require(method, "PUT");
                String columns = request.query("columns").orElseThrow(() -> RestException.badRequest(
                        "query 'columns' is required: <column>:<target>,… e.g. 手机:phone,姓名:name,标签:tags"));
                try {
                    importer.saveMapping(path.get(1), Mapping.parseColumns(columns), request.user().username());
                } catch (IllegalArgumentException e) {
                    throw RestException.badRequest(e.getMessage());
                }
                return Map.of("name", path.get(1), "columns", columns);
            }
        }
        long id = id(first);
        ImportRecord record = importer.record(id).orElseThrow(() -> RestException.notFound("there is no import " + id));
        if (path.size() == 1) {
            require(method, "GET");
            Map<String, Object> answer = summary(record);
            answer.put("errors", importer.errors(id, 0, Integer.MAX_VALUE).stream().map(ImportsResource::error)
                    .toList());
            return answer;
        }
        if (path.size() == 2 && path.get(1).equals("cancel")) {
            require(method, "POST");
            return Map.of("cancelled", importer.cancel(id, request.user().username()));
        }
        throw RestException.notFound("no resource at /api/v1/imports/" + String.join("/", path));
    }

    private Object importCustomers(RestRequest request, RestResponse response) throws RestException {
        boolean dryRun = switch (request.query("dryRun").orElse("").toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RestException.badRequest("query 'dryRun' is required: true (check only) or false "
                    + "(import)");
        };
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = contentType.split(";")[0].strip();
        if (!List.of("text/csv", "text/plain", "text/tab-separated-values", "application/octet-stream", "")
                .contains(mediaType)) {
            throw new RestException(415, "unsupported media type", "send the file with Content-Type: text/csv "
                    + "(or text/tab-separated-values), not " + mediaType);
        }
        byte[] body = request.bytes();
        if (body.length == 0) {
            throw RestException.badRequest("the request needs the CSV file as its body");
        }
        if (body.length > MAX_BYTES) {
            throw new RestException(413, "payload too large", "the file is " + body.length / (1024 * 1024)
                    + " MB; at most " + MAX_BYTES / (1024 * 1024) + " MB are accepted: split it");
        }
        Encoding encoding = encoding(request, contentType);
        Delimiter delimiter;
        try {
            delimiter = mediaType.equals("text/tab-separated-values") && request.query("delimiter").isEmpty()
                    ? Delimiter.TAB : Delimiter.parse(request.query("delimiter").orElse("auto"));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest("query 'delimiter': " + e.getMessage());
        }
        String fileName = request.query("fileName").or(() -> request.header("X-File-Name")).orElse("upload.csv");
        CsvFile file;
        try {
            file = CsvFile.open(CsvSource.of(fileName, body), encoding, delimiter);
        } catch (CsvFileException e) {
            throw new RestException(400, "bad file", e.getMessage());
        }
        Mapping mapping = mapping(request, file);
        if (dryRun) {
            DryRunReport report;
            try {
                report = importer.dryRun(file, mapping);
            } catch (CsvFileException e) {
                throw new RestException(400, "bad file", e.getMessage());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("rows", report.rows());
            answer.put("ok", report.ok());
            answer.put("rejected", report.rejected());
            answer.put("errors", report.errors().stream().map(ImportsResource::error).toList());
            answer.put("errorCount", report.errorCount());
            answer.put("new", report.created());
            answer.put("existing", report.existing());
            answer.put("duplicates", report.duplicates());
            answer.put("encoding", file.charset().name());
            answer.put("delimiter", file.delimiter().name().toLowerCase(Locale.ROOT));
            answer.put("mapping", mapping.byColumn());
            return answer;
        }
        Importer.Started started;
        try {
            started = importer.start(file, mapping, request.user().username());
        } catch (IllegalStateException e) {
            throw new RestException(503, "unavailable", e.getMessage());
        }
        response.status(202);
        response.header("Location", "/api/v1/imports/" + started.importId());
        return Map.of("importId", started.importId(), "jobId", started.jobId());
    }

    private static Encoding encoding(RestRequest request, String contentType) throws RestException {
        Optional<String> given = request.query("encoding");
        String source = "query 'encoding'";
        if (given.isEmpty()) {
            int charset = contentType.indexOf("charset=");
            if (charset >= 0) {
                given = Optional.of(contentType.substring(charset + 8).split(";")[0].replace("\"", "").strip());
                source = "the Content-Type's charset";
            }
        }
        try {
            return Encoding.parse(given.orElse("auto"));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(source + ": " + e.getMessage());
        }
    }

    private Mapping mapping(RestRequest request, CsvFile file) throws RestException {
        Optional<String> saved = request.query("mapping");
        Optional<String> columns = request.query("columns");
        if (saved.isPresent() == columns.isPresent()) {
            throw RestException.badRequest("give either query 'mapping' (a saved mapping's name, or auto for the "
                    + "guess from the header) or query 'columns' (e.g. 手机:phone,姓名:name,标签:tags)");
        }
        try {
            if (columns.isPresent()) {
                return importer.mapping(file, Mapping.parseColumns(columns.get()));
            }
            if (saved.get().equals("auto")) {
                Mapping guess = importer.guess(file);
                guess.check();
                return guess;
            }
            return importer.savedMapping(file, saved.get());
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest((columns.isPresent() ? "query 'columns': " : "query 'mapping': ")
                    + e.getMessage());
        }
    }

    private static long id(String segment) throws RestException {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw RestException.notFound("no resource at /api/v1/imports/" + segment + "; there are customers, "
                    + "mappings and import ids");
        }
    }

    private static void require(String method, String allowed) throws RestException {
        if (!allowed.equals(method)) {
            throw new RestException(405, "method not allowed", method + " is not supported here; use " + allowed);
        }
    }

    static Map<String, Object> summary(ImportRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("fileName", r.fileName());
        m.put("state", r.state().name());
        m.put("jobId", r.jobId());
        m.put("rows", r.rowsTotal());
        m.put("done", r.rowsDone());
        m.put("imported", r.rowsImported());
        m.put("rejected", r.rowsRejected());
        m.put("created", r.customersCreated());
        m.put("tagsAdded", r.tagsAdded());
        m.put("errorsStored", r.errorsStored());
        m.put("message", r.message());
        m.put("mapping", Mapping.decode(r.mapping()));
        m.put("actor", r.actor());
        m.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        return m;
    }

    static Map<String, Object> error(RowError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", e.row());
        m.put("column", e.column());
        m.put("value", e.value());
        m.put("detail", e.detail());
        return m;
    }
}
