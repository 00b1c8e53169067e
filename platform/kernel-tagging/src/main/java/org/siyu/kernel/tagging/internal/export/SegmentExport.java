package org.siyu.kernel.tagging.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobProgress;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.ScopeClosedException;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the customers of a segment as CSV: UTF-8 with a byte-order mark (Excel then reads Chinese right),
 * columns {@link #HEADER}, one row per customer in id order. Customers are read in pages of {@link #PAGE} through
 * {@link IdentityService#customers(int[])} (names, first channel, owner) and this bundle's assignments (tags);
 * without OneID the rows hold the id and the tags only. Long exports run as a job writing into
 * {@link ExportFiles}; the REST API streams the same bytes.
 *
 * <p>An account with a data scope exports the customers of the segment <em>in its scope</em> ({@link Scopes}); the
 * file name, the job's summary and the audit line say so. A scope that cannot be worked out refuses the export
 * ({@link ScopeClosedException}) rather than write an empty file that reads like "nobody".
 */
@Component(service = SegmentExport.class)
public class SegmentExport {

    /** The job kind of an export. */
    public static final String JOB_KIND = "tagging.segment-export";
    static final List<String> HEADER = List.of("customer_id", "name", "first_channel", "owner", "tags");
    static final int PAGE = 500;
    /** Between the tags of one customer. */
    static final String TAG_SEPARATOR = "; ";

    private static final Logger AUDIT = LoggerFactory.getLogger("org.siyu.audit.tagging");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Tagging tagging;
    private final Jobs jobs;
    private final Scopes scopes;
    private final ExportFiles files;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Activate
    public SegmentExport(@Reference Tagging tagging, @Reference Jobs jobs, @Reference Scopes scopes,
            BundleContext context) {
        this(tagging, jobs, scopes, ExportFiles.of(context), Clock.systemDefaultZone(), null);
    }

    /** For tests: {@code identity} may be {@code null}. */
    public SegmentExport(Tagging tagging, Jobs jobs, Scopes scopes, ExportFiles files, Clock clock,
            IdentityService identity) {
        this.tagging = tagging;
        this.jobs = jobs;
        this.scopes = scopes;
        this.files = files;
        this.clock = clock;
        this.identity = identity;
    }

    public ExportFiles files() {
        return files;
    }

    /**
     * A started export.
     *
     * @param job   the job
     * @param file  the file it writes when done
     * @param count how many customers it exports (the segment within the scope, when it started)
     * @param scope the actor's scope it was cut to
     */
    public record Started(Jobs.Started job, Path file, long count, Scope scope) {
    }

    /**
     * Starts an export of the segment, within {@code actor}'s data scope, into a new file as a job. The scope and the
     * expression are checked first, so a bad one fails here and not in the job.
     *
     * @param label a short machine word for the file name (a saved segment's id, or {@code expr})
     * @throws org.siyu.api.tags.SegmentSyntaxException if the expression is not valid
     * @throws ScopeClosedException if {@code actor} has a data scope that cannot be worked out now
     */
    public Started start(String expression, String label, String title, String actor) throws IOException {
        Scope scope = open(actor);
        long count = tagging.count(expression, scope.within());
        String stamp = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).format(STAMP);
        String name = "segment-" + fileLabel(label, scope) + "-" + stamp + ".csv";
        if (!ExportFiles.valid(name)) {
            name = "segment-export-" + stamp + ".csv";
        }
        Path file = files.create(name);
        Jobs.Started job = jobs.start(JOB_KIND, title, actor, progress -> {
            Path partial = file.resolveSibling("." + file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                long rows = write(expression, scope.within(), out, progress);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                audit(actor, expression, scope, rows, file.getFileName().toString());
                return rows + " customers" + (scope.unrestricted() ? "" : " in the data scope of " + scope.unit())
                        + " → " + file.getFileName();
            } finally {
                Files.deleteIfExists(partial);
            }
        });
        return new Started(job, file, count, scope);
    }

    /**
     * The actor's scope for an export.
     *
     * @throws ScopeClosedException if it cannot be worked out now
     */
    private Scope open(String actor) {
        Scope scope = scopes.of(actor);
        if (scope.closed()) {
            throw new ScopeClosedException(scope.problem());
        }
        return scope;
    }

    /**
     * Streams the segment within {@code scope} (an open one) to {@code out} (the REST download) and audits it.
     *
     * @return how many rows were written
     */
    public long stream(String expression, Scope scope, String actor, OutputStream out) throws IOException {
        long rows = write(expression, scope.within(), out, Jobs.NO_PROGRESS);
        audit(actor, expression, scope, rows, "a download through the API");
        return rows;
    }

    /** The file name's label: {@code label}, plus {@code scope-<unit>} for a scoped export. */
    public static String fileLabel(String label, Scope scope) {
        String safe = safe(label, 40);
        String word = safe.isEmpty() ? "expr" : safe;
        if (scope.unrestricted()) {
            return word;
        }
        String unit = safe(scope.unit(), 30);
        return word + "-scope" + (unit.isEmpty() ? "" : "-" + unit);
    }

    private static String safe(String text, int max) {
        String safe = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return safe.length() > max ? safe.substring(0, max).replaceAll("-$", "") : safe;
    }

    private static void audit(String actor, String expression, Scope scope, long rows, String target) {
        AUDIT.info("segment.export by {}: {} customers of '{}' within {} to {}", actor, rows, expression,
                scope.describe(), target);
    }

    /**
     * Writes the segment's customers among {@code within} ({@code null}: all) to {@code out} (not closed), reporting
     * each page to {@code progress} (total = how many there are).
     *
     * @return how many rows were written
     * @throws java.util.concurrent.CancellationException if the job was cancelled (the output is incomplete)
     */
    public long write(String expression, RoaringBitmap within, OutputStream out, JobProgress progress)
            throws IOException {
        RoaringBitmap selected = tagging.select(expression, within);
        PrimitiveIterator.OfInt members = selected.stream().iterator();
        progress.total(selected.getLongCardinality());
        IdentityService oneId = identity;
        if (oneId == null) {
            progress.message("OneID is not running: names, first channels and owners are left empty");
        }
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADER.toArray(String[]::new))
                .get());
        long rows = 0;
        int[] page = new int[PAGE];
        while (members.hasNext()) {
            if (progress.cancelled()) {
                csv.flush();
                throw new java.util.concurrent.CancellationException("cancelled after " + rows + " customers");
            }
            int n = 0;
            while (n < PAGE && members.hasNext()) {
                page[n++] = members.nextInt();
            }
            int[] ids = java.util.Arrays.copyOf(page, n);
            Map<Integer, Customer> customers = customers(oneId, ids);
            List<Integer> idList = new ArrayList<>(n);
            for (int id : ids) {
                idList.add(id);
            }
            Map<Integer, List<String>> tags = tagging.tagNames(idList);
            for (int id : ids) {
                Customer c = customers.get(id);
                csv.printRecord(id, cell(c == null ? null : name(c)), cell(c == null ? null : c.firstChannel()),
                        cell(c == null ? null : c.owner()),
                        cell(String.join(TAG_SEPARATOR, tags.getOrDefault(id, List.of()))));
            }
            rows += n;
            progress.done(rows);
        }
        csv.flush();
        return rows;
    }

    private static Map<Integer, Customer> customers(IdentityService oneId, int[] ids) {
        Map<Integer, Customer> byId = new HashMap<>();
        if (oneId != null) {
            for (Customer c : oneId.customers(ids)) {
                byId.put(c.id(), c);
            }
        }
        return byId;
    }

    private static String name(Customer c) {
        String name = c.traits().get("name");
        return name == null || name.isBlank() ? c.traits().get("nickname") : name;
    }

    /**
     * The value as Excel should show it: a leading {@code = + - @}, tab or carriage return would make Excel run the
     * cell as a formula (CSV injection through a nickname), so such a value gets a leading apostrophe.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
