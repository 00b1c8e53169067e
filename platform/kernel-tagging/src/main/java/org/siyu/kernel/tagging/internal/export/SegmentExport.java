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
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.org.OrgService;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the customers of a segment as CSV: UTF-8 with a byte-order mark (Excel then reads Chinese right),
 * columns {@link #HEADER}, one row per customer in id order. Customers are read in pages of {@link #PAGE} through
 * {@link IdentityService#customers(int[])} (names, first channel, owner) and this bundle's assignments (tags);
 * without OneID the rows hold the id and the tags only. Long exports run as a job writing into
 * {@link ExportFiles}; the REST API streams the same bytes.
 */
@Component(service = SegmentExport.class)
public class SegmentExport {

    /** The job kind of an export. */
    public static final String JOB_KIND = "tagging.segment-export";
    static final List<String> HEADER = List.of("customer_id", "name", "first_channel", "owner", "tags");
    static final int PAGE = 500;
    /** Between the tags of one customer. */
    static final String TAG_SEPARATOR = "; ";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentExport.class);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Tagging tagging;
    private final Jobs jobs;
    private final ExportFiles files;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;

    @Activate
    public SegmentExport(@Reference Tagging tagging, @Reference Jobs jobs, BundleContext context) {
        this(tagging, jobs, ExportFiles.of(context), Clock.systemDefaultZone(), null);
    }

    /** For tests: {@code identity} may be {@code null}. */
    public SegmentExport(Tagging tagging, Jobs jobs, ExportFiles files, Clock clock, IdentityService identity) {
        this.tagging = tagging;
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
        this.identity = identity;
    }

    /** For tests: the org service whose data scopes exports respect. */
    public void org(OrgService service) {
        this.org = service;
    }

    /**
     * Refuses an export to an account with a data scope (a store manager): a segment is evaluated over every customer
     * of the brand, and the export lists names and owners, so it would show customers outside the scope.
     *
     * @throws ScopedExportException naming the account's unit
     */
    public void requireUnscoped(String account) {
        OrgService service = org;
        if (service != null && !service.scope(account).unrestricted()) {
            throw new ScopedExportException("the account '" + account + "' sees only the customers of unit '"
                    + service.accountUnit(account).orElse("?") + "'; segment exports list customers of the whole brand,"
                    + " so they need an account without a data scope");
        }
    }

    /** An export refused because of the account's data scope. */
    public static final class ScopedExportException extends RuntimeException {
        ScopedExportException(String message) {
            super(message);
        }
    }

    public ExportFiles files() {
        return files;
    }

    /** A started export: the job and the file it writes when done. */
    public record Started(Jobs.Started job, Path file) {
    }

    /**
     * Starts an export of the segment into a new file as a job. The expression is evaluated first, so a bad one
     * fails here and not in the job.
     *
     * @param label a short machine word for the file name (a saved segment's id, or {@code expr})
     * @throws org.siyu.api.tags.SegmentSyntaxException if the expression is not valid
     * @throws ScopedExportException if {@code actor} has a data scope
     */
    public Started start(String expression, String label, String title, String actor) throws IOException {
        requireUnscoped(actor);
        tagging.count(expression);
        String safe = label.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String name = "segment-" + (safe.isEmpty() ? "expr" : safe) + "-"
                + LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).format(STAMP) + ".csv";
        if (!ExportFiles.valid(name)) {
            name = "segment-export-" + LocalDateTime.now(clock).format(STAMP) + ".csv";
        }
        Path file = files.create(name);
        Jobs.Started job = jobs.start(JOB_KIND, title, actor, progress -> {
            Path partial = file.resolveSibling("." + file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                long rows = write(expression, out, progress);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Segment export by {}: {} customers of '{}' to {}", actor, rows, expression, file);
                return rows + " customers → " + file.getFileName();
            } finally {
                Files.deleteIfExists(partial);
            }
        });
        return new Started(job, file);
    }

    /**
     * Writes the segment's customers to {@code out} (not closed), reporting each page to {@code progress} (total =
     * the segment's count).
     *
     * @return how many rows were written
     * @throws java.util.concurrent.CancellationException if the job was cancelled (the output is incomplete)
     */
    public long write(String expression, OutputStream out, JobProgress progress) throws IOException {
        PrimitiveIterator.OfInt members = tagging.members(expression);
        progress.total(tagging.count(expression));
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
