package org.siyu.bench.segments;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.siyu.kernel.tagging.internal.TagIndex;
import org.siyu.kernel.tagging.internal.segment.Expr;
import org.siyu.kernel.tagging.internal.segment.Segments;

/**
 * Siyu's side of {@code segments}, under JMH: one call of what {@code Tagging.count(expression)} does (the parse
 * cache, the index's read lock, the plan, the chunk-wise count), one thread, sampled call by call so the median and
 * p99 are of single counts. The fork regenerates the data from the seed and checks its count against the one the
 * peers agreed on before it times anything.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SegmentsJmh {

    @Param("100000")
    public int customers;

    @Param("2026")
    public long seed;

    /** Index into {@link SegmentData#EXPRESSIONS}. */
    @Param("0")
    public int expression;

    /** The expected count of every expression, comma-separated (empty: not checked). */
    @Param("")
    public String expected;

    private TagIndex index;
    private Segments segments;
    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        index = SegmentData.generate(customers, seed).tagIndex();
        segments = new Segments();
        text = SegmentData.EXPRESSIONS.get(expression);
        long count = count();
        if (!expected.isEmpty()) {
            long want = Long.parseLong(expected.split(",")[expression]);
            if (count != want) {
                throw new IllegalStateException("Siyu counted " + count + " for '" + text + "' in the JMH fork, "
                        + want + " before: the data or the evaluation is not deterministic");
            }
        }
    }

    @Benchmark
    public long count() {
        Expr expr = segments.parse(text);
        return index.read(bitmaps -> Segments.count(expr, bitmaps));
    }
}
