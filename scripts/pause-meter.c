/*
 * How long this machine stops running anything: sleeps 0.5 ms at a time and reports each wake-up that came
 * more than 3 ms late. Run at the highest real-time priority, no thread of the machine can delay it, so what
 * it reports are pauses of the whole (virtual) machine: the hypervisor, or the kernel with interrupts off.
 * A benchmark's tail latency cannot be below them; scripts/bench-radius.sh runs it beside each half-rate run.
 *
 *   gcc -O2 -o /tmp/pause-meter scripts/pause-meter.c && chrt -f 99 /tmp/pause-meter 60
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2 || atof(argv[1]) <= 0) {
        fprintf(stderr, "usage: %s SECONDS\n", argv[0]);
        return 2;
    }
    const long nap = 500000;
    const struct timespec nap_ts = {0, nap};
    long end = now_ns() + (long) (atof(argv[1]) * 1e9);
    long naps = 0, over1 = 0, over3 = 0, over5 = 0, over10 = 0, longest = 0;
    while (now_ns() < end) {
        long before = now_ns();
        nanosleep(&nap_ts, NULL);
        long late = now_ns() - before - nap;
        naps++;
        if (late > longest) longest = late;
        over1 += late > 1000000;
        over5 += late > 5000000;
        over10 += late > 10000000;
        if (late > 3000000) {
            over3++;
            printf("  at %.3f s (CLOCK_MONOTONIC): %.1f ms late\n", before / 1e9, late / 1e6);
        }
    }
    printf("naps=%ld late>1ms=%ld late>3ms=%ld late>5ms=%ld late>10ms=%ld longest=%.1fms\n",
           naps, over1, over3, over5, over10, longest / 1e6);
    return 0;
}
