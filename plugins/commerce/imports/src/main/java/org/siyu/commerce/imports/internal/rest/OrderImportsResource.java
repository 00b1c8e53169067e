package org.siyu.commerce.imports.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.commerce.imports.internal.DryRunReport;
import org.siyu.commerce.imports.internal.ImportPermissions;
import org.siyu.commerce.imports.internal.ImportRecord;
import org.siyu.commerce.imports.internal.OrderImporter;
import org.siyu.commerce.imports.internal.RowError;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.commerce.imports.internal.source.ColumnMapping;
import org.siyu.commerce.imports.internal.source.Field;
import org.siyu.commerce.imports.internal.source.Source;
import org.siyu.commerce.imports.internal.source.SourceConfig;

/**
 * {@code /api/v1/order-imports} ({@code /api/v1/imports} is the kernel's customer import, {@code orders} is commerce's):
 * {@code POST <source>?dryRun=true|false} with the report as the body ({@code source} = {@code tmall}, {@code jd},
 * {@code douyin} or {@code auto}), {@code GET} the recent imports, {@code GET <id>} one with its errors,
 * {@code POST <id>/cancel}, {@code GET|PUT|DELETE sources/<source>} a source's mapping. Everything needs the
 * permission {@value ImportPermissions#RUN}.
 */
@Component
public class OrderImportsResource implements RestResource {

    /** The largest body accepted, the same as the admin's upload. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;
    static final int DEFAULT_RECENT = 20;

    private final OrderImporter importer;

    @Activate
    public OrderImportsResource(@Reference OrderImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "order-imports";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        if (!request.user().isPermitted(ImportPermissions.RUN)) {
            throw RestException.forbidden("this needs the permission " + ImportPermissions.RUN + "; "
                    + request.user().username() + " does not hold it");
        }
        List<String> path = request.segments();
        String method = request.method();
        try {
            if (path.isEmpty()) {
                require(method, "GET");
                return importer.recent(DEFAULT_RECENT).stream().map(OrderImportsResource::summary).toList();
            }
            String first = path.get(0);
            if (first.equals("sources")) {
                return sources(request, path);
            }
            if (path.size() == 1 && (first.equals("auto") || isSource(first))) {
                require(method, "POST");
                return importFile(request, response, first);
            }
            long id = id(first);
            ImportRecord record = importer.record(id).orElseThrow(() ->
                    RestException.notFound("there is no order import " + id));
            if (path.size() == 1) {
                require(method, "GET");
                Map<String, Object> answer = summary(record);
                answer.put("errors", importer.errors(id, 0, Integer.MAX_VALUE).stream()
                        .map(OrderImportsResource::error).toList());
                return answer;
            }
            if (path.size() == 2 && path.get(1).equals("cancel")) {
                require(method, "POST");
                return Map.of("cancelled", importer.cancel(id, request.user().username()));
            }
            throw RestException.notFound("no resource at /api/v1/order-imports/" + String.join("/", path));
        } catch (OrderImporter.CommerceUnavailable e) {
            throw new RestException(503, "unavailable", "commerce is not installed");
        }
    }

    private static boolean isSource(String segment) {
        try {
            Source.of(segment);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Object importFile(RestRequest request, RestResponse response, String sourceSegment) throws RestException {
        if (!importer.commerceAvailable()) {
            throw new RestException(503, "unavailable", "commerce is not installed");
        }
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
            throw new RestException(415, "unsupported media type", "send the report with Content-Type: text/csv "
                    + "(or text/tab-separated-values), not " + mediaType);
        }
        byte[] body = request.bytes();
        if (body.length == 0) {
            throw RestException.badRequest("the request needs the CSV report as its body");
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
        String fileName = request.query("fileName").or(() -> request.header("X-File-Name")).orElse("orders.csv");
        CsvFile file;
        try {
            file = CsvFile.open(CsvSource.of(fileName, body), encoding, delimiter);
        } catch (CsvFileException e) {
            throw new RestException(400, "bad file", e.getMessage());
        }
        Source source = sourceSegment.equals("auto") ? importer.guessSource(file).orElseThrow(() ->
                RestException.badRequest("the source cannot be told from the header (" + String.join(", ",
                        file.headers()) + "): post to /api/v1/order-imports/tmall, jd or douyin"))
                : Source.of(sourceSegment);
        ColumnMapping mapping;
        try {
            mapping = request.query("columns").isPresent()
                    ? ColumnMapping.of(source, file.headers(), ColumnMapping.parseColumns(request.query("columns").get()))
                    : importer.guess(source, file);
            mapping.check(importer.config(source));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest((request.query("columns").isPresent() ? "query 'columns': " : "")
                    + e.getMessage());
        }
        if (dryRun) {
            DryRunReport report;
            try {
                report = importer.dryRun(file, mapping);
            } catch (CsvFileException e) {
                throw new RestException(400, "bad file", e.getMessage());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("source", source.id());
            answer.put("rows", report.rows());
            answer.put("orders", report.orders());
            answer.put("ok", report.ok());
            answer.put("rejected", report.rejected());
            answer.put("rejectedRows", report.rejectedRows());
            answer.put("newOrders", report.newOrders());
            answer.put("alreadyRecorded", report.recorded());
            answer.put("multiLineOrders", report.multiLine());
            answer.put("newCustomers", report.newCustomers());
            answer.put("existingCustomers", report.existingCustomers());
            answer.put("maskedPhones", report.maskedPhones());
            answer.put("unknownSkus", report.unknownSkus());
            answer.put("errors", report.errors().stream().map(OrderImportsResource::error).toList());
            answer.put("errorCount", report.errorCount());
            answer.put("encoding", file.charset().name());
            answer.put("delimiter", file.delimiter().name().toLowerCase(Locale.ROOT));
            answer.put("mapping", mapping.byColumn());
            return answer;
        }
        OrderImporter.Started started;
        try {
            started = importer.start(file, mapping, request.user().username());
        } catch (OrderImporter.CommerceUnavailable e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new RestException(503, "unavailable", e.getMessage());
        }
        response.status(202);
        response.header("Location", "/api/v1/order-imports/" + started.importId());
        return Map.of("importId", started.importId(), "jobId", started.jobId(), "source", source.id());
    }

    /** {@code GET sources}, {@code GET|PUT|DELETE sources/<source>}. */
    private Object sources(RestRequest request, List<String> path) throws RestException {
        if (path.size() == 1) {
            require(request.method(), "GET");
            List<Object> all = new ArrayList<>();
            for (Source s : Source.values()) {
                all.add(config(s));
            }
            return all;
        }
        if (path.size() != 2) {
            throw RestException.notFound("no resource at /api/v1/order-imports/" + String.join("/", path));
        }
        Source source;
        try {
            source = Source.of(path.get(1));
        } catch (IllegalArgumentException e) {
            throw RestException.notFound(e.getMessage());
        }
        switch (request.method()) {
            case "GET" -> {
                return config(source);
            }
            case "PUT" -> {
                SourceBody body = request.body(SourceBody.class);
                SourceConfig current = importer.config(source);
                try {
                    importer.saveConfig(source, body.merge(current).encode(), request.user().username());
                } catch (IllegalArgumentException e) {
                    throw RestException.badRequest(e.getMessage());
                }
                return config(source);
            }
            case "DELETE" -> {
                importer.resetConfig(source, request.user().username());
                return config(source);
            }
            default -> throw new RestException(405, "method not allowed", request.method()
                    + " is not supported here; use GET, PUT or DELETE");
        }
    }

