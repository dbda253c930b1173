package io.steppe.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time (user + system) a process has used so far, read at the start and end of the measured period so that a
 * report shows what the generator cost next to what the server did.
 */
@FunctionalInterface
public interface CpuClock {

    /** The CPU time used so far, or empty when this platform does not tell. */
    Optional<Duration> used();

    /** This JVM, in nanoseconds where the platform's management bean gives them. */
    static CpuClock self() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return () -> os.getProcessCpuTime() < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(os.getProcessCpuTime()));
        }
        return () -> ProcessHandle.current().info().totalCpuDuration();
    }

    /**
     * Another process, e.g. the server under test (Linux: from {@code /proc/PID/stat}, in clock ticks).
     *
     * @throws IllegalArgumentException naming {@code --server-pid} when there is no such process
     */
    static CpuClock process(long pid) {
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalArgumentException("--server-pid " + pid + ": no such process"));
        if (handle.info().totalCpuDuration().isEmpty()) {
            throw new IllegalArgumentException("--server-pid " + pid + ": its CPU time cannot be read");
        }
        return () -> handle.info().totalCpuDuration();
    }

    static CpuClock none() {
        return Optional::empty;
    }
}
