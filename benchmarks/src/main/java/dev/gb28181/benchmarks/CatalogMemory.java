package dev.gb28181.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpException;
import dev.gb28181.manscdp.ManscdpList;

import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Heap held by aggregated catalogs (GB/T 28181-2016 Annex N): a 10,000-channel catalog arrives as 500
 * Response parts of 20 items; each part is decoded from its GB2312 bytes as the platform decodes a
 * MESSAGE body, its items gathered in a set (which drops resent parts, as the platform does) and the
 * parts aggregated into one {@link CatalogResponse}. The figure users size heaps with is what one
 * aggregated catalog keeps alive, and what building it allocates on the way.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.gb28181.benchmarks.CatalogMemory [items] [catalogs]}.
 */
public final class CatalogMemory {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final int PART = 20;

    private CatalogMemory() {
    }

    public static void main(String[] args) throws ManscdpException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int catalogs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ManscdpCodec codec = new ManscdpCodec();
        List<byte[]> parts = parts(codec, items);
        long partBytes = parts.stream().mapToLong(p -> p.length).sum();

        aggregate(codec, parts); // warm up the codec's readers and the JIT
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<CatalogResponse> kept = new ArrayList<>(catalogs);
        long before = usedAfterGc();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < catalogs; i++) {
            kept.add(aggregate(codec, parts));
        }
        long nanos = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long after = usedAfterGc();
        if (kept.stream().anyMatch(c -> c.items().size() != items || !Boolean.TRUE.equals(c.getComplete()))) {
            throw new IllegalStateException("aggregation lost items");
        }
        long retained = (after - before) / catalogs;
        System.out.printf("catalog of %,d items in %d parts of %d (%,d bytes of GB2312 XML)%n", items,
                parts.size(), PART, partBytes);
        System.out.printf("retained per aggregated catalog: %,d bytes (%,d bytes per item)%n", retained,
                retained / items);
        System.out.printf("allocated while decoding and aggregating one: %,d bytes; %.1f ms each%n",
                allocated / catalogs, nanos / 1e6 / catalogs);
    }

    private static CatalogResponse aggregate(ManscdpCodec codec, List<byte[]> parts) throws ManscdpException {
        CatalogResponse first = null;
        LinkedHashSet<CatalogItem> all = new LinkedHashSet<>();
        for (byte[] part : parts) {
            CatalogResponse response = (CatalogResponse) codec.decode(part).message();
            if (first == null) {
                first = response;
            }
            all.addAll(response.items());
        }
        return first.aggregate(new ArrayList<>(all), true, all.size());
    }

    private static List<byte[]> parts(ManscdpCodec codec, int items) {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < items; from += PART) {
            List<CatalogItem> list = new ArrayList<>(PART);
            CatalogResponse full = ManscdpCodecBenchmark.catalog(Math.min(items, from + PART));
            list.addAll(full.items().subList(from, full.items().size()));
            CatalogResponse part = new CatalogResponse();
            part.setSn(17L);
            part.setDeviceId("34020000001180000001");
            part.setSumNum(items);
            part.setDeviceList(new ManscdpList<>(list));
            parts.add(codec.encode(part, GB2312));
        }
        return parts;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