    /**
     * A source's configuration as sent: fields left out keep their current value.
     *
     * @param headers        field token → header names, tried in order
     * @param statuses       marketplace status text → {@code CREATED}, {@code PAID}, … (replaces all statuses)
     * @param amountsPerLine whether amounts are per row
     */
    public record SourceBody(Map<String, List<String>> headers, Map<String, String> statuses, Boolean amountsPerLine) {

        SourceConfig merge(SourceConfig current) {
            SourceConfig c = current;
            if (headers != null) {
                for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                    Field field;
                    try {
                        field = Field.of(e.getKey());
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("headers." + e.getKey() + ": " + ex.getMessage(), ex);
                    }
                    List<String> names = e.getValue() == null ? List.of() : e.getValue();
                    for (String n : names) {
                        if (n == null || n.isBlank() || n.contains("|") || n.contains("\t") || n.contains("\n")) {
                            throw new IllegalArgumentException("headers." + e.getKey() + ": a header name is not "
                                    + "blank and has no '|', tab or line break");
                        }
                    }
                    c = c.withHeaders(field, names.stream().map(String::strip).toList());
                }
            }
            Map<String, OrderStatus> s = c.statuses();
            if (statuses != null) {
                s = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : statuses.entrySet()) {
                    if (e.getKey().isBlank() || e.getKey().contains("\t") || e.getKey().contains("\n")) {
                        throw new IllegalArgumentException("statuses: a status text is not blank and has no tab or "
                                + "line break");
                    }
                    try {
                        s.put(e.getKey().strip(), OrderStatus.valueOf(String.valueOf(e.getValue())
                                .toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("statuses." + e.getKey() + ": '" + e.getValue()
                                + "' is not an order status: use CREATED, PAID, SHIPPED, COMPLETED, CANCELLED or "
                                + "REFUNDED", ex);
                    }
                }
            }
            return new SourceConfig(c.source(), c.headers(), s, amountsPerLine == null ? c.amountsPerLine()
                    : amountsPerLine);
        }
    }

    private Map<String, Object> config(Source s) {
        SourceConfig c = importer.config(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.id());
        m.put("customized", importer.customized(s));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            headers.put(f.token(), c.headers(f));
        }
        m.put("headers", headers);
        Map<String, String> statuses = new LinkedHashMap<>();
        c.statuses().forEach((k, v) -> statuses.put(k, v.name()));
        m.put("statuses", statuses);
        m.put("amountsPerLine", c.amountsPerLine());
        return m;
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

    private static long id(String segment) throws RestException {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw RestException.notFound("no resource at /api/v1/order-imports/" + segment + "; there are tmall, "
                    + "jd, douyin, auto, sources and import ids");
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
        m.put("source", r.source());
        m.put("fileName", r.fileName());
        m.put("state", r.state().name());
        m.put("jobId", r.jobId());
        m.put("rows", r.rowsTotal());
        m.put("orders", r.ordersTotal());
        m.put("done", r.ordersDone());
        m.put("created", r.ordersCreated());
        m.put("alreadyRecorded", r.ordersExisting());
        m.put("rejected", r.ordersRejected());
        m.put("rejectedRows", r.rowsRejected());
        m.put("newCustomers", r.customersCreated());
        m.put("errorsStored", r.errorsStored());
        m.put("message", r.message());
        m.put("mapping", r.mapping());
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
