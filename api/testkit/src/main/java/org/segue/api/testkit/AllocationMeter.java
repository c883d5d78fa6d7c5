package org.segue.api.testkit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated on the calling thread, from {@code com.sun.management.ThreadMXBean}
 * {@code #getThreadAllocatedBytes}, for checking that audio code does not allocate.
 *
 * <p>Why a method handle and not a cast: a direct reference to {@code com.sun.management} would
 * make this bundle import a JDK-specific package that not every framework exports; and an exact
 * method-handle call, unlike reflection, neither boxes the result nor allocates an argument array,
 * so reading the counter does not disturb it.
 */
public final class AllocationMeter {

    private final Object bean;
    private final MethodHandle allocatedBytes;
    private final long threadId;

    private AllocationMeter(Object bean, MethodHandle allocatedBytes, long threadId) {
        this.bean = bean;
        this.allocatedBytes = allocatedBytes;
        this.threadId = threadId;
    }

    /**
     * A meter for the calling thread, or {@code null} when this JVM cannot count allocated bytes
     * per thread (no {@code com.sun.management.ThreadMXBean}, or the counter is unsupported).
     */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+, and we run on 17.
    public static AllocationMeter forCurrentThread() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            Class<?> type = extendedInterface(bean.getClass());
            if (type == null) {
                return null;
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle supported = lookup.findVirtual(type, "isThreadAllocatedMemorySupported",
                    MethodType.methodType(boolean.class));
            MethodHandle enabled = lookup.findVirtual(type, "isThreadAllocatedMemoryEnabled",
                    MethodType.methodType(boolean.class));
            MethodHandle enable = lookup.findVirtual(type, "setThreadAllocatedMemoryEnabled",
                    MethodType.methodType(void.class, boolean.class));
            if (!(boolean) supported.invoke(bean)) {
                return null;
            }
            if (!(boolean) enabled.invoke(bean)) {
                enable.invoke(bean, true);
            }
            MethodHandle bytes = lookup.findVirtual(type, "getThreadAllocatedBytes",
                    MethodType.methodType(long.class, long.class))
                    .asType(MethodType.methodType(long.class, Object.class, long.class));
            AllocationMeter meter = new AllocationMeter(bean, bytes, Thread.currentThread().getId());
            // Link the call site before anyone measures with it.
            for (int i = 0; i < 100; i++) {
                meter.allocatedBytes();
            }
            return meter;
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * The {@code com.sun.management.ThreadMXBean} interface that the platform bean implements, found
     * by name on the bean itself: that works whatever class loader can see the JDK-specific package.
     */
    private static Class<?> extendedInterface(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("com.sun.management.ThreadMXBean")) {
                    return i;
                }
                Class<?> inherited = extendedInterface(i);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    /**
     * The least bytes that any of {@code runs} runs of {@code work}, on the thread that created this
     * meter, allocated beyond what reading the counter costs; stops early at zero.
     *
     * <p>Why the least: code that allocates does so in every run, while a few hundred bytes in one
     * run only are the JIT's (a deoptimisation re-materialising objects it had scalar-replaced, on
     * this thread). So "allocates nothing" means the least of a few runs is zero.
     */
    public long leastAllocatedBy(int runs, Runnable work) {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < runs && least > 0; run++) {
            long first = allocatedBytes();
            long overhead = allocatedBytes() - first; // normally 0
            long before = allocatedBytes();
            work.run();
            least = Math.min(least, allocatedBytes() - before - overhead);
        }
        return least;
    }

    /** Bytes allocated so far by the thread that created this meter; increases monotonically. */
    public long allocatedBytes() {
        try {
            return (long) allocatedBytes.invokeExact(bean, threadId);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the allocation counter", e);
        }
    }
}
