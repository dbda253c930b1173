package io.steppe.ops.web;

/** The monotonic clock that HTTP latencies are read from: {@code System::nanoTime} in production. */
@FunctionalInterface
public interface Ticker {

    long nanoTime();
}
