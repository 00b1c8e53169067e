package org.siyu.commerce.codes.internal.rest;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.rest.StreamedBody;
import org.siyu.commerce.codes.internal.Batch;
import org.siyu.commerce.codes.internal.CodeExceptions;
import org.siyu.commerce.codes.internal.CodeInfo;
import org.siyu.commerce.codes.internal.CodePermissions;
import org.siyu.commerce.codes.internal.CodeService;
import org.siyu.commerce.codes.internal.Exports;

/**
 * {@code /api/v1/codes}: {@code POST <code>/bind}, {@code GET <code>}, {@code GET <code>/qr.png|qr.svg};
 * {@code GET batches}, {@code POST batches}, {@code GET batches/<id>}, {@code POST batches/<id>/resume|cancel},
 * {@code GET batches/<id>/codes.csv}, {@code GET batches/<id>/sheet.html?from=&count=}. Binding needs
 * {@value CodePermissions#BIND}, batches and exports {@value CodePermissions#MANAGE}, reading
 * {@value CodePermissions#VIEW}.
 */
@Component
public class CodesResource implements RestResource {

    private final CodeService codes;

    @Activate
    public CodesResource(@Reference CodeService codes) {
        this.codes = codes;
    }

    @Override
    public String name() {
        return "codes";
    }

    /** The body of a bind. */
    public record BindBody(List<String> identities, String channel) {
    }

    /** The body of a new batch. */
    public record BatchBody(Long productId, String skuCode, Integer quantity, String note) {
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        try {
            if (path.isEmpty()) {
                permit(request, CodePermissions.VIEW);
                require(request, "GET");
                return codes.batches(50).stream().map(CodesResource::batch).toList();
            }
            if (path.get(0).equals("batches")) {
                return batches(request, response, path);
            }
            String code = path.get(0);
            if (path.size() == 1) {
                permit(request, CodePermissions.VIEW);
                require(request, "GET");
                return code(codes.code(code));
            }
            if (path.size() == 2 && path.get(1).equals("bind")) {
                permit(request, CodePermissions.BIND);
                require(request, "POST");
                BindBody body = request.body(BindBody.class);
                if (body == null) {
                    throw RestException.badRequest("the body is {\"identities\":[\"<channel>:<value>\",…],"
                            + "\"channel\":\"tmall\"}");
                }
                CodeInfo bound = codes.bind(code, body.identities(), body.channel(), request.user().username());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", bound.code());
                m.put("customerId", bound.customerId());
                m.put("productId", bound.productId());
                m.put("skuCode", bound.skuCode());
                m.put("channel", bound.channel());
                m.put("boundAt", bound.boundAt().toString());
                return m;
            }
            if (path.size() == 2 && (path.get(1).equals("qr.png") || path.get(1).equals("qr.svg"))) {
                permit(request, CodePermissions.VIEW);
                require(request, "GET");
                CodeInfo info = codes.code(code);
                boolean png = path.get(1).endsWith("png");
                byte[] bytes = png ? Exports.png(codes, info) : Exports.svg(codes, info)
                        .getBytes(StandardCharsets.UTF_8);
                return bytes(png ? "image/png" : "image/svg+xml", bytes);
            }
            throw RestException.notFound("no resource at /api/v1/codes/" + String.join("/", path));
        } catch (CodeExceptions.UnknownCode e) {
            throw RestException.notFound(e.getMessage());
        } catch (CodeExceptions.AlreadyBound e) {
            throw new RestException(409, "already_bound", e.getMessage());
        } catch (CodeExceptions.CommerceUnavailable e) {
            throw new RestException(503, "unavailable", "commerce is not installed");
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }

