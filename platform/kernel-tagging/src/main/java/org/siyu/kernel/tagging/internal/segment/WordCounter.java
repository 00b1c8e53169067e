package org.siyu.kernel.tagging.internal.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Counts a plan one chunk at a time: a RoaringBitmap keeps customers in chunks of 65,536 ids (a container per
 * chunk), and for each chunk of the universe this evaluates the whole expression on plain 1,024-word buffers that
 * are reused, then counts the bits. Nothing is allocated per operation, so the cost is a few passes over 8 KB per
 * operand and chunk whatever the densities; materialising intermediate bitmaps (allocating a container per chunk
 * and operation, converting between container kinds) cost several times more in the benchmark. An intersection
 * skips a chunk where one of its tags has no customer. Only reads the bitmaps.
 */
final class WordCounter {

    private static final int WORDS = 1 << 10; // 65,536 bits

    /** Buffers per thread, one per depth of the expression; grown on demand. */
    private static final ThreadLocal<List<long[]>> BUFFERS = ThreadLocal.withInitial(ArrayList::new);

    private final Container[] universe;
    private final Map<Plan.Leaf, Container[]> containers = new IdentityHashMap<>();
    private final List<long[]> buffers = BUFFERS.get();

    private WordCounter(RoaringBitmap universe, Plan plan) {
        List<Character> keys = new ArrayList<>();
        List<Container> chunks = new ArrayList<>();
        for (ContainerPointer p = universe.getContainerPointer(); p.getContainer() != null; p.advance()) {
            keys.add(p.key());
            chunks.add(p.getContainer());
        }
        this.universe = chunks.toArray(Container[]::new);
        collect(plan, keys);
    }

    /** How many customers {@code plan} selects. */
    static long count(RoaringBitmap universe, Plan plan) {
        WordCounter counter = new WordCounter(universe, plan);
        long total = 0;
        for (int chunk = 0; chunk < counter.universe.length; chunk++) {
            counter.evaluate(plan, chunk, 0);
            long[] words = counter.buffer(0);
            for (long word : words) {
                total += Long.bitCount(word);
            }
        }
        return total;
    }

    /** Finds each tag's container for every chunk of the universe (a tag is a subset of the universe). */
    private void collect(Plan plan, List<Character> keys) {
        switch (plan) {
            case Plan.Leaf leaf -> {
                Container[] byChunk = new Container[keys.size()];
                ContainerPointer p = leaf.bitmap().getContainerPointer();
                for (int i = 0; i < byChunk.length; i++) {
                    while (p.getContainer() != null && p.key() < keys.get(i)) {
                        p.advance();
                    }
                    byChunk[i] = p.getContainer() != null && p.key() == keys.get(i) ? p.getContainer() : null;
                }
                containers.put(leaf, byChunk);
            }
            case Plan.Complement c -> collect(c.operand(), keys);
            case Plan.Any any -> any.operands().forEach(o -> collect(o, keys));
            case Plan.All all -> {
                all.positive().forEach(o -> collect(o, keys));
                all.negative().forEach(o -> collect(o, keys));
            }
        }
    }

    /** Evaluates {@code plan} on one chunk into the buffer of {@code depth}. */
    private void evaluate(Plan plan, int chunk, int depth) {
        long[] out = buffer(depth);
        switch (plan) {
            case Plan.Leaf leaf -> load(containers.get(leaf)[chunk], out);
            case Plan.Complement c -> {
                evaluate(c.operand(), chunk, depth + 1);
                long[] in = buffer(depth + 1);
                load(universe[chunk], out);
                for (int i = 0; i < WORDS; i++) {
                    out[i] &= ~in[i];
                }
            }
            case Plan.Any any -> {
                evaluate(any.operands().getFirst(), chunk, depth);
                for (int o = 1; o < any.operands().size(); o++) {
                    evaluate(any.operands().get(o), chunk, depth + 1);
                    long[] in = buffer(depth + 1);
                    for (int i = 0; i < WORDS; i++) {
                        out[i] |= in[i];
                    }
                }
            }
            case Plan.All all -> all(all, chunk, depth, out);
        }
    }

    private void all(Plan.All all, int chunk, int depth, long[] out) {
        for (Plan p : all.positive()) {
            if (p instanceof Plan.Leaf leaf && containers.get(leaf)[chunk] == null) {
                Arrays.fill(out, 0L); // a tag without customers in this chunk: nobody here
                return;
            }
        }
        if (all.positive().isEmpty()) {
            load(universe[chunk], out);
        } else {
            evaluate(all.positive().getFirst(), chunk, depth);
        }
        for (int o = 1; o < all.positive().size(); o++) {
            evaluate(all.positive().get(o), chunk, depth + 1);
            long[] in = buffer(depth + 1);
            for (int i = 0; i < WORDS; i++) {
                out[i] &= in[i];
            }
        }
        for (Plan n : all.negative()) {
            if (n instanceof Plan.Leaf leaf && containers.get(leaf)[chunk] == null) {
                continue; // removes nobody here
            }
            evaluate(n, chunk, depth + 1);
            long[] in = buffer(depth + 1);
            for (int i = 0; i < WORDS; i++) {
                out[i] &= ~in[i];
            }
        }
    }

    /** The chunk's bits into {@code out}: a bitmap container is copied whole; others are set on a cleared buffer. */
    private static void load(Container container, long[] out) {
        if (container instanceof BitmapContainer) {
            container.copyBitmapTo(out, 0);
        } else {
            Arrays.fill(out, 0L);
            if (container != null) {
                container.copyBitmapTo(out, 0);
            }
        }
    }

    private long[] buffer(int depth) {
        while (buffers.size() <= depth) {
            buffers.add(new long[WORDS]);
        }
        return buffers.get(depth);
    }
}