    private Object batches(RestRequest request, RestResponse response, List<String> path) throws RestException {
        if (path.size() == 1) {
            if (request.method().equals("GET")) {
                permit(request, CodePermissions.VIEW);
                return codes.batches(50).stream().map(CodesResource::batch).toList();
            }
            permit(request, CodePermissions.MANAGE);
            require(request, "POST");
            BatchBody body = request.body(BatchBody.class);
            if (body == null || body.productId() == null) {
                throw RestException.badRequest("productId is required: {\"productId\":1,\"skuCode\":\"…\","
                        + "\"quantity\":1000}");
            }
            if (body.quantity() == null) {
                throw RestException.badRequest("quantity is required: how many codes, 1 to "
                        + CodeService.MAX_QUANTITY);
            }
            CodeService.Started started;
            try {
                started = codes.createBatch(body.productId(), body.skuCode(), body.quantity(), body.note(),
                        request.user().username());
            } catch (CodeExceptions.CommerceUnavailable e) {
                throw e;
            } catch (IllegalStateException e) {
                throw new RestException(503, "unavailable", e.getMessage());
            }
            response.status(202);
            response.header("Location", "/api/v1/codes/batches/" + started.batchId());
            return Map.of("batchId", started.batchId(), "jobId", started.jobId());
        }
        long id;
        try {
            id = Long.parseLong(path.get(1));
        } catch (NumberFormatException e) {
            throw RestException.notFound("there is no batch '" + path.get(1) + "'");
        }
        Batch batch = codes.batch(id).orElseThrow(() -> RestException.notFound("there is no batch " + id));
        if (path.size() == 2) {
            permit(request, CodePermissions.VIEW);
            require(request, "GET");
            return batch(batch);
        }
        String action = path.get(2);
        permit(request, CodePermissions.MANAGE);
        switch (action) {
            case "resume" -> {
                require(request, "POST");
                try {
                    CodeService.Started started = codes.resume(id, request.user().username());
                    response.status(202);
                    return Map.of("batchId", started.batchId(), "jobId", started.jobId());
                } catch (IllegalArgumentException e) {
                    throw RestException.conflict(e.getMessage());
                } catch (IllegalStateException e) {
                    throw new RestException(503, "unavailable", e.getMessage());
                }
            }
            case "cancel" -> {
                require(request, "POST");
                return Map.of("cancelled", codes.cancel(id, request.user().username()));
            }
            case "codes.csv" -> {
                require(request, "GET");
                response.header("Content-Disposition", "attachment; filename=\"codes-" + id + ".csv\"");
                return stream("text/csv; charset=UTF-8", out -> Exports.csv(codes, batch, out));
            }
            case "sheet.html" -> {
                require(request, "GET");
                int from = number(request, "from", 1);
                int count = number(request, "count", Math.min(batch.generated(), Exports.MAX_SHEET));
                Exports.checkSheet(from, count);
                return stream("text/html; charset=UTF-8", out -> Exports.sheet(codes, batch, from, count, out));
            }
            default -> throw RestException.notFound("no resource at /api/v1/codes/" + String.join("/", path));
        }
    }

    private static int number(RestRequest request, String name, int otherwise) throws RestException {
        String v = request.query(name).orElse(null);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw RestException.badRequest("query '" + name + "': '" + v + "' is not a whole number");
        }
    }

    @FunctionalInterface
    private interface Writing {
        void write(OutputStream out) throws java.io.IOException;
    }

    private static StreamedBody stream(String type, Writing writing) {
        return new StreamedBody() {
            @Override
            public String contentType() {
                return type;
            }

            @Override
            public void writeTo(OutputStream out) throws java.io.IOException {
                writing.write(out);
            }
        };
    }

    private static StreamedBody bytes(String type, byte[] bytes) {
        return stream(type, out -> out.write(bytes));
    }

    private static void permit(RestRequest request, String permission) throws RestException {
        if (!request.user().isPermitted(permission)) {
            throw RestException.forbidden("this needs the permission " + permission + "; "
                    + request.user().username() + " does not hold it");
        }
    }

    private static void require(RestRequest request, String allowed) throws RestException {
        if (!allowed.equals(request.method())) {
            throw new RestException(405, "method not allowed", request.method() + " is not supported here; use "
                    + allowed);
        }
    }

    static Map<String, Object> batch(Batch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("productId", b.productId());
        m.put("productName", b.productName());
        m.put("skuCode", b.skuCode());
        m.put("quantity", b.quantity());
        m.put("generated", b.generated());
        m.put("bound", b.bound());
        m.put("state", b.state().name());
        m.put("jobId", b.jobId());
        m.put("note", b.note());
        m.put("message", b.message());
        m.put("createdBy", b.createdBy());
        m.put("createdAt", b.createdAt().toString());
        m.put("finishedAt", b.finishedAt() == null ? null : b.finishedAt().toString());
        return m;
    }

    static Map<String, Object> code(CodeInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("batchId", c.batchId());
        m.put("serial", c.serial());
        m.put("productId", c.productId());
        m.put("skuCode", c.skuCode());
        m.put("bound", c.bound());
        m.put("customerId", c.customerId());
        m.put("channel", c.channel());
        m.put("boundAt", c.boundAt() == null ? null : c.boundAt().toString());
        return m;
    }
}
